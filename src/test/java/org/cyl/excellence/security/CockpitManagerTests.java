package org.cyl.excellence.security;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.BusinessKeys;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyl.excellence.RestTasks.submit;
import static org.cyl.excellence.RestTasks.task;
import static org.cyl.excellence.RestTasks.variables;

/**
 * What the manager (demo {@code manager}, 校团委) sees in Cockpit of a campaign launched and
 * approved by its people over HTTP: instances named by readable business keys, and the
 * human tasks of an instance (the count and the list Cockpit's 用户任务 tab shows) — reading
 * only, never working them.
 */
@ApplicationTest
class CockpitManagerTests {

	private static final ObjectMapper json = new ObjectMapper();

	private static final String ENGINE = "/camunda/api/engine/engine/default";

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	@Autowired
	RuntimeService runtimeService;

	String campaignPid;

	String campaignId;

	@BeforeEach
	void aCampaignIsLaunchedAndApproved() {
		HttpResponse<String> started = TestHttp.basic(this.port, "committee12", "demo")
			.postJson("/engine-rest/process-definition/key/CampaignProcess/submit-form",
					variables(CampaignTestSupport.plan(1)).toString());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		this.campaignPid = read(started.body()).get("id").asText();
		TestHttp city1 = TestHttp.basic(this.port, "city1", "demo");
		submit(city1, task(city1, this.campaignPid, "Task_ApprovePlan"), Map.of("planDecision", "approve"));
		this.support.runJobs(this.campaignPid);
		this.campaignId = (String) this.runtimeService.getVariable(this.campaignPid, "campaignId");
	}

	@Test
	void theManagerReadsTheInstancesByReadableBusinessKeys() {
		TestHttp manager = TestHttp.login(this.port, "manager", "demo");
		JsonNode campaign = read(manager.get(ENGINE + "/process-instance/" + this.campaignPid).body());
		String shortId = this.campaignId.substring(0, 8);
		assertThat(campaign.get("businessKey").asText()).isEqualTo("2026年创先争优活动 · 南江大学团委 #" + shortId);

		JsonNode branches = read(manager
			.get(ENGINE + "/process-instance?processDefinitionKey=BranchCampaignProcess&businessKeyLike="
					+ java.net.URLEncoder.encode("%#" + shortId, java.nio.charset.StandardCharsets.UTF_8))
			.body());
		// the demo's eight branches (and those tests add under 校团委)
		assertThat(branches).hasSizeGreaterThanOrEqualTo(8);
		assertThat(branches.findValuesAsText("businessKey"))
			.contains("2026年创先争优活动 · 翻译2024级1班团支部（120303）#" + shortId,
					"2026年创先争优活动 · 计算机科学与技术2022级1班团支部（120101）#" + shortId)
			.allSatisfy((key) -> assertThat(key).doesNotContain(this.campaignId));
	}

	@Test
	void theManagerSeesTheHumanTasksOfAnInstanceButDoesNotWorkThem() {
		String branchPid = this.support.branchInstance(this.campaignId, "120303");
		TestHttp manager = TestHttp.login(this.port, "manager", "demo");
		// 未办结的人工任务 / the 用户任务 tab of the instance
		HttpResponse<String> count = manager.get(ENGINE + "/task/count?processInstanceId=" + branchPid);
		assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
		assertThat(read(count.body()).get("count").asLong()).isPositive();
		JsonNode tasks = read(manager.get(ENGINE + "/task?processInstanceId=" + branchPid).body());
		assertThat(tasks.findValuesAsText("name")).containsExactly("制定支部方案并动员");
		assertThat(tasks.get(0).get("assignee").asText()).isEqualTo("sec120303");
		String taskId = tasks.get(0).get("id").asText();
		assertThat(manager.get(ENGINE + "/task/" + taskId + "/identity-links").body()).contains("org120303secretary");
		// Cockpit's dashboard counts every open task it may read
		assertThat(read(manager.get(ENGINE + "/task/count").body()).get("count").asLong()).isGreaterThanOrEqualTo(8);

		// reading only: the task is the secretary's to work
		TestHttp managerRest = TestHttp.basic(this.port, "manager", "demo");
		assertThat(
				managerRest.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"manager\"}").statusCode())
			.isEqualTo(403);
		assertThat(
				managerRest.postJson("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":{}}").statusCode())
			.isIn(400, 403);
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceId(branchPid).count()).isOne();

		// a branch secretary still sees only her own branch's tasks
		assertThat(TestHttp.basic(this.port, "sec120302", "demo")
			.get("/engine-rest/task?processInstanceId=" + branchPid)
			.body()).isEqualTo("[]");
	}

	private static JsonNode read(String body) {
		try {
			return json.readTree(body);
		}
		catch (Exception ex) {
			throw new AssertionError(body, ex);
		}
	}

}
