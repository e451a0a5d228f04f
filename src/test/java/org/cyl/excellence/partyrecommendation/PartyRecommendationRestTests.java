package org.cyl.excellence.partyrecommendation;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyl.excellence.RestTasks.assertRefused;
import static org.cyl.excellence.RestTasks.form;
import static org.cyl.excellence.RestTasks.submit;
import static org.cyl.excellence.RestTasks.task;
import static org.cyl.excellence.RestTasks.variables;
import static org.cyl.excellence.partyrecommendation.PartyRecommendationTestSupport.candidates;
import static org.cyl.excellence.partyrecommendation.PartyRecommendationTestSupport.keepAll;
import static org.cyl.excellence.partyrecommendation.PartyRecommendationTestSupport.meeting;

/**
 * A round of 推优入党 over HTTP as its people, behind the real security chain: the committee
 * member launches it, the branch secretary proposes, meets and checks, the 团总支 member
 * agrees, verifies an objection from the public notice and approves, the committee reads
 * the round, exports it and downloads the 推荐表. Refused on the way: the other branch's
 * secretary, a member, a variable the form does not ask, an ineligible candidate, the
 * committee's pages for a secretary.
 */
@ApplicationTest
class PartyRecommendationRestTests {

	private static final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	PartyRecommendationTestSupport party;

	TestHttp as(String user) {
		return TestHttp.basic(this.port, user, "demo");
	}

	@Test
	void aRoundWalkedByItsPeople() throws Exception {
		String p = "RR" + System.nanoTime() % 100000;
		this.party.organization(p, 2);
		LocalDate today = LocalDate.now();
		this.party.dates(p + "-1-3", today.minusYears(17), today.minusYears(2), today.minusYears(1));

		HttpResponse<String> started = as(p + "c").postJson(
				"/engine-rest/process-definition/key/PartyRecommendationProcess/submit-form",
				variables(PartyRecommendationTestSupport.launchForm("ACTIVIST")).toString());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		// a branch secretary is no committee member: Tasklist offers him no start
		assertThat(as(p + "s1")
			.postJson("/engine-rest/process-definition/key/PartyRecommendationProcess/submit-form",
					variables(PartyRecommendationTestSupport.launchForm("ACTIVIST")).toString())
			.statusCode()).isEqualTo(403);
		String launchPid = json.readTree(started.body()).get("id").asText();
		this.party.support.runJobs(launchPid);
		String pid = this.party.branchInstance(p + "B1");
		long launchId = ((Number) this.party.support.runtimeService.getVariable(pid, "launchId")).longValue();

		String propose = task(as(p + "s1"), pid, "Task_ProposeCandidates");
		String path = "/engine-rest/task/" + propose + "/submit-form";
		// the other branch's secretary and a member of the branch see no such task
		assertThat(as(p + "s2").postJson(path, form(candidates(p + "-1-2"))).statusCode()).isIn(403, 404);
		assertThat(as(p + "m1k2").postJson(path, form(candidates(p + "-1-2"))).statusCode()).isIn(403, 404);
		// what the form does not ask
		Map<String, Object> extra = new HashMap<>(candidates(p + "-1-2"));
		extra.put("proposedCount", 1);
		assertRefused(as(p + "s1").postJson(path, form(extra)), "proposedCount");
		// a member under 18 on the launch day
		HttpResponse<String> young = as(p + "s1").postJson(path, form(candidates(p + "-1-3")));
		assertThat(young.statusCode()).isEqualTo(400);
		assertThat(young.body()).contains("未满 18 周岁");
		assertThat(task(as(p + "s1"), pid, "Task_ProposeCandidates")).isEqualTo(propose);
		submit(as(p + "s1"), propose, candidates(p + "-1-2", p + "-1-4"));

		assertThat(as(p + "s1").get("/engine-rest/task?processInstanceId=" + pid).body()).isEqualTo("[]");
		submit(as(p + "g"), task(as(p + "g"), pid, "Task_AgreeList"), Map.of("listDecision", "agree"));
		submit(as(p + "s1"), task(as(p + "s1"), pid, "Task_HoldMeeting"), meeting(9, 8, 7));
		submit(as(p + "s1"), task(as(p + "s1"), pid, "Task_CheckCandidates"), keepAll(2));

		// the public notice, and an objection to it, without login
		TestHttp anyone = TestHttp.anonymous(this.port);
		HttpResponse<String> notice = anyone.get("/public/party-recommendations/" + pid);
		assertThat(notice.statusCode()).isEqualTo(200);
		assertThat(notice.body()).contains("团员12", "提出异议");
		String candidate = this.party.support.jdbc
			.sql("select id from party_recommendation where process_instance_id = ? and league_no = ?")
			.params(pid, p + "-1-4")
			.query(String.class)
			.single();
		HttpResponse<String> anonymous = anyone.post("/public/party-recommendations/" + pid, TestHttp.form(
				Map.of("candidate", candidate, "name", "知情人", "contact", "13800138000", "content", "该同学本学期有违纪情况，请核实。")),
				"application/x-www-form-urlencoded");
		assertThat(anonymous.statusCode()).isEqualTo(400);
		assertThat(anonymous.body()).contains("匿名异议不予受理");
		HttpResponse<String> filed = anyone.post("/public/party-recommendations/" + pid, TestHttp.form(
				Map.of("candidate", candidate, "name", "王明", "contact", "13800138000", "content", "该同学本学期有违纪情况，请核实。")),
				"application/x-www-form-urlencoded");
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
		submit(as(p + "g"), task(as(p + "g"), pid, "Task_VerifyObjection"),
				Map.of("verdict", "UPHOLD", "finding", "经核实，该同学受过通报批评"));
		this.party.support.fireTimer(pid, "Event_NoticePeriodEnded");
		submit(as(p + "g"), task(as(p + "g"), pid, "Task_ApproveRecommendation"), Map.of("issueNo", "测团字〔2026〕16号"));

		// the committee's pages
		String round = "/party-recommendations/" + launchId;
		assertThat(as(p + "c").get("/party-recommendations").body()).contains("入党积极分子");
		HttpResponse<String> page = as(p + "c").get(round);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("已推荐", "异议属实已取消", "推荐表（PDF）");
		assertThat(as(p + "s1").get(round).statusCode()).isEqualTo(403);
		assertThat(as(p + "m1k2").get(round).statusCode()).isEqualTo(403);
		HttpResponse<byte[]> xlsx = as(p + "c").getBytes(round + "/recommendations.xlsx");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
		String recommended = this.party.support.jdbc
			.sql("select id from party_recommendation where process_instance_id = ? and league_no = ?")
			.params(pid, p + "-1-2")
			.query(String.class)
			.single();
		HttpResponse<byte[]> pdf = as(p + "g").getBytes("/party-recommendations/forms/" + recommended + ".pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 4)).isEqualTo("%PDF");
		assertThat(as(p + "s1").getBytes("/party-recommendations/forms/" + recommended + ".pdf").statusCode())
			.isEqualTo(403);
		assertThat(as(p + "c").getBytes("/party-recommendations/forms/" + candidate + ".pdf").statusCode())
			.isEqualTo(404);
	}

}
