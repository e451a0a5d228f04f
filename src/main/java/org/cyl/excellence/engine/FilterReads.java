package org.cyl.excellence.engine;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.FilterManager;

import org.springframework.stereotype.Component;

/**
 * A list of a Tasklist filter ({@code POST /filter/{id}/list}, HAL) reads the filter
 * three times — for the resource, for the list and for the count, each a command of its
 * own — and checks each time that the person may read it: six of a branch secretary's
 * twelve statements per list (docs/benchmarks.md, "what a request costs"). Within one
 * HTTP request, a filter read once, its READ check passed, is given again from the
 * request's own copy to the same person: the request that read it a moment before.
 * Nothing outlives the request, so a filter changed or a grant withdrawn counts from the
 * next request on, as before; a refused read is not kept (the next read checks and
 * refuses again). Every read gets a fresh copy, so a caller that changes its filter (an
 * update) changes nothing kept.
 */
@Component
public class FilterReads extends AbstractProcessEnginePlugin {

	/**
	 * The request attribute of the filters read in the request, by person and filter id.
	 */
	private static final String REQUEST = FilterReads.class.getName() + ".read";

	private static final AtomicLong READS = new AtomicLong();

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		SessionFactories.replace(configuration, FilterManager.class, RequestFilterManager::new);
	}

	/** How many filters were read from the database since the start (for the tests). */
	public static long reads() {
		return READS.get();
	}

	/**
	 * Camunda's filter manager, but a filter read earlier in the request is read again
	 * from there.
	 */
	static class RequestFilterManager extends FilterManager {

		@Override
		public FilterEntity findFilterById(String filterId) {
			Map<String, FilterEntity> read = RequestMaps.ofThisRequest(REQUEST);
			String person = person();
			if (read == null || filterId == null || person == null) {
				READS.incrementAndGet();
				return super.findFilterById(filterId);
			}
			String key = person + '\u0000' + filterId;
			FilterEntity earlier = read.get(key);
			if (earlier != null) {
				return copy(earlier);
			}
			READS.incrementAndGet();
			FilterEntity filter = super.findFilterById(filterId);
			if (filter != null) {
				read.put(key, copy(filter));
			}
			return filter;
		}

		/** The person the command runs for, with their groups; null without one. */
		private static String person() {
			CommandContext context = Context.getCommandContext();
			Authentication authentication = (context != null) ? context.getAuthentication() : null;
			return (authentication == null || authentication.getUserId() == null) ? null
					: authentication.getUserId() + '\u0000' + authentication.getGroupIds();
		}

		private static FilterEntity copy(FilterEntity filter) {
			FilterEntity copy = new FilterEntity(filter.getResourceType());
			copy.setId(filter.getId());
			copy.setRevision(filter.getRevision());
			copy.setName(filter.getName());
			copy.setOwner(filter.getOwner());
			copy.setQueryInternal(filter.getQueryInternal());
			copy.setPropertiesInternal(filter.getPropertiesInternal());
			return copy;
		}

	}

}
