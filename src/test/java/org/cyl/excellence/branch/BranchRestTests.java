package org.cyl.excellence.branch;

import org.cyl.excellence.campaign.CampaignTestSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.RuntimeService;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyl.excellence.RestTasks.assertRefused;
import static org.cyl.excellence.RestTasks.checklists;
import static org.cyl.excellence.RestTasks.form;
import static org.cyl.excellence.RestTasks.formVariables;
import static org.cyl.excellence.RestTasks.submit;
import static org.cyl.excellence.RestTasks.task;
import static org.cyl.excellence.RestTasks.variables;

/**
 * One branch of the demo university (120202, 经济管理学院 市场营销2023级1班) driven through the REST
 * API as its real demo users — committee member, higher committee, secretary, members,
 * 团总支 and Party reviewer — with the refusals on the way: the wrong user, a missing field,
 * a value out of range.
 */
@ApplicationTest
class BranchRestTests {

	private static final ObjectMapper json = new ObjectMapper();

	private static final String BRANCH = "120202";

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	JdbcClient jdbc;

	TestHttp as(String user) {
		return TestHttp.basic(this.port, user, "demo");
	}

	@Test
	void aBranchGoesThroughItsCampaignOverRest() throws Exception {
		// the campaign: launched by a committee member of 校团委, approved by 团市委
		ObjectNode plan = variables(CampaignTestSupport.plan(1));
		HttpResponse<String> refused = as("sec120202")
			.postJson("/engine-rest/process-definition/key/CampaignProcess/submit-form", plan.toString());
		assertThat(refused.statusCode()).as("a branch secretary may not launch a campaign").isIn(403, 404);
		ObjectNode badPlan = plan.deepCopy();
		((ObjectNode) badPlan.get("variables").get("quotaMembers")).put("value", -5);
		HttpResponse<String> bad = as("committee12")
			.postJson("/engine-rest/process-definition/key/CampaignProcess/submit-form", badPlan.toString());
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(json.readTree(bad.body()).get("message").asText()).contains("优秀团员名额");

		HttpResponse<String> started = as("committee12")
			.postJson("/engine-rest/process-definition/key/CampaignProcess/submit-form", plan.toString());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		String campaignPid = json.readTree(started.body()).get("id").asText();
		String approve = task(as("city1"), campaignPid, "Task_ApprovePlan");
		assertThat(as("committee12")
			.postJson("/engine-rest/task/" + approve + "/submit-form", form(Map.of("planDecision", "approve")))
			.statusCode()).as("the committee does not approve its own plan").isIn(403, 404);
		submit(as("city1"), approve, Map.of("planDecision", "approve"));
		this.support.runJobs(campaignPid);
		String campaignId = (String) this.runtimeService.getVariable(campaignPid, "campaignId");
		String pid = this.jdbc
			.sql("select process_instance_id from campaign_branch where campaign_id = ? and branch_code = ?")
			.params(campaignId, BRANCH)
			.query(String.class)
			.single();

		// 制定支部方案并动员: refusals first
		String mobilize = task(as("sec120202"), pid, "Task_MobilizeBranch");
		assertThat(as("sec120201")
			.postJson("/engine-rest/task/" + mobilize + "/submit-form", form(CampaignTestSupport.mobilization()))
			.statusCode()).as("another branch's secretary").isIn(403, 404);
		Map<String, Object> tooMany = new LinkedHashMap<>(CampaignTestSupport.mobilization());
		tooMany.put("attendance", 99);
		assertRefused(as("sec120202").postJson("/engine-rest/task/" + mobilize + "/submit-form", form(tooMany)),
				"参会人数");
		Map<String, Object> missing = new LinkedHashMap<>(CampaignTestSupport.mobilization());
		missing.remove("branchPlan");
		assertRefused(as("sec120202").postJson("/engine-rest/task/" + mobilize + "/submit-form", form(missing)),
				"支部实施方案");
		assertThat(task(as("sec120202"), pid, "Task_MobilizeBranch")).isEqualTo(mobilize);
		submit(as("sec120202"), mobilize, CampaignTestSupport.mobilization());

		// 制定组织承诺: one block of fields per organisation item
		String orgPledge = task(as("sec120202"), pid, "Task_DraftOrgPledge");
		JsonNode orgVars = formVariables(as("sec120202"), orgPledge);
		Map<String, Object> pledge = new LinkedHashMap<>();
		for (int i = 1; i <= orgVars.at("/itemCount/value").asInt(); i++) {
			pledge.put("commitment" + i, "承诺" + orgVars.at("/item" + i + "/value").asText());
			pledge.put("measures" + i, "措施");
		}
		submit(as("sec120202"), orgPledge, pledge);

		// 签订个人承诺: every member, as themselves
		List<String> members = this.jdbc.sql("select username from member where org_code = ? order by league_no")
			.param(BRANCH)
			.query(String.class)
			.list();
		for (String member : members) {
			String sign = task(as(member), pid, "Task_SignMemberPledge");
			JsonNode vars = formVariables(as(member), sign);
			Map<String, Object> own = new LinkedHashMap<>();
			for (int i = 1; i <= vars.at("/itemCount/value").asInt(); i++) {
				own.put("pledge" + i, "我承诺" + vars.at("/item" + i + "/value").asText());
			}
			if (vars.at("/isCadre/value").asBoolean()) {
				assertRefused(as(member).postJson("/engine-rest/task/" + sign + "/submit-form", form(own)),
						"团干部更高标准承诺");
				own.put("higherStandard", "带头开展志愿服务");
			}
			submit(as(member), sign, own);
		}
		this.support.runJobs(pid);

		// 审核承诺 by the 团总支, then the pledges are public to the branch and its reviewers
		submit(as("gb1202"), task(as("gb1202"), pid, "Task_ReviewPledges"), Map.of("pledgeDecision", "approve"));
		HttpResponse<String> published = as("m12020205")
			.get("/api/campaigns/" + campaignId + "/branches/" + BRANCH + "/pledges");
		assertThat(published.statusCode()).isEqualTo(200);
		assertThat(published.body()).contains("承诺组织建设好", "我承诺带头坚定信念", "带头开展志愿服务");
		assertThat(
				as("party1202s").get("/api/campaigns/" + campaignId + "/branches/" + BRANCH + "/pledges").statusCode())
			.isEqualTo(200);
		assertThat(
				as("sec120101").get("/api/campaigns/" + campaignId + "/branches/" + BRANCH + "/pledges").statusCode())
			.isEqualTo(403);
		HttpResponse<String> page = TestHttp.login(this.port, "m12020206", "demo")
			.get("/campaigns/" + campaignId + "/branches/" + BRANCH + "/pledges");
		assertThat(page.body()).contains("公开承诺", "组织承诺", "团员个人承诺", "承诺组织建设好");

		// 践诺 until the round ends, then 评诺
		this.support.fireTimer(pid, "Event_FulfilmentPeriodEnded");
		String evaluate = task(as("sec120202"), pid, "Task_EvaluateFulfilment");
		JsonNode options = json.readTree(formVariables(as("sec120202"), evaluate).at("/memberOptions/value").asText());
		assertThat(options).hasSize(members.size());
		List<String> all = new ArrayList<>();
		options.forEach((o) -> all.add(o.get("value").asText()));
		assertRefused(as("sec120202").postJson("/engine-rest/task/" + evaluate + "/submit-form",
				checklists(Map.of("fulfilled", all.subList(1, all.size())))), "尚未评定");
		HttpResponse<String> rated = as("sec120202").postJson("/engine-rest/task/" + evaluate + "/submit-form",
				checklists(Map.of("fulfilled", all)));
		assertThat(rated.statusCode()).as(rated.body()).isEqualTo(204);

		// 汇报工作, then 团委点评 and 党组织点评
		String report = task(as("sec120202"), pid, "Task_ReportWork");
		JsonNode reportVars = formVariables(as("sec120202"), report);
		Map<String, Object> reportValues = new LinkedHashMap<>();
		for (int i = 1; i <= reportVars.at("/itemCount/value").asInt(); i++) {
			reportValues.put("results" + i, "成效");
			reportValues.put("problems" + i, "问题");
			reportValues.put("nextSteps" + i, "打算");
		}
		submit(as("sec120202"), report, reportValues);
		review(as("gb1202"), task(as("gb1202"), pid, "Task_CommitteeReview"));
		assertThat(
				as("gb1202").get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=Task_PartyReview")
					.body())
			.as("the 团总支 does not see the Party organisation's task")
			.isEqualTo("[]");
		review(as("party1202s"), task(as("party1202s"), pid, "Task_PartyReview"));

		// 群众评议: the 团总支 issues ballots, the masses answer through their links, the 团总支
		// closes
		String appraisalPid = this.support.appraisalInstance(pid);
		submit(as("gb1202"), task(as("gb1202"), appraisalPid, "Task_InitiateAppraisal"),
				Map.of("ballotCount", 5, "opensAt", java.time.LocalDate.now().toString(), "closesAt",
						java.time.LocalDate.now().plusDays(7).toString(), "publishScope", "COMMITTEE"));
		String appraisalId = (String) this.runtimeService.getVariable(appraisalPid, "appraisalId");
		HttpResponse<String> csv = as("gb1202").get("/api/appraisals/" + appraisalId + "/ballots.csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		List<String> links = csv.body().lines().skip(1).map((line) -> line.substring(line.indexOf(',') + 1)).toList();
		assertThat(links).hasSize(5).allMatch((l) -> l.contains("/ballot/"));
		assertThat(as("sec120202").get("/api/appraisals/" + appraisalId + "/ballots.csv").statusCode())
			.as("the appraised branch does not get the ballots")
			.isEqualTo(403);
		assertThat(as("gb1202").get("/appraisals/" + appraisalId + "/ballots").body())
			.contains("data:image/png;base64,", "第 5 号");
		TestHttp masses = TestHttp.anonymous(this.port);
		for (String link : links.subList(0, 4)) {
			String path = link.substring(link.indexOf("/ballot/"));
			assertThat(masses.get(path).body()).contains("群众评议", "总体评价", "满意");
			HttpResponse<String> cast = masses.post(
					path, TestHttp.form(Map.of("item0", "SATISFIED", "item1", "SATISFIED", "item2", "SATISFIED",
							"item3", "FAIRLY", "item4", "SATISFIED", "comment", "活动开展得好")),
					"application/x-www-form-urlencoded");
			assertThat(cast.statusCode()).isEqualTo(200);
			assertThat(cast.body()).contains("感谢您的评议");
		}
		String used = links.get(0).substring(links.get(0).indexOf("/ballot/"));
		assertThat(masses.get(used).statusCode()).isEqualTo(409);
		assertThat(masses.get(used).body()).contains("已经使用过");
		String last = links.get(4).substring(links.get(4).indexOf("/ballot/"));
		HttpResponse<String> incomplete = masses.post(last, TestHttp.form(Map.of("item0", "SATISFIED")),
				"application/x-www-form-urlencoded");
		assertThat(incomplete.statusCode()).isEqualTo(400);
		assertThat(incomplete.body()).contains("请对");
		assertThat(as("sec120202").postJson("/api/appraisals/" + appraisalId + "/close", "").statusCode())
			.isEqualTo(403);
		assertThat(as("gb1202").postJson("/api/appraisals/" + appraisalId + "/close", "").statusCode()).isEqualTo(200);
		assertThat(masses.get(last).statusCode()).as("closed").isEqualTo(410);
		HttpResponse<String> forged = masses.get("/ballot/" + "x".repeat(43));
		assertThat(forged.statusCode()).isEqualTo(404);
		assertThat(forged.body()).contains("无效的选票链接");
		assertThat(masses.post("/ballot/" + "x".repeat(43), "item0=SATISFIED", "application/x-www-form-urlencoded")
			.statusCode()).isEqualTo(404);
		assertThat(TestHttp.login(this.port, "gb1202", "demo").get("/campaigns/" + campaignId + "/criticisms").body())
			.contains("群众评议通报批评", "没有因群众评议满意度偏低被通报批评的组织");
		// the notice is for the campaign's committee line, managers and the organising
		// committee; a branch that was not criticised, and another college, are not its
		// readers; an unknown campaign is not found
		for (String reader : List.of("committee12", "secretary12", "city1", "party12", "manager")) {
			assertThat(TestHttp.login(this.port, reader, "demo")
				.get("/campaigns/" + campaignId + "/criticisms")
				.statusCode()).as(reader).isEqualTo(200);
		}
		for (String outsider : List.of("sec120201", "gb1201")) {
			assertThat(TestHttp.login(this.port, outsider, "demo")
				.get("/campaigns/" + campaignId + "/criticisms")
				.statusCode()).as(outsider).isEqualTo(403);
		}
		assertThat(TestHttp.login(this.port, "committee12", "demo")
			.get("/campaigns/no-such-campaign/criticisms")
			.statusCode()).isEqualTo(404);
		JsonNode results = json.readTree(as("m12020205").get("/api/appraisals/" + appraisalId + "/results").body());
		assertThat(results.get("grade").asText()).isEqualTo("好");
		assertThat(results.get("participation").asText()).isEqualTo("80%");
		assertThat(results.get("ballotsCast").asInt()).isEqualTo(4);
		assertThat(results.at("/items/3/fairly").asInt()).isEqualTo(4);
		assertThat(results.get("comments")).hasSize(4);
		assertThat(TestHttp.login(this.port, "m12020206", "demo").get("/appraisals/" + appraisalId + "/results").body())
			.contains("群众评议结果", "总体评价", "参评率 80%");
		assertThat(as("gb1201").get("/api/appraisals/" + appraisalId + "/results").statusCode())
			.as("published to the committee's subtree: another college's 团总支 is outside")
			.isEqualTo(403);

		// 推荐优秀团员: the all-member meeting, refused for each rule first
		String recommend = task(as("sec120202"), pid, "Task_RecommendMembers");
		JsonNode memberOptions = json
			.readTree(formVariables(as("sec120202"), recommend).at("/memberOptions/value").asText());
		String first = memberOptions.get(0).get("value").asText();
		String second = memberOptions.get(1).get("value").asText();
		String third = memberOptions.get(2).get("value").asText();
		Map<String, Object> meeting = new LinkedHashMap<>(Map.of("meetingDate", java.time.LocalDate.now().toString(),
				"entitled", 8, "present", 5, "candidate1", first, "votes1", 5));
		assertRefused(as("sec120202").postJson("/engine-rest/task/" + recommend + "/submit-form", form(meeting)),
				"三分之二");
		meeting.put("present", 6);
		meeting.put("votes1", 7);
		assertRefused(as("sec120202").postJson("/engine-rest/task/" + recommend + "/submit-form", form(meeting)),
				"超过实到人数");
		meeting.put("votes1", 4);
		assertRefused(as("sec120202").postJson("/engine-rest/task/" + recommend + "/submit-form", form(meeting)), "半数");
		meeting.put("votes1", 5);
		meeting.putAll(Map.of("candidate2", second, "votes2", 6, "candidate3", third, "votes3", 5));
		assertRefused(as("sec120202").postJson("/engine-rest/task/" + recommend + "/submit-form", form(meeting)),
				"推荐名额");
		meeting.remove("candidate3");
		meeting.remove("votes3");
		submit(as("sec120202"), recommend, meeting);

		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
		assertThat(this.jdbc.sql("select stage from campaign_branch where campaign_id = ? and branch_code = ?")
			.params(campaignId, BRANCH)
			.query(String.class)
			.single()).isEqualTo("FINISHED");

		// the branch's record: every opinion with who and when, everything the branch
		// wrote
		String record = "/api/campaigns/" + campaignId + "/branches/" + BRANCH + "/record";
		JsonNode entries = json.readTree(as("gb1202").get(record).body());
		assertThat(entries.get("opinions").findValuesAsText("label")).contains("承诺审核", "团委点评", "党组织点评");
		assertThat(entries.get("opinions").findValuesAsText("author")).contains("gb1202", "party1202s");
		assertThat(entries.get("documents").findValuesAsText("label")).contains("支部方案与动员", "组织承诺", "工作汇报");
		assertThat(as("sec120101").get(record).statusCode()).isEqualTo(403);
		String recordPage = TestHttp.login(this.port, "m12020207", "demo")
			.get("/campaigns/" + campaignId + "/branches/" + BRANCH + "/record")
			.body();
		assertThat(recordPage).contains("活动记录", "团委点评", "覆盖面还可扩大", "工作成效：成效");
		// what people chose, by the labels they chose it by, never by its code
		List<String> texts = entries.get("opinions").findValuesAsText("text");
		assertThat(texts).anyMatch((t) -> t.contains("结论：通过"))
			.anyMatch((t) -> t.contains("评定：") && t.contains("：好"))
			.noneMatch((t) -> t.matches("(?s).*(approve|return|GOOD|FAIR|AVERAGE|POOR|PASS|RECTIFY).*"));
	}

	@Test
	void tasklistsOwnApiAlsoAnswersARefusedFormWith400() throws Exception {
		TestHttp secretary = TestHttp.login(this.port, "sec120303", "demo");
		assertThat(secretary.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
		List<String> started = new ArrayList<>();
		HttpResponse<String> campaign = as("committee12").postJson(
				"/engine-rest/process-definition/key/CampaignProcess/submit-form",
				variables(CampaignTestSupport.plan(1)).toString());
		started.add(json.readTree(campaign.body()).get("id").asText());
		submit(as("city1"), task(as("city1"), started.get(0), "Task_ApprovePlan"), Map.of("planDecision", "approve"));
		this.support.runJobs(started.get(0));
		String campaignId = (String) this.runtimeService.getVariable(started.get(0), "campaignId");
		String pid = this.jdbc
			.sql("select process_instance_id from campaign_branch where campaign_id = ? and branch_code = '120303'")
			.param(campaignId)
			.query(String.class)
			.single();
		String mobilize = task(as("sec120303"), pid, "Task_MobilizeBranch");
		Map<String, Object> missing = new LinkedHashMap<>(CampaignTestSupport.mobilization());
		missing.remove("meetingDate");
		HttpResponse<String> response = secretary
			.postJson("/camunda/api/engine/engine/default/task/" + mobilize + "/submit-form", form(missing));
		assertRefused(response, "动员大会日期");
	}

	// ---- helpers

	private void review(TestHttp reviewer, String task) throws Exception {
		JsonNode vars = formVariables(reviewer, task);
		assertThat(vars.at("/reportSummary/value").asText()).contains("工作成效");
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 1; i <= vars.at("/itemCount/value").asInt(); i++) {
			values.put("reviewRating" + i, "GOOD");
		}
		values.put("reviewAffirmed", "工作扎实");
		values.put("reviewProblems", "覆盖面还可扩大");
		values.put("reviewDirection", "继续努力");
		values.put("reviewVerdict", "PASS");
		submit(reviewer, task, values);
	}

}
