package org.cyl.excellence.engine;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.IsolationTestModel;
import org.cyl.excellence.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A filter's list reads the filter once per request ({@link FilterReads}), still lists
 * only the person's tasks, and a filter the person may not read is refused on every
 * request.
 */
@ApplicationTest
class FilterReadsTests {

	static final Map<String, String> HAL = Map.of("Accept", "application/hal+json");

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
	void aListReadsItsFilterOnceAndListsOnlyThePersonsTasks() {
		IsolationTestModel.deploy(this.repository, "filter-reads-test");
		String mine = IsolationTestModel.start(this.runtime, this.tasks, Map.of("branchCode", "120301")).getId();
		String theirs = IsolationTestModel.start(this.runtime, this.tasks, Map.of("branchCode", "120302")).getId();
		String filter = this.filters.createFilterQuery().filterName("全部待办").singleResult().getId();
		TestHttp overBasic = TestHttp.basic(this.port, "sec120301", "demo");
		TestHttp tasklist = TestHttp.login(this.port, "sec120301", "demo");
		Map<String, String> session = halInSession(tasklist);
		for (int request = 0; request < 4; request++) {
			boolean basic = request < 2;
			long before = FilterReads.reads();
			HttpResponse<String> list = (basic ? overBasic : tasklist)
				.postJson((basic ? "/engine-rest" : "/camunda/api/engine/engine/default") + "/filter/" + filter
						+ "/list?firstResult=0&maxResults=100", "{}", basic ? HAL : session);
			assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
			assertThat(list.body()).contains(mine, "\"count\"").doesNotContain(theirs);
			assertThat(FilterReads.reads() - before).as("the resource, the list and the count of one request: one read")
				.isOne();
		}
	}

	/**
	 * The headers of Tasklist's HAL requests in this session: its first GET hands out the
	 * webapp's CSRF token.
	 */
	static Map<String, String> halInSession(TestHttp tasklist) {
		assertThat(tasklist.get("/camunda/api/engine/engine/default/filter").statusCode()).isEqualTo(200);
		return Map.of("Accept", "application/hal+json", "X-XSRF-TOKEN", tasklist.cookie("XSRF-TOKEN").orElseThrow());
	}

	@Test
	void aFilterThePersonMayNotReadIsRefusedOnEveryRequest() {
		Filter own = this.filters.newTaskFilter("仅管理员").setOwner("admin");
		own.setQuery(this.tasks.createTaskQuery());
		String id = this.filters.saveFilter(own).getId();
		try {
			TestHttp secretary = TestHttp.basic(this.port, "sec120301", "demo");
			for (int request = 0; request < 2; request++) {
				HttpResponse<String> list = secretary.postJson("/engine-rest/filter/" + id + "/list", "{}", HAL);
				assertThat(list.statusCode()).as(list.body()).isEqualTo(403);
			}
			// its owner reads it
			this.identity.setAuthentication("admin", List.of());
			try {
				assertThat(this.filters.count(id)).isNotNull();
			}
			finally {
				this.identity.clearAuthentication();
			}
		}
		finally {
			this.filters.deleteFilter(id);
		}
	}

}
