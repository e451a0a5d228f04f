package org.cyl.excellence.security;

import java.net.http.HttpResponse;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.IsolationTestModel;
import org.cyl.excellence.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person sees and works only the tasks of their own organisation and role, through the
 * REST API and through the webapps' API alike (test-only model
 * {@code IsolationTestProcess}: one task for the secretaries of a branch).
 */
@ApplicationTest
class TaskIsolationTests {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	FilterService filterService;

	Task taskOfA;

	Task taskOfB;

	@BeforeEach
	void startOneTaskPerBranch() {
		IsolationTestModel.deploy(this.repositoryService, "isolation-test");
		this.taskOfA = startFor("120301");
		this.taskOfB = startFor("120302");
	}

	private Task startFor(String branch) {
		return IsolationTestModel.start(this.runtimeService, this.taskService, Map.of("branchCode", branch));
	}

	@Test
	void secretarySeesOnlyTheTasksOfTheirBranch() {
		HttpResponse<String> tasks = TestHttp.basic(this.port, "sec120301", "demo").get("/engine-rest/task");
		assertThat(tasks.statusCode()).isEqualTo(200);
		assertThat(tasks.body()).contains(this.taskOfA.getId()).doesNotContain(this.taskOfB.getId());

		HttpResponse<String> other = TestHttp.basic(this.port, "sec120302", "demo").get("/engine-rest/task");
		assertThat(other.body()).contains(this.taskOfB.getId()).doesNotContain(this.taskOfA.getId());
	}

	@Test
	void membersAndReviewersOfTheBranchDoNotSeeTheSecretarysTask() {
		// (managers read every task in Cockpit, CockpitManagerTests)
		for (String user : new String[] { "m12030104", "party1203s", "gb1203", "committee12" }) {
			HttpResponse<String> tasks = TestHttp.basic(this.port, user, "demo").get("/engine-rest/task");
			assertThat(tasks.body()).as(user).doesNotContain(this.taskOfA.getId());
		}
	}

	@Test
	void secretaryCannotReadClaimOrCompleteAnotherBranchsTask() {
		TestHttp secretaryOfA = TestHttp.basic(this.port, "sec120301", "demo");
		String b = "/engine-rest/task/" + this.taskOfB.getId();
		assertThat(secretaryOfA.get(b).statusCode()).isIn(403, 404);
		assertThat(secretaryOfA.postJson(b + "/claim", "{\"userId\":\"sec120301\"}").statusCode()).isEqualTo(403);
		assertThat(secretaryOfA.postJson(b + "/complete", "{}").statusCode()).isEqualTo(403);
		assertThat(secretaryOfA.postJson(b + "/submit-form", "{\"variables\":{\"remark\":{\"value\":\"x\"}}}")
			.statusCode()).isEqualTo(403);
		Task stillOpen = this.taskService.createTaskQuery().taskId(this.taskOfB.getId()).singleResult();
		assertThat(stillOpen).isNotNull();
		assertThat(stillOpen.getAssignee()).as("B's only secretary's, from the start").isEqualTo("sec120302");
	}

	@Test
	void secretaryReadsTheDiagramAndTheHistoryOfTheirOwnTaskButNoOtherInstanceOrTask() {
		TestHttp secretaryOfA = TestHttp.basic(this.port, "sec120301", "demo");
		String a = this.taskOfA.getId();
		String b = this.taskOfB.getId();
		// Tasklist's 流程图: the model of the task's process
		HttpResponse<String> xml = secretaryOfA
			.get("/engine-rest/process-definition/" + this.taskOfA.getProcessDefinitionId() + "/xml");
		assertThat(xml.statusCode()).as(xml.body()).isEqualTo(200);
		assertThat(xml.body()).contains("bpmn20Xml");
		// Tasklist's 历史: the comments of their own task, not of another branch's
		assertThat(secretaryOfA.get("/engine-rest/task/" + a + "/comment").statusCode()).isEqualTo(200);
		assertThat(secretaryOfA.get("/engine-rest/task/" + b + "/comment").statusCode()).isEqualTo(404);
		assertThat(secretaryOfA.get("/engine-rest/history/task?taskId=" + b).body()).isEqualTo("[]");
		// reading the definition gives no instance, variable or history of anybody's
		assertThat(secretaryOfA
			.get("/engine-rest/process-instance?processDefinitionId=" + this.taskOfA.getProcessDefinitionId())
			.body()).isEqualTo("[]");
		assertThat(secretaryOfA
			.get("/engine-rest/history/process-instance?processInstanceId=" + this.taskOfB.getProcessInstanceId())
			.body()).isEqualTo("[]");
		assertThat(secretaryOfA
			.get("/engine-rest/history/variable-instance?processInstanceId=" + this.taskOfB.getProcessInstanceId())
			.body()).isEqualTo("[]");
		// nor the counts of instances and of their steps (the definitions' statistics)
		String definition = this.taskOfA.getProcessDefinitionId();
		for (String statistics : java.util.List.of("/engine-rest/process-definition/statistics",
				"/engine-rest/process-definition/" + definition + "/statistics")) {
			HttpResponse<String> refused = secretaryOfA.get(statistics);
			assertThat(refused.statusCode()).as(statistics).isEqualTo(403);
			assertThat(refused.body()).contains("只有管理者");
		}
		// the manager reads them (Cockpit)
		HttpResponse<String> counted = TestHttp.basic(this.port, "manager", "demo")
			.get("/engine-rest/process-definition/" + definition + "/statistics");
		assertThat(counted.statusCode()).as(counted.body()).isEqualTo(200);
	}

	@Test
	void nobodyButAnAdministratorCreatesAStandaloneTask() {
		for (String user : java.util.List.of("sec120301", "committee12", "manager")) {
			HttpResponse<String> created = TestHttp.basic(this.port, user, "demo")
				.postJson("/engine-rest/task/create", "{\"id\":\"standalone-" + user + "\",\"name\":\"自建任务\"}");
			assertThat(created.statusCode()).as(user).isEqualTo(403);
			assertThat(created.body()).contains("不能新建");
		}
		assertThat(this.taskService.createTaskQuery().taskNameLike("自建任务").count()).isZero();
	}

	@Test
	void secretaryClaimsAndCompletesTheirOwnTask() {
		TestHttp secretaryOfA = TestHttp.basic(this.port, "sec120301", "demo");
		String a = "/engine-rest/task/" + this.taskOfA.getId();
		assertThat(secretaryOfA.postJson(a + "/claim", "{\"userId\":\"sec120301\"}").statusCode()).isEqualTo(204);
		HttpResponse<String> empty = secretaryOfA.postJson(a + "/complete", "{}");
		assertThat(empty.statusCode()).as("the form's required 备注, checked on the server").isEqualTo(400);
		assertThat(empty.body()).contains("“备注”不能为空");
		assertThat(
				secretaryOfA.postJson(a + "/complete", "{\"variables\":{\"remark\":{\"value\":\"已完成\"}}}").statusCode())
			.isEqualTo(204);
		assertThat(this.taskService.createTaskQuery().taskId(this.taskOfA.getId()).singleResult()).isNull();
	}

	@Test
	void whoMayNotWorkOnATaskLearnsNothingOfItsForm() {
		TestHttp secretaryOfB = TestHttp.basic(this.port, "sec120302", "demo");
		String a = "/engine-rest/task/" + this.taskOfA.getId();
		HttpResponse<String> empty = secretaryOfB.postJson(a + "/complete", "{}");
		assertThat(empty.statusCode()).as("not which field is missing").isEqualTo(403);
		assertThat(empty.body()).doesNotContain("备注");
		HttpResponse<String> filled = secretaryOfB.postJson(a + "/complete",
				"{\"variables\":{\"remark\":{\"value\":\"已完成\"}}}");
		assertThat(filled.statusCode()).as("nor with every field filled").isEqualTo(403);
		assertThat(this.taskService.createTaskQuery().taskId(this.taskOfA.getId()).singleResult()).isNotNull();
	}

	@Test
	void theSharedFiltersListTheirOwnTasks() {
		TestHttp secretaryOfA = TestHttp.basic(this.port, "sec120301", "demo");
		TestHttp secretaryOfB = TestHttp.basic(this.port, "sec120302", "demo");
		String a = this.taskOfA.getId();
		String b = this.taskOfB.getId();
		// each branch has one secretary: the task is hers from the start, in 我的待办 and
		// 全部待办, not offered in 待认领
		assertThat(list(secretaryOfA, "我的待办")).contains(a).doesNotContain(b);
		assertThat(list(secretaryOfA, "全部待办")).contains(a).doesNotContain(b);
		assertThat(list(secretaryOfA, "待认领")).doesNotContain(a, b);
		assertThat(
				secretaryOfA.postJson("/engine-rest/task/" + a + "/claim", "{\"userId\":\"sec120301\"}").statusCode())
			.as("claiming one's own task again changes nothing")
			.isEqualTo(204);
		assertThat(list(secretaryOfA, "我的待办")).contains(a);

		// assigned to someone outside the task's groups: theirs in 全部待办 too, no longer in
		// A's 我的待办 (A still sees it in 全部待办: offered to her group)
		this.taskService.setAssignee(a, "sec120302");
		assertThat(list(secretaryOfB, "全部待办")).contains(a, b);
		assertThat(list(secretaryOfB, "我的待办")).contains(a, b);
		assertThat(list(secretaryOfA, "全部待办")).as("offered to A's group, assigned to B").contains(a);
		assertThat(list(secretaryOfA, "我的待办")).as("assigned to B").doesNotContain(a);
	}

	private String list(TestHttp user, String filterName) {
		String filter = this.filterService.createFilterQuery().filterName(filterName).singleResult().getId();
		HttpResponse<String> tasks = user.postJson("/engine-rest/filter/" + filter + "/list", "{}");
		assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
		return tasks.body();
	}

	@Test
	void tasklistsListsEmbedTheDefinitionFromTheSharedCacheAndOnlyTheirOwnTasks() {
		String definition = this.taskOfA.getProcessDefinitionId();
		HttpResponse<String> ofA = TestHttp.basic(this.port, "sec120301", "demo")
			.get("/engine-rest/task", "application/hal+json");
		assertThat(ofA.statusCode()).isEqualTo(200);
		assertThat(ofA.body()).contains(this.taskOfA.getId(), "\"processDefinition\"", definition)
			.doesNotContain(this.taskOfB.getId());
		org.camunda.bpm.engine.rest.cache.Cache cache = org.camunda.bpm.engine.rest.hal.Hal.getInstance()
			.getHalRelationCache(org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition.class);
		assertThat(cache).as("kept for the next list").isNotNull();
		assertThat(cache.get(definition)).isNotNull();
		// the next person's list: the definition from the cache, the tasks still their
		// own
		HttpResponse<String> ofB = TestHttp.login(this.port, "sec120302", "demo")
			.get("/camunda/api/engine/engine/default/task", "application/hal+json");
		assertThat(ofB.statusCode()).isEqualTo(200);
		assertThat(ofB.body()).contains(this.taskOfB.getId(), definition).doesNotContain(this.taskOfA.getId());
	}

	@Test
	void theWebappsApiAppliesTheSameAuthorizations() {
		TestHttp secretaryOfB = TestHttp.login(this.port, "sec120302", "demo");
		HttpResponse<String> tasks = secretaryOfB.get("/camunda/api/engine/engine/default/task");
		assertThat(tasks.statusCode()).isEqualTo(200);
		assertThat(tasks.body()).contains(this.taskOfB.getId()).doesNotContain(this.taskOfA.getId());
	}

}
