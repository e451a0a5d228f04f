package org.cyl.excellence.security;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steering the engine — start instructions and skip flags, modification, jobs (the
 * history-cleanup job among them), messages, signals, conditions, process variables,
 * suspension and deletion of instances, metrics — is refused with 403 for every role but
 * the administrator, through {@code /engine-rest}, and nothing changes; the administrator
 * may. Tasks are worked, never re-routed: a person claims for themselves, unclaims their
 * own claim, and does not reassign, re-offer, edit, delegate or delete a task.
 */
@ApplicationTest
class SteeringTests {

	/** One demo account of each role that is not an administrator. */
	static final List<String> ROLES = List.of("m12010102", "sec120101", "gb1201", "committee12", "party12", "manager",
			"city1");

	private static final ObjectMapper json = new ObjectMapper();

	private static int counter;

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	@Autowired
	HistoryService historyService;

	String prefix;

	ProcessInstance campaign;

	Job cleanup;

	@BeforeEach
	void aCampaignWaitingForApprovalAndTheHistoryCleanupJob() {
		this.prefix = "ST" + (++counter) + System.nanoTime() % 100000;
		this.support.organization(this.prefix, 1);
		this.campaign = this.support.startCampaign(this.prefix + "c", CampaignTestSupport.plan(1));
		List<Job> jobs = this.historyService.findHistoryCleanupJobs();
		this.cleanup = jobs.isEmpty() ? this.historyService.cleanUpHistoryAsync(true) : jobs.get(0);
	}

	@Test
	void everyRoleButTheAdministratorIsRefusedTheSteeringEndpoints() {
		String pid = this.campaign.getId();
		String job = this.cleanup.getId();
		String definition = "/engine-rest/process-definition/" + this.campaign.getProcessDefinitionId();
		Map<String, Object> variablesBefore = this.support.runtimeService.getVariables(pid);
		List<String> tasksBefore = openTasks(pid);
		for (String user : ROLES) {
			TestHttp person = as(user);
			List<HttpResponse<String>> answers = new ArrayList<>();
			answers.add(person.postJson(definition + "/start",
					"{\"variables\":{\"planDecision\":{\"value\":\"approve\"},\"initiator\":{\"value\":\"secretary12\"}},"
							+ "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Gateway_PlanApproved\"}]}"));
			answers.add(person.postJson(definition + "/start", "{\"skipCustomListeners\":true,\"skipIoMappings\":true,"
					+ "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_ApprovePlan\"}]}"));
			answers.add(person.postJson("/engine-rest/process-instance/" + pid + "/modification",
					"{\"skipCustomListeners\":true,\"instructions\":[{\"type\":\"startBeforeActivity\","
							+ "\"activityId\":\"Task_RevisePlan\"}]}"));
			answers.add(person.postJson("/engine-rest/job/" + job + "/execute", ""));
			answers.add(person.put("/engine-rest/job/" + job + "/retries", "{\"retries\":0}"));
			answers.add(person.put("/engine-rest/job/" + job + "/duedate",
					"{\"duedate\":\"2030-01-01T00:00:00.000+0000\"}"));
			answers.add(person.put("/engine-rest/job/" + job + "/priority", "{\"priority\":99}"));
			answers.add(person.put("/engine-rest/job/" + job + "/suspended", "{\"suspended\":true}"));
			answers.add(person.delete("/engine-rest/job/" + job));
			answers.add(person.postJson("/engine-rest/message",
					"{\"messageName\":\"ObjectionFiled\",\"all\":true,\"processVariables\":{\"x\":{\"value\":1}}}"));
			answers.add(person.postJson("/engine-rest/signal", "{\"name\":\"anySignal\"}"));
			answers.add(person.postJson("/engine-rest/condition", "{\"variables\":{\"x\":{\"value\":1}}}"));
			answers.add(person.put("/engine-rest/process-instance/" + pid + "/variables/planDecision",
					"{\"value\":\"approve\",\"type\":\"String\"}"));
			answers.add(person.postJson("/engine-rest/process-instance/" + pid + "/variables",
					"{\"modifications\":{\"higherCommitteeGroup\":{\"value\":\"org120101member\"}}}"));
			answers.add(person.put("/engine-rest/process-instance/" + pid + "/suspended", "{\"suspended\":true}"));
			answers.add(person.delete("/engine-rest/process-instance/" + pid));
			answers.add(person.postJson("/engine-rest/external-task/fetchAndLock",
					"{\"workerId\":\"w\",\"maxTasks\":1,\"topics\":[{\"topicName\":\"t\",\"lockDuration\":1000}]}"));
			answers.add(person.postJson("/engine-rest/history/cleanup", ""));
			answers.add(person.get("/engine-rest/metrics/activity-instance-start/sum"));
			answers.add(person.get("/engine-rest/metrics?interval=900"));
			for (HttpResponse<String> answer : answers) {
				assertThat(answer.statusCode()).as(user + " " + answer.request().method() + " " + answer.uri())
					.isEqualTo(403);
				assertThat(answer.body()).as(user + " " + answer.uri()).doesNotContain("Exception:", "org.camunda");
			}
		}
		Job unchanged = this.support.managementService.createJobQuery().jobId(job).singleResult();
		assertThat(unchanged).isNotNull();
		assertThat(unchanged.getRetries()).isEqualTo(this.cleanup.getRetries());
		assertThat(unchanged.getDuedate()).isEqualTo(this.cleanup.getDuedate());
		assertThat(unchanged.isSuspended()).isFalse();
		assertThat(unchanged.getPriority()).isEqualTo(this.cleanup.getPriority());
		assertThat(this.support.runtimeService.getVariables(pid)).isEqualTo(variablesBefore);
		assertThat(openTasks(pid)).isEqualTo(tasksBefore);
		assertThat(this.support.runtimeService.createProcessInstanceQuery().processInstanceId(pid).active().count())
			.isEqualTo(1);
		assertThat(this.support.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("CampaignProcess")
			.variableValueEquals("initiator", "secretary12")
			.count()).isZero();
	}

	@Test
	void theTasklistStartIsTheStartFormWithItsFieldsOnly() {
		TestHttp committee = as(this.prefix + "c");
		Map<String, Object> plan = CampaignTestSupport.plan(1);
		String withKey = org.cyl.excellence.RestTasks.variables(plan).put("businessKey", "mine").toString();
		assertThat(committee.postJson("/engine-rest/process-definition/key/CampaignProcess/submit-form", withKey)
			.statusCode()).isEqualTo(403);
		Map<String, Object> withInitiator = new java.util.HashMap<>(plan);
		withInitiator.put("initiator", "secretary12");
		HttpResponse<String> refused = committee.postJson(
				"/engine-rest/process-definition/key/CampaignProcess/submit-form",
				org.cyl.excellence.RestTasks.form(withInitiator));
		org.cyl.excellence.RestTasks.assertRefused(refused, "initiator");
		assertThat(committee
			.postJson("/engine-rest/process-definition/key/CampaignProcess/start",
					org.cyl.excellence.RestTasks.form(plan))
			.statusCode()).isEqualTo(403);
		HttpResponse<String> started = committee.postJson(
				"/engine-rest/process-definition/key/CampaignProcess/submit-form",
				org.cyl.excellence.RestTasks.form(plan));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
	}

	@Test
	void theAdministratorMaySteer() throws Exception {
		TestHttp admin = TestHttp.basic(this.port, "admin", "admin");
		String pid = this.campaign.getId();
		assertThat(admin.get("/engine-rest/metrics/activity-instance-start/sum").statusCode()).isEqualTo(200);
		assertThat(admin
			.put("/engine-rest/job/" + this.cleanup.getId() + "/retries",
					"{\"retries\":" + this.cleanup.getRetries() + "}")
			.statusCode()).isEqualTo(204);
		assertThat(admin.put("/engine-rest/job/" + this.cleanup.getId() + "/priority", "{\"priority\":0}").statusCode())
			.isEqualTo(204);
		assertThat(admin.postJson("/engine-rest/signal", "{\"name\":\"anySignal\"}").statusCode()).isEqualTo(204);
		assertThat(admin.put("/engine-rest/process-instance/" + pid + "/variables/adminNote", "{\"value\":\"ok\"}")
			.statusCode()).isEqualTo(204);
		assertThat(this.support.runtimeService.getVariable(pid, "adminNote")).isEqualTo("ok");
		HttpResponse<String> modified = admin.postJson("/engine-rest/process-instance/" + pid + "/modification",
				"{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_ApprovePlan\"}]}");
		assertThat(modified.statusCode()).as(modified.body()).isEqualTo(204);
		assertThat(this.support.tasks(pid, "Task_ApprovePlan")).hasSize(2);
		assertThat(admin.delete("/engine-rest/process-instance/" + pid).statusCode()).isEqualTo(204);
		assertThat(this.support.runtimeService.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
	}

	@Test
	void aPersonClaimsForThemselvesAndUnclaimsTheirOwnClaim() throws Exception {
		Task approve = this.support.task(this.campaign.getId(), "Task_ApprovePlan");
		String task = "/engine-rest/task/" + approve.getId();
		TestHttp higher = as(this.prefix + "h");
		TestHttp city = as("city1");
		assertThat(higher.postJson(task + "/claim", "{\"userId\":\"city1\"}").statusCode()).as("for someone else")
			.isEqualTo(403);
		assertThat(higher.postJson(task + "/claim", "{\"userId\":\"" + this.prefix + "h\"}").statusCode())
			.isEqualTo(204);
		assertThat(city.postJson(task + "/unclaim", "").statusCode()).as("someone else's claim").isEqualTo(403);
		assertThat(assignee(approve)).isEqualTo(this.prefix + "h");
		assertThat(higher.postJson(task + "/assignee", "{\"userId\":\"city1\"}").statusCode()).isEqualTo(403);
		assertThat(higher.postJson(task + "/delegate", "{\"userId\":\"city1\"}").statusCode()).isEqualTo(403);
		assertThat(higher.postJson(task + "/identity-links", "{\"groupId\":\"org120101member\",\"type\":\"candidate\"}")
			.statusCode()).isEqualTo(403);
		assertThat(higher
			.postJson(task + "/identity-links/delete", "{\"groupId\":\"org1committee\",\"type\":\"candidate\"}")
			.statusCode()).isEqualTo(403);
		var saved = json.readTree(higher.get(task).body());
		// what Tasklist sends back: the task's fields, without the form reference
		((com.fasterxml.jackson.databind.node.ObjectNode) saved).remove("camundaFormRef");
		((com.fasterxml.jackson.databind.node.ObjectNode) saved).put("name", "改了名字");
		HttpResponse<String> renamed = higher.put(task, saved.toString());
		assertThat(renamed.statusCode()).as("rename " + renamed.body()).isEqualTo(403);
		// a follow-up date alone passes the boundary, but the right to work a task
		// (TASK_WORK) does not include editing it: Camunda refuses that too
		((com.fasterxml.jackson.databind.node.ObjectNode) saved).put("name", approve.getName())
			.put("followUp", "2030-01-02T00:00:00.000+0000");
		assertThat(higher.put(task, saved.toString()).statusCode()).isEqualTo(403);
		// unclaim: the person who claimed it (Tasklist's 取消认领)
		HttpResponse<String> unclaimed = higher.postJson(task + "/unclaim", "");
		assertThat(unclaimed.statusCode()).as(unclaimed.body()).isEqualTo(204);
		assertThat(assignee(approve)).isNull();
		assertThat(this.support.taskService.getIdentityLinksForTask(approve.getId()))
			.anyMatch((l) -> "org1committee".equals(l.getGroupId()));
	}

	@Test
	void deletingATaskIsRefusedAlikeWhetherItExistsOrNot() {
		Task approve = this.support.task(this.campaign.getId(), "Task_ApprovePlan");
		for (String user : ROLES) {
			HttpResponse<String> existing = as(user).delete("/engine-rest/task/" + approve.getId());
			HttpResponse<String> unknown = as(user).delete("/engine-rest/task/no-such-task");
			assertThat(existing.statusCode()).as(user).isEqualTo(403);
			assertThat(unknown.statusCode()).as(user).isEqualTo(403);
			assertThat(existing.body()).isEqualTo(unknown.body());
		}
		assertThat(this.support.taskService.createTaskQuery().taskId(approve.getId()).count()).isEqualTo(1);
	}

	private String assignee(Task task) {
		return this.support.taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
	}

	private List<String> openTasks(String pid) {
		return this.support.taskService.createTaskQuery()
			.processInstanceId(pid)
			.list()
			.stream()
			.map((t) -> t.getId() + ":" + t.getAssignee())
			.sorted()
			.toList();
	}

	private TestHttp as(String user) {
		return TestHttp.basic(this.port, user, "demo");
	}

}
