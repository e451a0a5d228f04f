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

}
