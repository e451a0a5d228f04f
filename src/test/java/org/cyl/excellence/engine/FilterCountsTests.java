package org.cyl.excellence.engine;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.IsolationTestModel;
import org.cyl.excellence.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A filter's HAL list gives the total the engine counts, whether it was counted or known
 * from a page that came back short ({@link FilterCounts}), for every shared filter, every
 * page a person may ask for, over REST and the webapp's own API; and a total known in one
 * request is not given in the next.
 */
@ApplicationTest
class FilterCountsTests {

	static final ObjectMapper JSON = new ObjectMapper();

	static final String SECRETARY = "sec120301";

	@LocalServerPort
	int port;

	@Autowired
	FilterService filters;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Test
	void everyPageOfEverySharedFilterGivesTheTotalTheEngineCounts() throws Exception {
		IsolationTestModel.deploy(this.repository, "filter-counts-test");
		List<String> instances = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			instances.add(IsolationTestModel.start(this.runtime, this.tasks, Map.of("branchCode", "120301"))
				.getProcessInstanceId());
		}
		// another branch's task among the instances asked for: never seen, never counted
		instances.add(IsolationTestModel.start(this.runtime, this.tasks, Map.of("branchCode", "120302"))
			.getProcessInstanceId());
		String extending = JSON.writeValueAsString(Map.of("processInstanceIdIn", instances, "sorting",
				List.of(Map.of("sortBy", "created", "sortOrder", "desc"))));
		List<String> groups = TaskListQueriesTests.groupsOf(this.identity, SECRETARY);
		TestHttp overBasic = TestHttp.basic(this.port, SECRETARY, "demo");
		TestHttp tasklist = TestHttp.login(this.port, SECRETARY, "demo");
		Map<String, String> session = FilterReadsTests.halInSession(tasklist);
		List<Filter> shared = this.filters.createTaskFilterQuery()
			.list()
			.stream()
			.filter((f) -> f.getOwner() == null)
			.toList();
		assertThat(shared).as("the shared filters").isNotEmpty();
		int[][] pages = { { 0, 15 }, { 0, 3 }, { 0, 2 }, { 0, 1 }, { 1, 15 }, { 2, 1 }, { 2, 15 }, { 3, 15 },
				{ 5, 15 } };
		int fromAPage = 0;
		for (Filter filter : shared) {
			long total = TaskListQueriesTests.as(this.identity, SECRETARY, groups,
					() -> this.filters.count(filter.getId(),
							this.tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new))));
			for (int[] page : pages) {
				for (boolean basic : new boolean[] { true, false }) {
					long before = FilterCounts.answeredFromAPage();
					HttpResponse<String> list = (basic ? overBasic : tasklist).postJson(
							(basic ? "/engine-rest" : "/camunda/api/engine/engine/default") + "/filter/"
									+ filter.getId() + "/list?firstResult=" + page[0] + "&maxResults=" + page[1],
							extending, basic ? FilterReadsTests.HAL : session);
					assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
					JsonNode body = JSON.readTree(list.body());
					int size = body.path("_embedded").path("task").size();
					String what = filter.getName() + " firstResult=" + page[0] + " maxResults=" + page[1];
					assertThat(body.path("count").asLong()).as(what).isEqualTo(total);
					assertThat(size).as(what).isEqualTo((int) Math.max(0, Math.min(page[1], total - page[0])));
					boolean known = size < page[1] && (page[0] == 0 || size > 0);
					assertThat(FilterCounts.answeredFromAPage() - before).as(what + ": counted from the page")
						.isEqualTo(known ? 1 : 0);
					fromAPage += known ? 1 : 0;
				}
			}
		}
		assertThat(fromAPage).as("some totals known from a page").isPositive();
	}

	@Test
	void aTotalKnownInOneRequestIsNotGivenInTheNext() throws Exception {
		IsolationTestModel.deploy(this.repository, "filter-counts-fresh-test");
		Task first = IsolationTestModel.start(this.runtime, this.tasks, Map.of("branchCode", "120301"));
		List<String> instances = new ArrayList<>(List.of(first.getProcessInstanceId()));
		String filter = this.filters.createFilterQuery().filterName("全部待办").singleResult().getId();
		TestHttp secretary = TestHttp.basic(this.port, SECRETARY, "demo");
		String extending = JSON.writeValueAsString(Map.of("processInstanceIdIn", instances));
		HttpResponse<String> list = secretary.postJson("/engine-rest/filter/" + filter + "/list", extending,
				FilterReadsTests.HAL);
		assertThat(JSON.readTree(list.body()).path("count").asLong()).isOne();
		// a second task of the same instances' kind, then the count in a request of its
		// own
		instances.add(IsolationTestModel.start(this.runtime, this.tasks, Map.of("branchCode", "120301"))
			.getProcessInstanceId());
		long before = FilterCounts.answeredFromAPage();
		HttpResponse<String> count = secretary.postJson("/engine-rest/filter/" + filter + "/count",
				JSON.writeValueAsString(Map.of("processInstanceIdIn", instances)));
		assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
		assertThat(JSON.readTree(count.body()).path("count").asLong()).isEqualTo(2);
		assertThat(FilterCounts.answeredFromAPage()).as("counted by the database").isEqualTo(before);
		// and the same query as the list's, in a request of its own: counted again
		HttpResponse<String> again = secretary.postJson("/engine-rest/filter/" + filter + "/count", extending);
		assertThat(JSON.readTree(again.body()).path("count").asLong()).isOne();
		assertThat(FilterCounts.answeredFromAPage()).isEqualTo(before);
	}

}
