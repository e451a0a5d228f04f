package org.cyl.excellence.supervision;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.cyl.excellence.organization.OrganizationImport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Supervision (督查) through the real security chain: the overdue list of a committee and
 * who may read it, 催办 and who may do it, the notices it leaves, and its e-mails, received
 * by a local SMTP server (GreenMail). Each test has a committee of its own
 * ({@link CampaignTestSupport#organization}) with a campaign whose first branch's
 * 制定支部方案并动员 is three days past due; the second branch's is not due yet.
 */
@ApplicationTest
class SupervisionTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private static final ObjectMapper json = new ObjectMapper();

	private static int counter;

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	@Autowired
	JavaMailSenderImpl mailSender;

	int configuredSmtpPort;

	String prefix;

	String campaignId;

	Task overdue;

	Task notDue;

	@BeforeEach
	void overdueMobilization() {
		// the configured SMTP server is this test's own
		this.configuredSmtpPort = this.mailSender.getPort();
		this.mailSender.setPort(smtp.getSmtp().getPort());
		this.prefix = "SV" + (++counter) + System.nanoTime() % 100000;
		this.support.organization(this.prefix, 2);
		ProcessInstance campaign = this.support.startCampaign(this.prefix + "c", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		this.campaignId = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		this.overdue = mobilization(1);
		this.overdue.setDueDate(Date.from(Instant.now().minus(3, ChronoUnit.DAYS)));
		this.support.taskService.saveTask(this.overdue);
		this.notDue = mobilization(2);
	}

	@AfterEach
	void restoreSmtpPort() {
		this.mailSender.setPort(this.configuredSmtpPort);
	}

	private Task mobilization(int branch) {
		return this.support.task(this.support.branchInstance(this.campaignId, this.prefix + "B" + branch),
				"Task_MobilizeBranch");
	}

	private TestHttp as(String user) {
		return TestHttp.basic(this.port, user, "demo");
	}

	private JsonNode overdueList(String user, String committee) throws Exception {
		HttpResponse<String> response = as(user).get("/api/supervision/" + committee + "/overdue");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpResponse<String> urge(String user, String taskId, String message) {
		return as(user).postJson("/api/supervision/tasks/" + taskId + "/urge",
				(message != null) ? "{\"message\":\"" + message + "\"}" : "");
	}

	private static List<JsonNode> list(JsonNode array) {
		List<JsonNode> nodes = new ArrayList<>();
		array.forEach(nodes::add);
		return nodes;
	}

	@Test
	void overdueListShowsEveryOpenTaskPastItsDueDateInTheCommitteesSubtree() throws Exception {
		for (String reader : List.of(this.prefix + "c", this.prefix + "h")) {
			JsonNode list = overdueList(reader, this.prefix);
			assertThat(list.get("committee").asText()).isEqualTo("测试团委" + this.prefix);
			assertThat(list(list.get("tasks"))).singleElement().satisfies((task) -> {
				assertThat(task.get("taskId").asText()).isEqualTo(this.overdue.getId());
				assertThat(task.get("organization").asText()).isEqualTo("测试支部1");
				assertThat(task.get("orgCode").asText()).isEqualTo(this.prefix + "B1");
				assertThat(task.get("taskName").asText()).isEqualTo("制定支部方案并动员");
				assertThat(task.get("daysOverdue").asLong()).isEqualTo(3);
				// the branch's only secretary's task from the start: named, not her group
				assertThat(task.get("assignee").asText()).isEqualTo(this.prefix + "s1");
				assertThat(task.get("candidateGroups")).isEmpty();
				assertThat(task.get("people").asText()).isNotBlank();
				assertThat(task.get("campaignId").asText()).isEqualTo(this.campaignId);
				assertThat(task.get("urges").asInt()).isZero();
			});
		}
		assertThat(list(overdueList(this.prefix + "g", this.prefix + "G").get("tasks")))
			.extracting((t) -> t.get("taskId").asText())
			.containsExactly(this.overdue.getId());
		// what is done is gone from the list at once
		this.support.complete(this.overdue, CampaignTestSupport.mobilization());
		assertThat(overdueList(this.prefix + "c", this.prefix).get("tasks")).isEmpty();
	}

	@Test
	void overdueListPageShowsTheTasksInChinese() {
		HttpResponse<String> page = as(this.prefix + "c").get("/supervision/" + this.prefix + "/overdue", "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("督查清单", "逾期未办任务", "测试支部1", "制定支部方案并动员", "3 天", "催办", "未按期签订承诺的团员");
	}

	@Test
	void committeeMemberUrgesFromTheOverdueListPage() throws Exception {
		TestHttp browser = TestHttp.login(this.port, this.prefix + "c", "demo");
		String page = "/supervision/" + this.prefix + "/overdue";
		HttpResponse<String> urged = browser.post("/supervision/tasks/" + this.overdue.getId() + "/urge",
				TestHttp.form(Map.of("committee", this.prefix, "message", "请尽快动员", "_csrf", browser.csrfToken(page))),
				"application/x-www-form-urlencoded");
		assertThat(urged.statusCode()).isEqualTo(302);
		assertThat(urged.headers().firstValue("Location").orElseThrow()).endsWith(page);
		assertThat(browser.get(page, "text/html").body()).contains("已催办“制定支部方案并动员”，通知 1 人", "1 次，最近");
		assertThat(json.readTree(as(this.prefix + "s1").get("/api/notices").body()).get(0).get("text").asText())
			.contains("请尽快动员");
	}

	@Test
	void overdueListHasTheMembersWhoDidNotSignTheirPledgeInTime() throws Exception {
		String pid = this.support.branchInstance(this.campaignId, this.prefix + "B1");
		this.support.mobilize(pid);
		this.support.draftOrgPledge(pid);
		Task first = this.support.tasks(pid, "Task_SignMemberPledge")
			.stream()
			.filter((t) -> t.getAssignee().equals(this.prefix + "s1"))
			.findFirst()
			.orElseThrow();
		this.support.sign(first);
		this.support.runJobs(pid);
		this.support.fireTimer(pid, "BoundaryEvent_PledgeWindowClosed");

		JsonNode pledges = overdueList(this.prefix + "c", this.prefix).get("unsignedPledges");
		assertThat(list(pledges)).extracting((p) -> p.get("memberName").asText()).containsExactly("团员12", "团员13");
		assertThat(list(pledges)).allSatisfy((p) -> {
			assertThat(p.get("branchName").asText()).isEqualTo("测试支部1");
			assertThat(p.get("round").asInt()).isEqualTo(1);
			assertThat(p.get("campaignId").asText()).isEqualTo(this.campaignId);
		});
	}

	@Test
	void overdueListIsRefusedToABranchSecretaryAndToAnotherCommittee() {
		this.support.organization(this.prefix + "o", 1);
		for (String outsider : List.of(this.prefix + "s1", this.prefix + "m12", this.prefix + "og",
				this.prefix + "oc")) {
			HttpResponse<String> refused = as(outsider).get("/api/supervision/" + this.prefix + "G/overdue");
			assertThat(refused.statusCode()).as(outsider).isEqualTo(403);
			assertThat(refused.body()).contains("督查清单");
		}
		assertThat(as(this.prefix + "og").get("/supervision/" + this.prefix + "G/overdue", "text/html").statusCode())
			.isEqualTo(403);
		assertThat(as(this.prefix + "c").get("/api/supervision/" + this.prefix + "B1/overdue").statusCode())
			.as("a branch has no overdue list of its own")
			.isEqualTo(404);
		assertThat(TestHttp.anonymous(this.port).get("/api/supervision/" + this.prefix + "/overdue").statusCode())
			.isEqualTo(401);
	}

	@Test
	void committeeMemberUrgesAnOverdueTaskAndItsPeopleGetANotice() throws Exception {
		HttpResponse<String> urged = urge(this.prefix + "c", this.overdue.getId(), "请本周内完成动员");
		assertThat(urged.statusCode()).as(urged.body()).isEqualTo(200);
		JsonNode body = json.readTree(urged.body());
		assertThat(body.get("urgedBy").asText()).isEqualTo(this.prefix + "c");
		assertThat(list(body.get("notified"))).extracting(JsonNode::asText).containsExactly(this.prefix + "s1");

		Map<String, Object> urge = this.support.jdbc.sql("select * from urge where task_id = ?")
			.param(this.overdue.getId())
			.query()
			.singleRow();
		assertThat(urge).containsEntry("TASK_NAME", "制定支部方案并动员")
			.containsEntry("ORG_CODE", this.prefix + "B1")
			.containsEntry("URGED_BY", this.prefix + "c")
			.containsEntry("MESSAGE", "请本周内完成动员");
		assertThat(urge.get("URGED_AT")).isNotNull();

		JsonNode notices = json.readTree(as(this.prefix + "s1").get("/api/notices").body());
		assertThat(list(notices)).singleElement().satisfies((n) -> {
			assertThat(n.get("text").asText()).contains("催办", "测试支部1", "制定支部方案并动员", "已逾期3天", "请本周内完成动员");
			assertThat(n.get("readAt").isNull()).isTrue();
		});
		assertThat(json.readTree(as(this.prefix + "s2").get("/api/notices").body())).isEmpty();
		long id = notices.get(0).get("id").asLong();
		assertThat(as(this.prefix + "s2").postJson("/api/notices/" + id + "/read", "").statusCode())
			.as("somebody else's notice")
			.isEqualTo(404);
		assertThat(as(this.prefix + "s1").postJson("/api/notices/" + id + "/read", "").statusCode()).isEqualTo(200);
		assertThat(json.readTree(as(this.prefix + "s1").get("/api/notices").body()).get(0).get("readAt").isNull())
			.isFalse();

		// the general branch between the committee and the branch supervises it too,
		// without a message
		assertThat(urge(this.prefix + "g", this.overdue.getId(), null).statusCode()).isEqualTo(200);
		JsonNode task = overdueList(this.prefix + "c", this.prefix).get("tasks").get(0);
		assertThat(task.get("urges").asInt()).isEqualTo(2);
		assertThat(task.get("lastUrgedAt").isNull()).isFalse();
		assertThat(json.readTree(as(this.prefix + "s1").get("/api/notices").body())).hasSize(2);
	}

	@Test
	void onlyTheTasksSupervisingCommitteeMayUrge() throws Exception {
		this.support.organization(this.prefix + "o", 1);
		for (String outsider : List.of(this.prefix + "s1", this.prefix + "m12", this.prefix + "s2", this.prefix + "p",
				this.prefix + "oc", this.prefix + "og")) {
			HttpResponse<String> refused = urge(outsider, this.overdue.getId(), "催一下");
			assertThat(refused.statusCode()).as(outsider).isEqualTo(403);
			assertThat(json.readTree(refused.body()).get("message").asText()).contains("催办");
		}
		assertThat(this.support.jdbc.sql("select count(*) from urge where task_id = ?")
			.param(this.overdue.getId())
			.query(Long.class)
			.single()).isZero();
		assertThat(json.readTree(as(this.prefix + "s1").get("/api/notices").body())).isEmpty();
		assertThat(list(overdueList(this.prefix + "h", this.prefix).get("tasks"))).allSatisfy(
				(t) -> assertThat(t.get("mayUrge").asBoolean()).as("beyond the campaign's committee").isFalse());
		assertThat(list(overdueList(this.prefix + "c", this.prefix).get("tasks")))
			.allSatisfy((t) -> assertThat(t.get("mayUrge").asBoolean()).isTrue());
	}

	@Test
	void urgeOfAnUnknownTaskIsNotFoundAndOfATaskNotYetDueIsAConflict() throws Exception {
		assertThat(urge(this.prefix + "c", "no-such-task", null).statusCode()).isEqualTo(404);
		HttpResponse<String> early = urge(this.prefix + "c", this.notDue.getId(), "催一下");
		assertThat(early.statusCode()).isEqualTo(409);
		assertThat(json.readTree(early.body()).get("message").asText()).isEqualTo("任务尚未逾期");
	}

	/** The first branch's secretary gets an e-mail address (re-imported role). */
	private void giveTheSecretaryAnEmailAddress() {
		this.support.organizationImport
			.importCsv(
					Map.of(OrganizationImport.ROLES,
							("username,name,org_code,role,email\n" + this.prefix + "s1,," + this.prefix
									+ "B1,secretary," + this.prefix.toLowerCase() + "s1@example.org\n")
								.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void urgeSendsAnEmailToThePeopleWithAnAddress() throws Exception {
		giveTheSecretaryAnEmailAddress();
		HttpResponse<String> urged = urge(this.prefix + "c", this.overdue.getId(), "请本周内完成动员");
		assertThat(urged.statusCode()).as(urged.body()).isEqualTo(200);
		assertThat(json.readTree(urged.body()).get("mailed").asInt()).isEqualTo(1);

		assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(mail.getSubject()).isEqualTo("【催办】制定支部方案并动员");
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(this.prefix.toLowerCase() + "s1@example.org");
		assertThat(mail.getContent().toString()).contains("组织：测试支部1", "任务：制定支部方案并动员", "已逾期：3天", "催办意见：请本周内完成动员",
				"/camunda/app/tasklist/default/#/?task=" + this.overdue.getId());
	}

	@Test
	void anSmtpFailureLosesNeitherTheUrgeNorTheNotices() throws Exception {
		giveTheSecretaryAnEmailAddress();
		try (ServerSocket closed = new ServerSocket(0)) {
			this.mailSender.setPort(closed.getLocalPort());
		}
		HttpResponse<String> urged = urge(this.prefix + "c", this.overdue.getId(), null);
		assertThat(urged.statusCode()).as(urged.body()).isEqualTo(200);
		assertThat(json.readTree(urged.body()).get("mailed").asInt()).isZero();
		assertThat(this.support.jdbc.sql("select count(*) from urge where task_id = ?")
			.param(this.overdue.getId())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(json.readTree(as(this.prefix + "s1").get("/api/notices").body())).hasSize(1);
	}

}
