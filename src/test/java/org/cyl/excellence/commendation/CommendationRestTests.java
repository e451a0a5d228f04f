package org.cyl.excellence.commendation;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyl.excellence.RestTasks.assertRefused;
import static org.cyl.excellence.RestTasks.checklists;
import static org.cyl.excellence.RestTasks.form;
import static org.cyl.excellence.RestTasks.formVariables;
import static org.cyl.excellence.RestTasks.submit;
import static org.cyl.excellence.RestTasks.task;
import static org.cyl.excellence.RestTasks.variables;

/**
 * One small campaign (a committee with two branches) from launch to the commendation
 * decision through the REST API, every step as the person whose task it is; the masses
 * answer through their ballot links and the public notice. Only time is moved on by the
 * test (the fulfilment period and the notice period end when it says so).
 */
@ApplicationTest
class CommendationRestTests {

	private static final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	@Autowired
	RuntimeService runtimeService;

	TestHttp as(String user) {
		return TestHttp.basic(this.port, user, "demo");
	}

	@Test
	void aCampaignOfTwoBranchesEndsInACommendationDecisionWithItsHonoursArchived() throws Exception {
		String p = "RC" + System.nanoTime() % 100000;
		this.support.organization(p, 2);

		// launched by the committee, approved by the city committee (demo user city1)
		HttpResponse<String> started = as(p + "c").postJson(
				"/engine-rest/process-definition/key/CampaignProcess/submit-form",
				variables(CampaignTestSupport.plan(1)).toString());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		String campaignPid = json.readTree(started.body()).get("id").asText();
		submit(as("city1"), task(as("city1"), campaignPid, "Task_ApprovePlan"), Map.of("planDecision", "approve"));
		this.support.runJobs(campaignPid);
		String campaignId = (String) this.runtimeService.getVariable(campaignPid, "campaignId");
		for (int b = 1; b <= 2; b++) {
			branch(p, b, this.support.branchInstance(campaignId, p + "B" + b));
		}

		// 推荐先进组织 by the committee's Party organisation — not by a branch secretary
		String commendation = this.support.commendationInstance(campaignPid);
		assertThat(as(p + "s1").get("/engine-rest/task?processInstanceId=" + commendation).body()).isEqualTo("[]");
		String nominate = task(as(p + "p"), commendation, "Task_NominateOrganizations");
		JsonNode eligible = json.readTree(formVariables(as(p + "p"), nominate).at("/eligibleOptions/value").asText());
		assertThat(eligible).hasSize(2);
		assertThat(
				as(p + "p")
					.postJson("/engine-rest/task/" + nominate + "/submit-form",
							checklists(Map.of("redFlagOrganizations", List.of(p + "B1", p + "B2"),
									"advancedOrganizations", List.of(p + "B2"))))
					.statusCode())
			.isEqualTo(400);
		HttpResponse<String> nominated = as(p + "p").postJson("/engine-rest/task/" + nominate + "/submit-form",
				checklists(
						Map.of("redFlagOrganizations", List.of(p + "B1"), "advancedOrganizations", List.of(p + "B2"))));
		assertThat(nominated.statusCode()).as(nominated.body()).isEqualTo(204);

		// 考核候选 by the committee: all four accepted, the masses not asked
		String assess = task(as(p + "c"), commendation, "Task_AssessCandidates");
		JsonNode assessVars = formVariables(as(p + "c"), assess);
		Map<String, Object> verdicts = new LinkedHashMap<>();
		for (int i = 1; i <= assessVars.at("/candidateCount/value").asInt(); i++) {
			verdicts.put("verdict" + i, "ACCEPT");
			verdicts.put("reason" + i, "经走访考核，符合标准");
		}
		verdicts.put("appraiseCandidates", "NO");
		submit(as(p + "c"), assess, verdicts);

		// 撰写事迹材料: each branch's secretary writes its own candidates' deeds
		for (int b = 1; b <= 2; b++) {
			String secretary = p + "s" + b;
			String deeds = task(as(secretary), commendation, "Task_WriteDeeds");
			String other = p + "s" + (3 - b);
			assertThat(as(other).postJson("/engine-rest/task/" + deeds + "/submit-form", form(Map.of())).statusCode())
				.as("another branch's secretary")
				.isIn(403, 404);
			JsonNode vars = formVariables(as(secretary), deeds);
			Map<String, Object> texts = new LinkedHashMap<>();
			for (int i = 1; i <= vars.at("/deedsCount/value").asInt(); i++) {
				texts.put("deeds" + i, vars.at("/deedsCandidate" + i + "/value").asText()
						+ "：在创先争优活动中带头学习、带头服务，组织志愿服务十余次，服务青年三百余人次，团员青年普遍认可，成效明显。");
			}
			assertRefused(as(secretary).postJson("/engine-rest/task/" + deeds + "/submit-form",
					form(Map.of("deeds1", "太短了"))), "事迹材料");
			submit(as(secretary), deeds, texts);
		}

		// 审核 by the higher committee
		String audit = task(as("city1"), commendation, "Task_AuditCandidates");
		assertThat(as(p + "c")
			.postJson("/engine-rest/task/" + audit + "/submit-form", form(Map.of("auditDecision", "APPROVE")))
			.statusCode()).as("the committee does not audit its own list").isIn(403, 404);
		submit(as("city1"), audit, Map.of("auditDecision", "APPROVE"));

		// 公示: public, without login; an anonymous objection is refused, a real one is
		// taken
		TestHttp anyone = TestHttp.anonymous(this.port);
		HttpResponse<String> unknown = anyone.get("/public/notices/no-such-campaign");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("没有找到这个页面");
		assertThat(as(p + "c").get("/api/commendations/no-such-campaign").body()).contains("\"message\"");
		HttpResponse<String> notice = anyone.get("/public/notices/" + campaignId);
		assertThat(notice.statusCode()).isEqualTo(200);
		assertThat(notice.body()).contains("拟表彰对象的公示", "测试支部1", "测试支部2", "团员11", "团员21", "提出异议");
		long candidate = json.readTree(as(p + "c").get("/api/commendations/" + campaignId).body())
			.get("candidates")
			.findValues("id")
			.get(2)
			.asLong();
		HttpResponse<String> anonymous = anyone.post("/public/notices/" + campaignId, TestHttp.form(Map.of("candidate",
				String.valueOf(candidate), "name", "", "contact", "", "content", "该同学不符合优秀团员条件，请核实。")),
				"application/x-www-form-urlencoded");
		assertThat(anonymous.statusCode()).isEqualTo(400);
		assertThat(anonymous.body()).contains("匿名异议不予受理");
		HttpResponse<String> filed = anyone.post(
				"/public/notices/" + campaignId, TestHttp.form(Map.of("candidate", String.valueOf(candidate), "name",
						"王明", "contact", "13800138000", "content", "该同学本学期有课程不及格，请核实。")),
				"application/x-www-form-urlencoded");
		assertThat(filed.statusCode()).isEqualTo(302);
		assertThat(anyone.get("/public/notices/" + campaignId + "?filed").body()).contains("您的异议已收到");

		// 核查异议 by the committee: dismissed, the finding kept; the filer's contact only
		// for
		// the committee's line
		String verify = task(as(p + "c"), commendation, "Task_VerifyObjection");
		JsonNode verifyVars = formVariables(as(p + "c"), verify);
		assertThat(verifyVars.at("/objectionSummary/value").asText()).contains("王明", "13800138000");
		assertThat(verifyVars.at("/objectionContent/value").asText()).isEqualTo("该同学本学期有课程不及格，请核实。");
		submit(as(p + "c"), verify, Map.of("objectionVerdict", "DISMISS", "objectionFinding", "经核实，补考已通过"));
		JsonNode view = json.readTree(as(p + "c").get("/api/commendations/" + campaignId).body());
		assertThat(view.at("/objections/0/status").asText()).isEqualTo("DISMISSED");
		assertThat(view.at("/objections/0/filerContact").asText()).isEqualTo("13800138000");
		JsonNode secretaryView = json.readTree(as(p + "s1").get("/api/commendations/" + campaignId).body());
		assertThat(secretaryView.at("/objections/0/filerContact").isNull()).isTrue();
		assertThat(as("sec120101").get("/api/commendations/" + campaignId).statusCode()).isEqualTo(403);

		// the notice period ends (time moves on), then 印发表彰决定
		this.support.fireTimer(commendation, "Event_NoticePeriodEnded");
		String decide = task(as(p + "c"), commendation, "Task_IssueDecision");
		assertRefused(as(p + "c").postJson("/engine-rest/task/" + decide + "/submit-form",
				form(Map.of("decidedOn", LocalDate.now().toString()))), "文号");
		submit(as(p + "c"), decide, Map.of("decisionNo", p + "团字〔2026〕8号", "decidedOn", LocalDate.now().toString()));
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceId(campaignPid).count()).isZero();

		// the decision, public, as page and PDF; the honours in the archive
		assertThat(anyone.get("/public/decisions/" + campaignId).body()).contains(p + "团字〔2026〕8号", "五四红旗团组织", "测试支部1",
				"团员21（测试支部2）");
		HttpResponse<String> pdf = anyone.get("/public/decisions/" + campaignId + ".pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		JsonNode honours = json.readTree(as("m12020205").get("/api/honours?q=" + p + "团字").body());
		assertThat(honours.findValuesAsText("holderName")).containsExactlyInAnyOrder("测试支部1", "测试支部2", "团员11", "团员21");

		// the lists for Excel
		HttpResponse<byte[]> xlsx = as(p + "c")
			.getBytes("/api/commendations/" + campaignId + "/candidates.xlsx?list=final");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = workbook.getSheet("表彰名单");
			assertThat(sheet.getLastRowNum()).isEqualTo(4);
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("五四红旗团组织");
			assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1);
		}
		HttpResponse<String> csv = as(p + "c").get("/api/commendations/" + campaignId + "/candidates.csv");
		assertThat(csv.body()).startsWith("\uFEFF序号,类别,荣誉称号").contains("团员21", "考核通过");
		assertThat(as(p + "c").get("/api/commendations/" + campaignId + "/candidates.csv?list=everything").statusCode())
			.isEqualTo(400);
	}

	/** A branch from mobilisation to its recommendation vote, every step over REST. */
	private void branch(String p, int b, String pid) throws Exception {
		String secretary = p + "s" + b;
		submit(as(secretary), task(as(secretary), pid, "Task_MobilizeBranch"), CampaignTestSupport.mobilization());
		String orgPledge = task(as(secretary), pid, "Task_DraftOrgPledge");
		JsonNode orgVars = formVariables(as(secretary), orgPledge);
		Map<String, Object> pledge = new LinkedHashMap<>();
		for (int i = 1; i <= orgVars.at("/itemCount/value").asInt(); i++) {
			pledge.put("commitment" + i, "承诺" + orgVars.at("/item" + i + "/value").asText());
			pledge.put("measures" + i, "措施");
		}
		submit(as(secretary), orgPledge, pledge);
		for (String member : List.of(secretary, p + "m" + b + "2", p + "m" + b + "3")) {
			String sign = task(as(member), pid, "Task_SignMemberPledge");
			JsonNode vars = formVariables(as(member), sign);
			Map<String, Object> own = new LinkedHashMap<>();
			for (int i = 1; i <= vars.at("/itemCount/value").asInt(); i++) {
				own.put("pledge" + i, "我承诺" + vars.at("/item" + i + "/value").asText());
			}
			if (vars.at("/isCadre/value").asBoolean()) {
				own.put("higherStandard", "带头开展志愿服务");
			}
			submit(as(member), sign, own);
		}
		this.support.runJobs(pid);
		submit(as(p + "g"), task(as(p + "g"), pid, "Task_ReviewPledges"), Map.of("pledgeDecision", "approve"));
		this.support.fireTimer(pid, "Event_FulfilmentPeriodEnded");
		String evaluate = task(as(secretary), pid, "Task_EvaluateFulfilment");
		List<String> all = new ArrayList<>();
		json.readTree(formVariables(as(secretary), evaluate).at("/memberOptions/value").asText())
			.forEach((o) -> all.add(o.get("value").asText()));
		assertThat(as(secretary)
			.postJson("/engine-rest/task/" + evaluate + "/submit-form", checklists(Map.of("fulfilled", all)))
			.statusCode()).isEqualTo(204);
		String report = task(as(secretary), pid, "Task_ReportWork");
		Map<String, Object> reportValues = new LinkedHashMap<>();
		for (int i = 1; i <= formVariables(as(secretary), report).at("/itemCount/value").asInt(); i++) {
			reportValues.put("results" + i, "成效");
			reportValues.put("problems" + i, "问题");
			reportValues.put("nextSteps" + i, "打算");
		}
		submit(as(secretary), report, reportValues);
		review(as(p + "g"), task(as(p + "g"), pid, "Task_CommitteeReview"));
		review(as(p + "p"), task(as(p + "p"), pid, "Task_PartyReview"));

		// 群众评议: four of four ballots 满意 through their links
		String appraisalPid = this.support.appraisalInstance(pid);
		submit(as(p + "g"), task(as(p + "g"), appraisalPid, "Task_InitiateAppraisal"),
				Map.of("ballotCount", 4, "opensAt", LocalDate.now().toString(), "closesAt",
						LocalDate.now().plusDays(7).toString(), "publishScope", "BRANCH"));
		String appraisalId = (String) this.runtimeService.getVariable(appraisalPid, "appraisalId");
		String csv = as(p + "g").get("/api/appraisals/" + appraisalId + "/ballots.csv").body();
		TestHttp masses = TestHttp.anonymous(this.port);
		for (String line : csv.lines().skip(1).toList()) {
			String path = line.substring(line.indexOf("/ballot/"));
			Map<String, String> answers = new LinkedHashMap<>();
			for (int i = 0; i < 5; i++) {
				answers.put("item" + i, "SATISFIED");
			}
			assertThat(masses.post(path, TestHttp.form(answers), "application/x-www-form-urlencoded").statusCode())
				.isEqualTo(200);
		}
		assertThat(as(p + "g").postJson("/api/appraisals/" + appraisalId + "/close", "").statusCode()).isEqualTo(200);

		// 推荐优秀团员: all three present, the secretary recommended unanimously
		String recommend = task(as(secretary), pid, "Task_RecommendMembers");
		String first = json.readTree(formVariables(as(secretary), recommend).at("/memberOptions/value").asText())
			.get(0)
			.get("value")
			.asText();
		// appraised 优秀 this year, as an 优秀团员 candidate must be
		org.cyl.excellence.memberappraisal.MemberAppraisalTestSupport.approvedGrades(this.support.jdbc, p + "B" + b,
				Map.of(first, "优秀"));
		submit(as(secretary), recommend, Map.of("meetingDate", LocalDate.now().toString(), "entitled", 3, "present", 3,
				"candidate1", first, "votes1", 3));
	}

	private void review(TestHttp reviewer, String task) throws Exception {
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 1; i <= formVariables(reviewer, task).at("/itemCount/value").asInt(); i++) {
			values.put("reviewRating" + i, "GOOD");
		}
		values.put("reviewAffirmed", "工作扎实");
		values.put("reviewProblems", "覆盖面还可扩大");
		values.put("reviewDirection", "继续努力");
		values.put("reviewVerdict", "PASS");
		submit(reviewer, task, values);
	}

}
