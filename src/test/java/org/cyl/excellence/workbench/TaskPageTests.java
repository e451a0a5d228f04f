package org.cyl.excellence.workbench;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task page over HTTP: who sees which task (another organisation's, an unknown id,
 * nobody logged in), the form and its prefill, submissions through the engine as the
 * person with the boundary's and the form rules' refusals naming the field, CSRF, a
 * finished task, and claiming an offered task.
 */
@ApplicationTest
class TaskPageTests {

	private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private static final Pattern CSRF_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");

	private static final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	/** A branch of a new campaign of 校团委, its members signing their pledges. */
	private String branchAtThePledges(String branch) {
		String pid = branchAtTheStart(branch);
		this.support.mobilize(pid);
		this.support.draftOrgPledge(pid);
		return pid;
	}

	private String branchAtTheStart(String branch) {
		var campaign = this.support.startCampaign("committee12", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		String campaignId = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		return this.support.branchInstance(campaignId, branch);
	}

	/** The pledge task of a member who is not the branch's secretary (nor a cadre). */
	private Task memberTask(String pid) {
		return this.support.tasks(pid, "Task_SignMemberPledge")
			.stream()
			.filter((t) -> t.getAssignee().startsWith("m")
					&& !Boolean.TRUE.equals(this.support.taskService.getVariable(t.getId(), "isCadre")))
			.findFirst()
			.orElseThrow();
	}

	private static Map<String, String> csrf(String page) {
		Matcher token = CSRF.matcher(page);
		Matcher header = CSRF_HEADER.matcher(page);
		assertThat(token.find() && header.find()).as("the page carries its CSRF token").isTrue();
		return Map.of(header.group(1), token.group(1));
	}

	@Test
	void aMemberSeesHisPledgeFormPrefilledAndSignsIt() throws Exception {
		String pid = branchAtThePledges("120302");
		Task task = memberTask(pid);
		TestHttp member = TestHttp.login(this.port, task.getAssignee(), "demo");

		HttpResponse<String> page = member.get("/tasks/" + task.getId(), "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("签订个人承诺", "\"id\": \"MemberPledge\"",
				"/vendor/form-js/1.8.7/form-viewer.umd.js", "2026年创先争优活动".substring(0, 0));
		// prefilled as Tasklist: the variables the form names (the items, their count),
		// nothing it does not name
		String item1 = (String) this.support.taskService.getVariable(task.getId(), "item1");
		assertThat(page.body()).contains("\"itemCount\":", "\"item1\":\"" + item1 + "\"")
			.doesNotContain("\"secretaryGroup\"", "\"member\":");
		// the facts beside the form
		assertThat(page.body()).contains("组织", "活动", "期限").containsPattern("还剩 \\d+ 天|今天到期|已逾期 \\d+ 天");

		Map<String, String> headers = csrf(page.body());
		Map<String, Object> values = this.support.perItem(task, "pledge", (item) -> "我承诺" + item);

		// without the CSRF token: refused, nothing submitted
		assertThat(member.postJson("/tasks/" + task.getId(), json.writeValueAsString(Map.of("variables", values)))
			.statusCode()).isEqualTo(403);

		// a variable the form does not have: the boundary's 400 names it
		HttpResponse<String> foreign = member.postJson("/tasks/" + task.getId(),
				json.writeValueAsString(Map.of("variables", Map.of("pledge1", "x", "pledgeDecision", "approve"))),
				headers);
		assertThat(foreign.statusCode()).isEqualTo(400);
		assertThat(json.readTree(foreign.body()).path("message").asText()).contains("pledgeDecision", "不是此表单的字段");

		// the form rules of the server: a blank pledge (spaces pass the browser's
		// "required") is refused, naming the item's field
		Map<String, Object> blank = new java.util.HashMap<>(values);
		blank.put("pledge1", "   ");
		HttpResponse<String> refused = member.postJson("/tasks/" + task.getId(),
				json.writeValueAsString(Map.of("variables", blank)), headers);
		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode refusal = json.readTree(refused.body());
		assertThat(refusal.path("message").asText()).contains(item1, "不能为空");
		assertThat(refusal.path("field").asText()).isEqualTo("pledge1");
		assertThat(this.support.taskService.createTaskQuery().taskId(task.getId()).count()).isOne();

		// signed: what happens next, and the task is done
		HttpResponse<String> signed = member.postJson("/tasks/" + task.getId(),
				json.writeValueAsString(Map.of("variables", values)), headers);
		assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
		assertThat(json.readTree(signed.body()).path("message").asText()).startsWith("已提交。下一步：");
		assertThat(json.readTree(signed.body()).path("home").asText()).isEqualTo("/");
		assertThat(this.support.taskService.createTaskQuery().taskId(task.getId()).count()).isZero();

		// the finished task: 410 in Chinese, as page and as JSON
		HttpResponse<String> again = member.get("/tasks/" + task.getId(), "text/html");
		assertThat(again.statusCode()).isEqualTo(410);
		assertThat(again.body()).contains(TaskDesk.TASK_DONE);
		assertThat(
				member.postJson("/tasks/" + task.getId(), json.writeValueAsString(Map.of("variables", values)), headers)
					.statusCode())
			.isEqualTo(410);
	}

	@Test
	void anotherOrganisationsTaskAnUnknownIdAndNobodyLoggedInGetNoForm() {
		String pid = branchAtThePledges("120301");
		Task task = memberTask(pid);
		List<Task> all = this.support.tasks(pid, "Task_SignMemberPledge");
		// another member of the same branch, the branch's secretary, another branch's
		// secretary, another college's 团总支: none of them sees a member's pledge task
		String otherMember = all.stream()
			.map(Task::getAssignee)
			.filter((a) -> !a.equals(task.getAssignee()))
			.findFirst()
			.orElseThrow();
		for (String user : List.of(otherMember, "sec120301", "sec120101", "gb1201")) {
			HttpResponse<String> page = TestHttp.login(this.port, user, "demo")
				.get("/tasks/" + task.getId(), "text/html");
			assertThat(page.statusCode()).as(user).isEqualTo(404);
			assertThat(page.body()).as(user).contains(TaskDesk.NO_SUCH_TASK).doesNotContain("MemberPledge");
		}
		TestHttp owner = TestHttp.login(this.port, task.getAssignee(), "demo");
		HttpResponse<String> unknown = owner.get("/tasks/no-such-task", "text/html");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains(TaskDesk.NO_SUCH_TASK);

		HttpResponse<String> anonymous = TestHttp.anonymous(this.port).get("/tasks/" + task.getId(), "text/html");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
		assertThat(TestHttp.anonymous(this.port)
			.postJson("/tasks/" + task.getId(), "{\"variables\":{}}", Map.of())
			.statusCode()).isIn(302, 401, 403);
		assertThat(this.support.taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
	}

	@Test
	void anOfferedTaskIsClaimedWithOneTapAndAMeetingInTheFutureIsRefusedAtItsField() throws Exception {
		String pid = branchAtTheStart("120303");
		Task task = this.support.task(pid, "Task_MobilizeBranch");
		// the branch's only secretary has it from its creation; she releases it, and it
		// is
		// offered to the branch's secretaries again
		assertThat(task.getAssignee()).isEqualTo("sec120303");
		assertThat(TestHttp.basic(this.port, "sec120303", "demo")
			.postJson("/engine-rest/task/" + task.getId() + "/unclaim", "{}")
			.statusCode()).isEqualTo(204);
		assertThat(this.support.taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
			.isNull();
		TestHttp secretary = TestHttp.login(this.port, "sec120303", "demo");
		HttpResponse<String> page = secretary.get("/tasks/" + task.getId(), "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("认领并办理");
		String token = secretary.csrfToken("/tasks/" + task.getId());
		HttpResponse<String> claimed = secretary.post("/tasks/" + task.getId() + "/claim",
				TestHttp.form(Map.of("_csrf", token)), "application/x-www-form-urlencoded");
		assertThat(claimed.statusCode()).isEqualTo(302);
		assertThat(this.support.taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
			.isEqualTo("sec120303");
		// claimed: no second offer, and the other secretaries' colleagues no longer see
		// it
		page = secretary.get("/tasks/" + task.getId(), "text/html");
		assertThat(page.body()).doesNotContain("认领并办理");

		Map<String, Object> values = new java.util.HashMap<>(CampaignTestSupport.mobilization());
		values.put("meetingDate", java.time.LocalDate.now().plusDays(3).toString());
		HttpResponse<String> refused = secretary.postJson("/tasks/" + task.getId(),
				json.writeValueAsString(Map.of("variables", values)), csrf(page.body()));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json.readTree(refused.body()).path("field").asText()).isEqualTo("meetingDate");
		assertThat(json.readTree(refused.body()).path("message").asText()).contains("动员大会日期");
	}

	@Test
	void formPreviewIsForAdministrators() {
		assertThat(TestHttp.login(this.port, "admin", "admin").get("/admin/forms/MemberPledge", "text/html").body())
			.contains("\"id\": \"MemberPledge\"", "表单预览");
		assertThat(TestHttp.login(this.port, "admin", "admin").get("/admin/forms/NoSuchForm", "text/html").statusCode())
			.isEqualTo(404);
		assertThat(TestHttp.login(this.port, "sec120101", "demo")
			.get("/admin/forms/MemberPledge", "text/html")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void theRendererIsServedCompressedAndCachedForAYear() {
		TestHttp member = TestHttp.login(this.port, "sec120101", "demo");
		HttpResponse<String> js = member.get("/vendor/form-js/1.8.7/form-viewer.umd.js");
		assertThat(js.statusCode()).isEqualTo(200);
		assertThat(js.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000", "immutable");
		assertThat(member.get("/vendor/form-js/1.8.7/LICENSE").body()).contains("watermark");
	}

}
