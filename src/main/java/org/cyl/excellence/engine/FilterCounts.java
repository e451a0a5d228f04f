package org.cyl.excellence.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.FilterServiceImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.query.Query;

import org.springframework.stereotype.Component;

/**
 * A list of a Tasklist filter ({@code POST /filter/{id}/list}, HAL) runs the filter's
 * query twice: once for the page and once more to count every task the person sees,
 * because the answer embeds the total. Where the page came back with fewer tasks than
 * asked for, the total is already known: the tasks before the page and the tasks on it
 * ({@code firstResult + size}; {@code size} for an unpaged list). Within one HTTP
 * request, the count of the same filter, with the same extending query, for the same
 * person, is then answered from the page, not from the database. A branch secretary's
 * lists are shorter than Tasklist's page of 15 almost always, so the HAL list of most
 * people costs one query, not two (docs/benchmarks.md, sixth run).
 * <p>
 * Nothing outlives the request, and each total is given once: the count that follows the
 * page in Camunda's own code. A full page, or an empty page after the first, says nothing
 * of the total, and the count runs as before. Every other use of the filter service is
 * Camunda's.
 */
@Component
public class FilterCounts extends AbstractProcessEnginePlugin {

	/** The request attribute of the totals known from pages listed in the request. */
	private static final String REQUEST = FilterCounts.class.getName() + ".totals";

	private static final AtomicLong ANSWERED = new AtomicLong();

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setFilterService(new PageCountingFilterService(configuration));
	}

	/** How many counts were answered from a page since the start (for the tests). */
	public static long answeredFromAPage() {
		return ANSWERED.get();
	}

	/** Camunda's filter service, which keeps the total a page has shown. */
	static class PageCountingFilterService extends FilterServiceImpl {

		/** A task query as JSON, as Camunda stores a filter's query. */
		private static final JsonTaskQueryConverter QUERIES = new JsonTaskQueryConverter();

		private final ProcessEngineConfigurationImpl configuration;

		PageCountingFilterService(ProcessEngineConfigurationImpl configuration) {
			this.configuration = configuration;
		}

		@Override
		public <T, Q extends Query<?, T>> List<T> list(String filterId, Q extendingQuery) {
			List<T> all = super.list(filterId, extendingQuery);
			remember(filterId, extendingQuery, all.size());
			return all;
		}

		@Override
		public <T, Q extends Query<?, T>> List<T> listPage(String filterId, Q extendingQuery, int firstResult,
				int maxResults) {
			List<T> page = super.listPage(filterId, extendingQuery, firstResult, maxResults);
			if (firstResult >= 0 && page.size() < maxResults && (firstResult == 0 || !page.isEmpty())) {
				remember(filterId, extendingQuery, (long) firstResult + page.size());
			}
			return page;
		}

		@Override
		public Long count(String filterId, Query<?, ?> extendingQuery) {
			Map<String, Long> totals = RequestMaps.ofThisRequest(REQUEST);
			String key = (totals != null && !totals.isEmpty()) ? key(filterId, extendingQuery) : null;
			Long known = (key != null) ? totals.remove(key) : null;
			if (known != null) {
				ANSWERED.incrementAndGet();
				return known;
			}
			return super.count(filterId, extendingQuery);
		}

		private void remember(String filterId, Query<?, ?> extendingQuery, long total) {
			Map<String, Long> totals = RequestMaps.ofThisRequest(REQUEST);
			String key = (totals != null) ? key(filterId, extendingQuery) : null;
			if (key != null) {
				totals.put(key, total);
			}
		}

		/**
		 * The person (with groups and tenants), the filter and the extending query, as
		 * one string; null where a total is not to be kept: without a person, or for a
		 * query other than a task query.
		 */
		private String key(String filterId, Query<?, ?> extendingQuery) {
			if (filterId == null) {
				return null;
			}
			IdentityService identity = this.configuration.getIdentityService();
			Authentication person = (identity != null) ? identity.getCurrentAuthentication() : null;
			if (person == null || person.getUserId() == null) {
				return null;
			}
			String query;
			if (extendingQuery == null) {
				query = "";
			}
			else if (extendingQuery instanceof TaskQueryImpl task) {
				try {
					query = QUERIES.toJson(task);
				}
				catch (RuntimeException ex) {
					return null;
				}
			}
			else {
				return null;
			}
			return person.getUserId() + '\u0000' + person.getGroupIds() + '\u0000' + person.getTenantIds() + '\u0000'
					+ filterId + '\u0000' + query;
		}

	}

}
