package org.cyl.excellence.campaign;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.organization.FanOutTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 撤销活动 through HTTP, as the people: a committee member of the campaign's committee
 * withdraws it with a reason on the confirmation page; the branches' processes and tasks
 * are gone, the pages show 已撤销 with the reason, the higher committee finds a notice.
 * Everybody else is refused, a blank reason and a second withdrawal too.
 */
@ApplicationTest
class CampaignWithdrawalTests {

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	@Autowired
	CampaignWithdrawal withdrawal;

	@Autowired
	ListBranchesDelegate listBranches;

	@Autowired
	FanOutTestSupport fanOut;

	private TestHttp as(String user) {
		return TestHttp.basic(this.port, user, "demo");
	}

	private HttpResponse<String> withdrawApi(TestHttp who, String id, String reasonJson) {
		return who.postJson("/api/campaigns/" + id + "/withdrawal", reasonJson);
	}

	@Test
	void committeeMemberWithdrawsTheRunningCampaignAndOthersMayNot() {
		String p = "WD" + System.nanoTime() % 100000;
		this.support.organization(p, 2);
		ProcessInstance campaign = this.support.startCampaign(p + "c", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		String id = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		assertThat(as(p + "s1").get("/engine-rest/task/count").body()).isEqualTo("{\"count\":1}");

		// refused: a branch secretary, another college's committee, the higher committee,
		// anonymous; an unknown campaign
		for (String outsider : new String[] { p + "s1", "committee12", p + "h" }) {
			HttpResponse<String> refused = withdrawApi(as(outsider), id, "{\"reason\":\"不想搞了\"}");
			assertThat(refused.statusCode()).as(outsider).isEqualTo(403);
			assertThat(refused.body()).as(outsider).contains("的委员可以撤销活动");
			assertThat(as(outsider).get("/campaigns/" + id + "/withdraw", "text/html").statusCode()).as(outsider)
				.isEqualTo(403);
		}
		assertThat(withdrawApi(TestHttp.anonymous(this.port), id, "{\"reason\":\"不想搞了\"}").statusCode()).isIn(401, 403);
		assertThat(TestHttp.anonymous(this.port).get("/campaigns/" + id + "/withdraw", "text/html").statusCode())
			.as("to the login page")
			.isEqualTo(302);
		assertThat(withdrawApi(as(p + "c"), "nope", "{\"reason\":\"不想搞了\"}").statusCode()).isEqualTo(404);
		// a reason is required
		for (String blank : new String[] { "{\"reason\":\"   \"}", "{}" }) {
			HttpResponse<String> refused = withdrawApi(as(p + "c"), id, blank);
			assertThat(refused.statusCode()).as(blank).isEqualTo(400);
			assertThat(refused.body()).contains("撤销理由");
		}
		HttpResponse<String> tooLong = withdrawApi(as(p + "c"), id, "{\"reason\":\"" + "长".repeat(501) + "\"}");
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("撤销理由", "500");
		assertThat(this.support.runtimeService.createProcessInstanceQuery().processInstanceId(campaign.getId()).count())
			.as("still running after every refusal")
			.isEqualTo(1);

		// only the committee's members see the button
		TestHttp committee = TestHttp.login(this.port, p + "c", "demo");
		assertThat(committee.get("/campaigns").body()).contains("/campaigns/" + id + "/withdraw");
		assertThat(committee.get("/campaigns/" + id + "/dashboard").body()).contains("/campaigns/" + id + "/withdraw");
		TestHttp higher = TestHttp.login(this.port, p + "h", "demo");
		assertThat(higher.get("/campaigns").body()).contains("/campaigns/" + id + "/dashboard")
			.doesNotContain("/campaigns/" + id + "/withdraw");

		// the confirmation page and its form (with CSRF)
		String page = "/campaigns/" + id + "/withdraw";
		assertThat(committee.get(page).body()).contains("撤销理由", "确认撤销", "测试团委" + p);
		HttpResponse<String> blank = committee.post(page,
				TestHttp.form(Map.of("reason", " ", "_csrf", committee.csrfToken(page))),
				"application/x-www-form-urlencoded");
		assertThat(blank.statusCode()).isEqualTo(400);
		HttpResponse<String> done = committee.post(page,
				TestHttp.form(Map.of("reason", "日期误填为上个月，重新发起", "_csrf", committee.csrfToken(page))),
				"application/x-www-form-urlencoded");
		assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/campaigns/" + id + "/dashboard");

		// the branches end (the engine's batch, run here as its job executor would)
		this.support.runBatches();
		assertThat(this.support.runtimeService.createProcessInstanceQuery()
			.variableValueEquals(CampaignVariables.CAMPAIGN_ID, id)
			.count()).isZero();
		assertThat(as(p + "s1").get("/engine-rest/task/count").body()).isEqualTo("{\"count\":0}");
		assertThat(as(p + "s2").get("/engine-rest/task/count").body()).isEqualTo("{\"count\":0}");

		// the record on the pages
		String dashboard = committee.get("/campaigns/" + id + "/dashboard").body();
		assertThat(dashboard).contains("已撤销", "日期误填为上个月，重新发起", "委员" + p)
			.doesNotContain("/campaigns/" + id + "/withdraw");
		assertThat(as(p + "c").get("/api/campaigns/" + id + "/dashboard").body()).contains("\"status\":\"WITHDRAWN\"",
				"\"reason\":\"日期误填为上个月，重新发起\"");
		assertThat(higher.get("/campaigns").body()).contains("已撤销");

		// the higher committee, the committee and the secretaries are told who and why
		for (String told : new String[] { p + "h", p + "c", p + "s1" }) {
			assertThat(as(told).get("/api/notices").body()).as(told)
				.contains("撤销了创先争优活动", "撤销人：委员" + p, "日期误填为上个月，重新发起");
		}
		assertThat(as("committee12").get("/api/notices").body()).doesNotContain("日期误填为上个月");

		// not twice
		HttpResponse<String> again = withdrawApi(as(p + "c"), id, "{\"reason\":\"再撤一次\"}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("活动已撤销");
		assertThat(committee.get(page, "text/html").statusCode()).isEqualTo(409);
	}

	/**
	 * 撤销活动 while a chunk of the fan-out is running: the chunk has started its branches
	 * and holds its transaction open; the withdrawal ends the chunk's executions, waits
	 * for the chunk's locks, and finds them changed when the chunk commits. It is tried
	 * again, not answered 409: the person sees the campaign withdrawn, and the branches
	 * the chunk started end with the others.
	 */
	@Test
	void aWithdrawalAChunkCommitsUnderIsTriedAgainAndEndsWhatTheChunkStarted() throws Exception {
		String p = "WK" + System.nanoTime() % 100000;
		int chunkSize = this.listBranches.chunkSize();
		this.support.organization(p, chunkSize + 1, 1, false);
		ProcessInstance campaign = this.support.startCampaign(p + "c", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		for (String activity : List.of("Task_ListBranches", "SubProcess_StartBranches#multiInstanceBody")) {
			this.support.managementService.executeJob(this.support.managementService.createJobQuery()
				.processInstanceId(campaign.getId())
				.activityId(activity)
				.singleResult()
				.getId());
		}
		String id = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		List<Job> chunks = this.support.managementService.createJobQuery()
			.processInstanceId(campaign.getId())
			.activityId("SubProcess_StartBranches")
			.list();
		assertThat(chunks).hasSize(2);
		long retriedBefore = this.withdrawal.retried();

		ExecutorService threads = Executors.newSingleThreadExecutor();
		try (FanOutTestSupport.HeldOpen chunk = this.fanOut
			.holdOpen(() -> this.support.managementService.executeJob(chunks.get(0).getId()))) {
			Future<HttpResponse<String>> withdrawn = threads
				.submit(() -> withdrawApi(as(p + "c"), id, "{\"reason\":\"方案有误\"}"));
			// the withdrawal waits for a lock the chunk holds
			long until = System.currentTimeMillis() + 20_000;
			while (blockedSessions() == 0 && System.currentTimeMillis() < until && !withdrawn.isDone()) {
				Thread.sleep(50);
			}
			assertThat(blockedSessions()).as("the withdrawal waits for the chunk").isPositive();
			chunk.commit();
			HttpResponse<String> answer = withdrawn.get(60, TimeUnit.SECONDS);
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			assertThat(answer.body()).contains("活动已撤销");
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.withdrawal.retried() - retriedBefore).as("tried again").isPositive();
		// the chunk's branches were started, and end with the campaign
		assertThat(this.support.jdbc
			.sql("select count(*) from campaign_branch where campaign_id = ?" + " and process_instance_id is not null")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(chunkSize);
		this.support.runBatches();
		assertThat(this.support.runtimeService.createProcessInstanceQuery()
			.variableValueEquals(CampaignVariables.CAMPAIGN_ID, id)
			.count()).isZero();
		assertThat(this.support.managementService.createJobQuery().processInstanceId(campaign.getId()).count())
			.isZero();
	}

	/** Sessions of the database waiting for another's lock (H2 or PostgreSQL). */
	private long blockedSessions() {
		try {
			return this.support.jdbc
				.sql("select count(*) from information_schema.sessions where blocker_id is not null")
				.query(Long.class)
				.single();
		}
		catch (org.springframework.dao.DataAccessException h2Only) {
			return this.support.jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")
				.query(Long.class)
				.single();
		}
	}

	@Test
	void committeeMemberWithdrawsAPlanAwaitingApprovalThroughTheApi() {
		String p = "WA" + System.nanoTime() % 100000;
		this.support.organization(p, 1);
		ProcessInstance campaign = this.support.startCampaign(p + "c", CampaignTestSupport.plan(1));
		String id = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		assertThat(as(p + "h").get("/engine-rest/task/count?processInstanceId=" + campaign.getId()).body())
			.isEqualTo("{\"count\":1}");
		HttpResponse<String> done = withdrawApi(as(p + "c"), id, "{\"reason\":\"方案需重新研究\"}");
		assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
		assertThat(done.body()).contains("\"status\":\"WITHDRAWN\"", "\"withdrawnBy\":\"" + p + "c\"", "方案需重新研究");
		assertThat(as(p + "h").get("/engine-rest/task/count?processInstanceId=" + campaign.getId()).body())
			.as("the approval task is gone")
			.isEqualTo("{\"count\":0}");
		assertThat(as(p + "h").get("/api/notices").body()).contains("方案需重新研究");
	}

	@Test
	void aWithdrawnCampaignsPublicNoticeTakesNoMoreObjections() {
		String p = "WN" + System.nanoTime() % 100000;
		String id = this.support.campaignAtNotice(p);
		String commendation = this.support.commendationOf(id);
		String candidate = this.support.jdbc
			.sql("select min(id) from candidate where campaign_id = ? and holder_type = 'MEMBER'")
			.param(id)
			.query(String.class)
			.single();
		HttpResponse<String> done = withdrawApi(as(p + "c"), id, "{\"reason\":\"候选名单有误\"}");
		assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
		assertThat(this.support.runtimeService.createProcessInstanceQuery().processInstanceId(commendation).count())
			.isZero();
		HttpResponse<String> objection = TestHttp.anonymous(this.port)
			.post("/public/notices/" + id, TestHttp.form(Map.of("candidate", candidate, "name", "王明", "contact",
					"13800138000", "content", "该同学本学期有课程不及格，请核实。")), "application/x-www-form-urlencoded");
		assertThat(objection.statusCode()).as(objection.body()).isEqualTo(409);
		assertThat(this.support.jdbc.sql("select count(*) from objection where campaign_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isZero();
	}

}
