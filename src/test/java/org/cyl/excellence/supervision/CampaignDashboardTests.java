package org.cyl.excellence.supervision;

import org.cyl.excellence.campaign.CampaignTestSupport;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaign dashboard: per branch its stage, pledges signed, review, appraisal and
 * rectification, totals for the charts; for the committee's line and managers only.
 */
@ApplicationTest
class CampaignDashboardTests {

	private static final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	@Test
	void showsEachBranchAtItsStageToTheCommitteeAndManagersOnly() throws Exception {
		String p = "DB" + System.nanoTime() % 100000;
		this.support.organization(p, 3);
		ProcessInstance campaign = this.support.startCampaign(p + "c", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		String id = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		// branch 1 pledging with one member signed, branch 2 under rectification, branch
		// 3
		// finished
		String b1 = this.support.branchInstance(id, p + "B1");
		this.support.mobilize(b1);
		this.support.draftOrgPledge(b1);
		this.support.sign(this.support.tasks(b1, "Task_SignMemberPledge").get(0));
		String b2 = this.support.branchInstance(id, p + "B2");
		this.support.toReview(b2);
		this.support.review(b2, "RECTIFY", "PASS");
		this.support.finishBranch(this.support.branchInstance(id, p + "B3"));

		JsonNode view = json
			.readTree(TestHttp.basic(this.port, p + "c", "demo").get("/api/campaigns/" + id + "/dashboard").body());
		assertThat(view.get("branchCount").asInt()).isEqualTo(3);
		assertThat(view.at("/stages/承诺践诺").asInt()).isEqualTo(1);
		assertThat(view.at("/stages/限期整改").asInt()).isEqualTo(1);
		assertThat(view.at("/stages/已完成").asInt()).isEqualTo(1);
		assertThat(view.at("/grades/好").asInt()).isEqualTo(1);
		assertThat(view.get("openRectifications").asInt()).isEqualTo(1);
		JsonNode first = view.at("/branches/0");
		assertThat(first.get("name").asText()).isEqualTo("测试支部1");
		assertThat(first.get("signed").asInt()).isEqualTo(1);
		assertThat(first.get("members").asInt()).isEqualTo(3);
		JsonNode second = view.at("/branches/1");
		assertThat(second.get("lowestRating").asText()).isEqualTo("一般");
		assertThat(second.get("openRectification").asBoolean()).isTrue();
		assertThat(view.at("/branches/2/appraisalGrade").asText()).isEqualTo("好");

		assertThat(TestHttp.basic(this.port, "manager", "demo").get("/api/campaigns/" + id + "/dashboard").statusCode())
			.isEqualTo(200);
		assertThat(TestHttp.basic(this.port, "city1", "demo").get("/api/campaigns/" + id + "/dashboard").statusCode())
			.as("the committee above")
			.isEqualTo(200);
		for (String outsider : new String[] { p + "s1", "committee12", "sec120101" }) {
			assertThat(
					TestHttp.basic(this.port, outsider, "demo").get("/api/campaigns/" + id + "/dashboard").statusCode())
				.as(outsider)
				.isEqualTo(403);
		}
		assertThat(TestHttp.basic(this.port, "manager", "demo").get("/api/campaigns/nope/dashboard").statusCode())
			.isEqualTo(404);

		TestHttp committee = TestHttp.login(this.port, p + "c", "demo");
		String page = committee.get("/campaigns/" + id + "/dashboard").body();
		assertThat(page).contains("活动进展", "测试支部2", "限期整改", "chart.umd.js", "/branches/" + p + "B1/record");
		assertThat(committee.get("/webjars/chart.js/4.5.1/dist/chart.umd.js").statusCode()).isEqualTo(200);
		assertThat(committee.get("/campaigns").body()).contains("/campaigns/" + id + "/dashboard");
		assertThat(TestHttp.login(this.port, "sec120102", "demo").get("/campaigns").body())
			.doesNotContain("/campaigns/" + id + "/dashboard");
	}

	/**
	 * 活动进展 (/campaigns) for every person: a branch secretary and a 团总支 see the campaigns
	 * their organisation takes part in (links to their branches' records, not to the
	 * dashboard they may not read), the committee and its Party reviewer the dashboard; a
	 * person of another organisation sees none of them.
	 */
	@Test
	void listsTheCampaignsAPersonsOrganisationTakesPartIn() throws Exception {
		String p = "DL" + System.nanoTime() % 100000;
		String other = "DO" + System.nanoTime() % 100000;
		this.support.organization(p, 2);
		this.support.organization(other, 1);
		String[] ids = new String[2];
		for (int n = 0; n < 2; n++) {
			Map<String, Object> plan = CampaignTestSupport.plan(1);
			plan.put("title", "第" + (n + 1) + "项活动" + p);
			ProcessInstance campaign = this.support.startCampaign(p + "c", plan);
			this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
					Map.of("planDecision", "approve"));
			this.support.runJobs(campaign.getId());
			ids[n] = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		}

		String secretary = TestHttp.login(this.port, p + "s1", "demo").get("/campaigns").body();
		assertThat(secretary).doesNotContain("暂无活动");
		String general = TestHttp.login(this.port, p + "g", "demo").get("/campaigns").body();
		String reviewer = TestHttp.login(this.port, p + "p", "demo").get("/campaigns").body();
		for (String id : ids) {
			assertThat(secretary).contains("/campaigns/" + id + "/branches/" + p + "B1/record")
				.doesNotContain("/campaigns/" + id + "/branches/" + p + "B2/record")
				.doesNotContain("/campaigns/" + id + "/dashboard");
			assertThat(general).contains("/campaigns/" + id + "/branches/" + p + "B1/record",
					"/campaigns/" + id + "/branches/" + p + "B2/record");
			assertThat(reviewer).contains("/campaigns/" + id + "/dashboard");
		}
		assertThat(secretary).contains("第1项活动" + p, "第2项活动" + p, "测试支部1");
		String outsider = TestHttp.login(this.port, other + "s1", "demo").get("/campaigns").body();
		assertThat(outsider).doesNotContain(p, ids[0], ids[1]);
	}

}
