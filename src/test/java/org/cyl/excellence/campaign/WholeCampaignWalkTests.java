package org.cyl.excellence.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.organization.OrganizationImport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole campaign of the demo organisation (南江大学: 校团委, three 团总支, eight 团支部, 92 members)
 * walked from the plan to the published decision as its people, through HTTP only: the
 * engine's REST API as each person (HTTP Basic), the application's pages in each person's
 * session, the ballots and the objections anonymously. Every person finds their work in
 * their own 我的待办 (the shared filter, narrowed to the campaign as Tasklist's search does),
 * reads the form's variables and submits only the form's fields; tools are reached by
 * following the links the person sees (notices, 活动进展, the ballots page, the dashboard,
 * the public pages), and every link followed answers 200 for that person. Nobody works as
 * an administrator and the database is never read.
 *
 * <p>
 * The demo organisation is imported whole (团市委 and its Party committee included) under
 * codes and accounts of its own (prefix {@code W} for codes and League numbers, {@code w}
 * for accounts: {@code wcity1}, {@code wcommittee12}, {@code wsec120101},
 * {@code wm12010102}) from the demo CSVs: the tests share one application and its demo
 * organisation, other tests start campaigns of the real 校团委 and put accounts of their own
 * into the real 团市委, whose tasks would fill the same people's lists (several committee
 * members where the demo has one), and they would see this walk's tasks and notices in
 * theirs.
 *
 * <p>
 * What no person does is done by the test as the machine would: the job executor (off in
 * tests) runs the engine's due jobs and batches, and time passes (the fulfilment period
 * and the notice period end) by firing the timers due then.
 */
@ApplicationTest
class WholeCampaignWalkTests {

	private static final ObjectMapper json = new ObjectMapper();

	private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

	private static final Pattern BALLOT_LINK = Pattern.compile("https?://[^/\\s,\"]+(/ballot/[A-Za-z0-9_-]+)");

	private static final Pattern OPTION = Pattern.compile("<option value=\"(\\d+)\"[^>]*>([^<]+)</option>");

	private static final String TITLE = "南江大学创先争优活动（全程演练）";

	private static final String MISTAKE = "南江大学创先争优活动（误发）";

	private static final String FORM = "application/x-www-form-urlencoded";

	/** The demo's branches by their 团总支, with the Party branch that co-reviews them. */
	private static final Map<String, List<String>> BRANCHES = new TreeMap<>(
			Map.of("1201", List.of("120101", "120102", "120103"), "1202", List.of("120201", "120202"), "1203",
					List.of("120301", "120302", "120303")));

	@Autowired
	CampaignTestSupport support;

	@LocalServerPort
	int port;

	private final Map<String, Person> people = new HashMap<>();

	/** Every task a person found in their list, and every task a person completed. */
	private final Set<String> tasksSeen = new LinkedHashSet<>();

	private final Set<String> tasksDone = new LinkedHashSet<>();

	/** Every link a person followed (each answered 200 for them). */
	private int linksFollowed;

	private String mineFilter;

	@Test
	void theDemoOrganisationWalksACampaignFromThePlanToTheDecisionAsItsPeople() throws Exception {
		importDemoOrganisation();
		Map<String, List<String>> members = demoMembers();

		// 校团委's committee member starts the campaign from the start form; by mistake a
		// second one too
		Person committee = person("committee12");
		startCampaign(committee, TITLE);
		startCampaign(committee, MISTAKE);

		// 团市委 approves both from its list (several committee members: claimed first)
		Person city = person("city1");
		for (String title : List.of(TITLE, MISTAKE)) {
			String approve = city.claimTask(title, "审批实施方案", null);
			city.submit(approve, Map.of("planDecision", "approve"));
		}
		jobExecutor();

		// every secretary finds 制定支部方案并动员 of both campaigns in 我的待办
		for (String branch : allBranches()) {
			Person secretary = person("sec" + branch);
			assertThat(secretary.myTasks(TITLE, null)).extracting((t) -> t.get("name").asText())
				.containsExactly("制定支部方案并动员");
			assertThat(secretary.myTasks(MISTAKE, null)).extracting((t) -> t.get("name").asText())
				.containsExactly("制定支部方案并动员");
		}

		// the committee withdraws the mistaken one from 活动进展, with a reason
		Set<String> batchesBefore = batchIds();
		String withdrawnDashboard = withdraw(committee, MISTAKE, "误发：与已发起的活动重复");
		// the engine ends the branches (its job and batch), as its job executor would
		jobExecutor();
		runNewBatches(batchesBefore);
		for (String branch : allBranches()) {
			Person secretary = person("sec" + branch);
			assertThat(secretary.myTasks(MISTAKE, null)).as("withdrawn: gone from " + branch).isEmpty();
			assertThat(secretary.myTasks(TITLE, null)).hasSize(1);
		}
		assertThat(city.notices())
			.anySatisfy((n) -> assertThat(n.get("text").asText()).contains("撤销了创先争优活动", "误发：与已发起的活动重复"));
		assertThat(committee.follow(withdrawnDashboard)).contains("已撤销", "误发：与已发起的活动重复");

		// every branch walks its campaign
		Map<String, String> recommended = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> college : BRANCHES.entrySet()) {
			for (String branch : college.getValue()) {
				recommended.put(branch, walkBranch(branch, person("gb" + college.getKey()),
						person("party" + college.getKey() + "s"), members.get(branch)));
			}
		}
		assertThat(recommended.values()).as("one member recommended per branch").doesNotHaveDuplicates().hasSize(8);
		jobExecutor();

		// 推荐先进组织 by 校党委 among the eligible branches
		Person party = person("party12");
		String nominate = party.myTask(TITLE, "推荐先进组织", null);
		JsonNode eligible = json.readTree(party.formVariables(nominate).at("/eligibleOptions/value").asText());
		assertThat(eligible).as("every branch passed, all appraised 好").hasSize(8);
		String redFlag = eligible.get(0).get("value").asText();
		String advanced = eligible.get(1).get("value").asText();
		party.submit(nominate,
				Map.of("redFlagOrganizations", List.of(redFlag), "advancedOrganizations", List.of(advanced)));

		// 考核候选: 校团委 has two committee members; 郑悦 claims it, releases it, 丁雪梅
		// takes and completes it, one member rejected, the masses to appraise the list
		Person secretary12 = person("secretary12");
		String assess = secretary12.claimTask(TITLE, "考核候选", null);
		assertThat(committee.myTasks(TITLE, null)).as("claimed by a colleague: not in 我的待办").isEmpty();
		secretary12.unclaim(assess);
		assertThat(committee.claimTask(TITLE, "考核候选", null)).isEqualTo(assess);
		JsonNode assessForm = committee.formVariables(assess);
		Map<String, Object> verdicts = new LinkedHashMap<>();
		String rejected = null;
		List<String> accepted = new ArrayList<>();
		for (int i = 1; i <= assessForm.at("/candidateCount/value").asInt(); i++) {
			String candidate = assessForm.at("/candidate" + i + "/value").asText();
			boolean reject = rejected == null && candidate.contains("优秀共青团员");
			verdicts.put("verdict" + i, reject ? "REJECT" : "ACCEPT");
			verdicts.put("reason" + i, reject ? "事迹不够突出" : "走访座谈，群众认可");
			if (reject) {
				rejected = candidate;
			}
			else {
				accepted.add(candidate);
			}
		}
		assertThat(accepted).hasSize(9);
		verdicts.put("appraiseCandidates", "YES");
		committee.submit(assess, verdicts);
		jobExecutor();

		// 撰写事迹材料 by each nominating branch's secretary
		for (String branch : allBranches()) {
			Person secretary = person("sec" + branch);
			for (JsonNode task : secretary.myTasks(TITLE, null)) {
				assertThat(task.get("name").asText()).isEqualTo("撰写事迹材料");
				String deeds = task.get("id").asText();
				JsonNode form = secretary.formVariables(deeds);
				Map<String, Object> texts = new LinkedHashMap<>();
				for (int i = 1; i <= form.at("/deedsCount/value").asInt(); i++) {
					texts.put("deeds" + i, form.at("/deedsCandidate" + i + "/value").asText()
							+ "在创先争优活动中带头学习提高、带头争创佳绩、带头服务青年，组织志愿服务十二次，服务青年三百余人次，群众评价很好。");
				}
				secretary.submit(deeds, texts);
			}
		}

		// the candidate list's appraisal, organised by 校团委 (whose commendation it is)
		String initiate = secretary12.claimTask(TITLE, "发起群众评议", "共青团南江大学委员会拟表彰对象（候选名单）");
		secretary12.submit(initiate, initiation(4, "COMMITTEE"));
		jobExecutor();
		String ballots = noticeLink(committee, "拟表彰对象（候选名单）的群众评议选票已生成");
		List<String> links = ballotLinks(committee, ballots);
		assertThat(links).hasSize(4);
		for (int i = 0; i < links.size(); i++) {
			String ballot = castAll(links.get(i), i < 3 ? "SATISFIED" : "FAIRLY");
			assertThat(ballot).contains("每一位候选人", "总体评价");
		}
		String results = closeFromBallotsPage(committee, ballots);
		assertThat(committee.follow(results)).contains("<th>候选人</th>", "总体评价");
		jobExecutor();

		// 审核候选名单 by 团市委
		String audit = city.claimTask(TITLE, "审核候选名单", null);
		assertThat(city.formVariables(audit).toString()).contains("满意");
		city.submit(audit, Map.of("auditDecision", "APPROVE"));
		jobExecutor();

		// 公示: the committee finds the public notice on its dashboard and publishes the
		// address; the masses object there, without login
		String dashboard = dashboardOf(committee, TITLE);
		String notice = committee.linkOn(dashboard, "候选公示");
		TestHttp anyone = TestHttp.anonymous(this.port);
		String noticePage = get(anyone, notice);
		assertThat(noticePage).contains("拟表彰对象的公示", "提出异议").doesNotContain(holder(rejected));
		Map<String, String> candidates = new LinkedHashMap<>();
		Matcher option = OPTION.matcher(noticePage);
		while (option.find()) {
			candidates.put(option.group(2).trim(), option.group(1));
		}
		assertThat(candidates).hasSize(9);
		String objected = candidates.keySet().stream().filter((c) -> c.startsWith("优秀共青团员")).findFirst().orElseThrow();
		HttpResponse<String> pseudonymous = anyone.post(notice, TestHttp.form(Map.of("candidate",
				candidates.get(objected), "name", "某同学", "contact", "13800138000", "content", "该同学本学期有课程不及格，请核实。")),
				FORM);
		assertThat(pseudonymous.statusCode()).isEqualTo(400);
		assertThat(pseudonymous.body()).contains("匿名");
		HttpResponse<String> filed = anyone.post(notice, TestHttp.form(Map.of("candidate", candidates.get(objected),
				"name", "王明", "contact", "13800138000", "content", "该同学本学期有课程不及格，请核实。")), FORM);
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
		jobExecutor();

		// 核查异议: the committee finds it true; the candidate is withdrawn
		String verify = committee.claimTask(TITLE, "核查异议", null);
		assertThat(committee.formVariables(verify).at("/objectionContent/value").asText())
			.isEqualTo("该同学本学期有课程不及格，请核实。");
		committee.submit(verify, Map.of("objectionVerdict", "UPHOLD", "objectionFinding", "经核实，该同学有一门课程不及格，取消候选资格"));
		jobExecutor();

		assertThat(get(anyone, notice)).as("the finding on the public notice").contains("经核实，该同学有一门课程不及格，取消候选资格");

		// the notice period ends (time passes), then 印发表彰决定
		fireTimers("Event_NoticePeriodEnded");
		jobExecutor();
		String decide = committee.claimTask(TITLE, "印发表彰决定", null);
		committee.submit(decide, Map.of("decisionNo", "南团字〔2026〕12号", "decidedOn", LocalDate.now().toString()));
		jobExecutor();

		// the decision, public, reached from the dashboard, as page and PDF
		String decisionLink = committee.linkOn(dashboard, "表彰决定");
		String decision = get(anyone, decisionLink);
		assertThat(decision).contains("南团字〔2026〕12号", "五四红旗团组织", "先进团组织");
		String objectedHolder = objected.substring(objected.indexOf(' ') + 1);
		for (String name : accepted) {
			if (holder(name).equals(objectedHolder)) {
				assertThat(decision).as("withdrawn after the objection").doesNotContain(objectedHolder);
			}
			else {
				assertThat(decision).contains(holder(name));
			}
		}
		assertThat(decision).doesNotContain(holder(rejected));
		Matcher pdfLink = HREF.matcher(decision.substring(decision.indexOf("下载 PDF") - 200));
		assertThat(pdfLink.find()).isTrue();
		HttpResponse<byte[]> pdf = anyone.getBytes(pdfLink.group(1));
		this.linksFollowed++;
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text.replaceAll("\\s+", "")).contains("南团字〔2026〕12号", holder(accepted.get(0)))
				.doesNotContain(objectedHolder);
		}

		// every link the committee sees on the dashboard opens for it (records, results,
		// the public pages); every link a 团总支 sees on 群众评议 opens for it
		assertThat(committee.linksOn(dashboard)).contains(notice, decisionLink);
		assertThat(person("gb1201").linksOn("/appraisals")).filteredOn((l) -> l.endsWith("/results"))
			.hasSizeGreaterThanOrEqualTo(3);

		// what the people saw adds up: every task they completed they had found in their
		// lists, and the manager (Cockpit's reader) counts the same by the readable keys:
		// the campaign, its eight branches with their appraisals, its commendation with
		// the candidate list's appraisal; nothing of it waits
		assertThat(this.tasksSeen).containsAll(this.tasksDone);
		Person manager = person("manager");
		String key = "processInstanceBusinessKeyLike=" + URLEncoder.encode("%" + TITLE + "%", StandardCharsets.UTF_8);
		assertThat(count(manager.api.get("/engine-rest/history/process-instance/count?" + key))).isEqualTo(19);
		// (the runtime list's parameter is businessKeyLike; the history's and the tasks'
		// processInstanceBusinessKeyLike)
		String runtimeKey = "businessKeyLike=" + URLEncoder.encode("%" + TITLE + "%", StandardCharsets.UTF_8);
		assertThat(count(manager.api.get("/engine-rest/process-instance/count?" + runtimeKey))).as("running").isZero();
		assertThat(count(manager.api.get("/engine-rest/process-instance/count?businessKeyLike="
				+ URLEncoder.encode("%" + MISTAKE + "%", StandardCharsets.UTF_8))))
			.as("the withdrawn campaign runs no more")
			.isZero();
		assertThat(count(manager.api.get("/engine-rest/task/count?" + key))).as("open tasks").isZero();
		long done = count(manager.api.get("/engine-rest/history/task/count?finished=true&" + key));
		// the withdrawn campaign: 审批实施方案 done by 团市委, and the eight secretaries'
		// 制定支部方案并动员 they saw, which vanished with it
		String mistake = "processInstanceBusinessKeyLike="
				+ URLEncoder.encode("%" + MISTAKE + "%", StandardCharsets.UTF_8);
		assertThat(count(manager.api.get("/engine-rest/history/task/count?finished=true&" + mistake))).isEqualTo(9);
		assertThat(done + 1).isEqualTo(this.tasksDone.size());
		assertThat(this.tasksSeen).hasSize(this.tasksDone.size() + 8);
		assertThat(this.linksFollowed).isPositive();
	}

	// ---- a branch's campaign

	/**
	 * A branch from 制定支部方案并动员 to 推荐优秀团员, each step as its person; returns the recommended
	 * member's League number.
	 */
	private String walkBranch(String branch, Person generalBranch, Person partyBranch, List<String> memberAccounts)
			throws Exception {
		Person secretary = person("sec" + branch);
		String mobilize = secretary.myTask(TITLE, "制定支部方案并动员", null);
		// the organisation the task is about, as Tasklist's list names it
		String branchName = secretary.taskVariable(mobilize, "branchName");
		assertThat(branchName).endsWith("团支部");
		secretary.submit(mobilize, Map.of("branchPlan", "组织学习、开展主题团日、公开承诺", "meetingDate", LocalDate.now().toString(),
				"attendance", memberAccounts.size()));

		String orgPledge = secretary.myTask(TITLE, "制定组织承诺", null);
		JsonNode orgForm = secretary.formVariables(orgPledge);
		Map<String, Object> pledge = new LinkedHashMap<>();
		for (int i = 1; i <= orgForm.at("/itemCount/value").asInt(); i++) {
			pledge.put("commitment" + i, "承诺：" + orgForm.at("/item" + i + "/value").asText());
			pledge.put("measures" + i, "措施：每月一次主题团日");
		}
		secretary.submit(orgPledge, pledge);

		for (String account : memberAccounts) {
			Person member = person(account);
			String sign = member.myTask(TITLE, "签订个人承诺", null);
			JsonNode form = member.formVariables(sign);
			Map<String, Object> own = new LinkedHashMap<>();
			for (int i = 1; i <= form.at("/itemCount/value").asInt(); i++) {
				own.put("pledge" + i, "我承诺" + form.at("/item" + i + "/value").asText());
			}
			if (form.at("/isCadre/value").asBoolean()) {
				own.put("higherStandard", "带头开展志愿服务");
			}
			member.submit(sign, own);
		}
		jobExecutor();

		String review = generalBranch.myTask(TITLE, "审核承诺", branchName);
		generalBranch.submit(review, Map.of("pledgeDecision", "approve"));
		jobExecutor();

		// the fulfilment period ends (time passes)
		fireTimers("Event_FulfilmentPeriodEnded");
		jobExecutor();
		String evaluate = secretary.myTask(TITLE, "评诺", null);
		List<String> all = new ArrayList<>();
		json.readTree(secretary.formVariables(evaluate).at("/memberOptions/value").asText())
			.forEach((o) -> all.add(o.get("value").asText()));
		assertThat(all).hasSize(memberAccounts.size());
		secretary.submit(evaluate, Map.of("fulfilled", all));

		String report = secretary.myTask(TITLE, "汇报工作", null);
		Map<String, Object> reportValues = new LinkedHashMap<>();
		for (int i = 1; i <= secretary.formVariables(report).at("/itemCount/value").asInt(); i++) {
			reportValues.put("results" + i, "开展主题团日四次，成效明显");
			reportValues.put("problems" + i, "覆盖面还可扩大");
			reportValues.put("nextSteps" + i, "继续深化");
		}
		secretary.submit(report, reportValues);
		jobExecutor();

		leaderReview(generalBranch, generalBranch.myTask(TITLE, "团委点评", branchName));
		leaderReview(partyBranch, partyBranch.myTask(TITLE, "党组织点评", branchName));
		jobExecutor();

		// 群众评议: the 团总支 issues the ballots, its notice leads to them
		String initiate = generalBranch.myTask(TITLE, "发起群众评议", branchName);
		generalBranch.submit(initiate, initiation(3, "BRANCH"));
		jobExecutor();
		String ballots = noticeLink(generalBranch, branchName + "的群众评议选票已生成");
		List<String> links = ballotLinks(generalBranch, ballots);
		assertThat(links).hasSize(3);
		for (String link : links) {
			castAll(link, "SATISFIED");
		}
		String results = closeFromBallotsPage(generalBranch, ballots);
		assertThat(generalBranch.follow(results)).contains("等次：<strong>好</strong>");
		jobExecutor();
		// the secretary reads the branch's results from its record
		Matcher record = Pattern.compile("href=\"(/campaigns/[0-9a-f-]{36}/branches/[A-Za-z0-9]+/record)\"")
			.matcher(secretary.rowOn("/campaigns", TITLE));
		assertThat(record.find()).as("the branch's record on 活动进展").isTrue();
		assertThat(secretary.linksOn(record.group(1))).contains(results);

		// 推荐优秀团员: everybody present, the first member elected unanimously
		String recommend = secretary.myTask(TITLE, "推荐优秀团员", null);
		JsonNode options = json.readTree(secretary.formVariables(recommend).at("/memberOptions/value").asText());
		String first = options.get(0).get("value").asText();
		long entitled = options.size();
		// appraised 优秀 this year, as an 优秀团员 candidate must be
		org.cyl.excellence.memberappraisal.MemberAppraisalTestSupport.approvedGrades(this.support.jdbc, branch,
				Map.of(first, "优秀"));
		secretary.submit(recommend, Map.of("meetingDate", LocalDate.now().toString(), "entitled", entitled, "present",
				entitled, "candidate1", first, "votes1", entitled));
		jobExecutor();
		assertThat(secretary.myTasks(TITLE, null)).as(branch + " done").isEmpty();
		return first;
	}

	/** The name in a candidate's description on 考核候选: {@code 称号：名称（依据）}. */
	private static String holder(String candidate) {
		String name = candidate.substring(candidate.indexOf('：') + 1);
		return name.substring(0, name.indexOf('（'));
	}

	private static void leaderReview(Person reviewer, String task) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 1; i <= reviewer.formVariables(task).at("/itemCount/value").asInt(); i++) {
			values.put("reviewRating" + i, "GOOD");
		}
		values.put("reviewAffirmed", "组织建设扎实");
		values.put("reviewProblems", "覆盖面还可扩大");
		values.put("reviewDirection", "继续努力");
		values.put("reviewVerdict", "PASS");
		reviewer.submit(task, values);
	}

	private static Map<String, Object> initiation(int ballots, String scope) {
		return Map.of("ballotCount", ballots, "opensAt", LocalDate.now().toString(), "closesAt",
				LocalDate.now().plusDays(7).toString(), "publishScope", scope);
	}

	// ---- the campaign's committee

	private String startCampaign(Person committee, String title) {
		JsonNode definitions = committee
			.json("/engine-rest/process-definition?key=CampaignProcess&latestVersion=true&startableInTasklist=true");
		assertThat(definitions).hasSize(1);
		String definition = definitions.get(0).get("id").asText();
		JsonNode startForm = committee.json("/engine-rest/process-definition/" + definition + "/form-variables");
		assertThat(startForm.isObject()).isTrue();
		LocalDate today = LocalDate.now();
		Map<String, Object> plan = new PlanForm(title, "扩大组织覆盖、增强组织活力，增强团员意识、发挥带头作用", "FOUR")
			.stages(today, today.plusDays(10), today.plusDays(100), today.plusDays(200))
			.pledgeWindowDays(14)
			.round(1, "牢记宗旨为民服务", today.plusDays(60))
			.reviewDate(today.plusDays(150))
			.quotas(3, 30, 2)
			.values();
		HttpResponse<String> started = committee.api
			.postJson("/engine-rest/process-definition/" + definition + "/submit-form", variables(plan).toString());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		return read(started.body()).get("id").asText();
	}

	/** The campaign's dashboard, linked from its title on 活动进展. */
	private String dashboardOf(Person person, String title) {
		String row = person.rowOn("/campaigns", title);
		Matcher m = Pattern.compile("href=\"(/campaigns/[0-9a-f-]{36}/dashboard)\"").matcher(row);
		assertThat(m.find()).as(title + " on /campaigns").isTrue();
		return m.group(1);
	}

	/**
	 * 撤销活动 from 活动进展: the confirmation page and its form; returns where it leads (the
	 * campaign's dashboard).
	 */
	private String withdraw(Person committee, String title, String reason) {
		String row = committee.rowOn("/campaigns", title);
		Matcher m = Pattern.compile("href=\"(/campaigns/([0-9a-f-]{36})/withdraw)\"").matcher(row);
		assertThat(m.find()).as("撤销活动 on /campaigns").isTrue();
		String page = m.group(1);
		assertThat(committee.follow(page)).contains("撤销理由", "确认撤销");
		HttpResponse<String> done = committee.browser()
			.post(page, TestHttp.form(Map.of("reason", reason, "_csrf", committee.browser().csrfToken(page))), FORM);
		assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
		String dashboard = done.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		assertThat(dashboard).isEqualTo("/campaigns/" + m.group(2) + "/dashboard");
		return dashboard;
	}

	// ---- appraisal tools, reached by links

	/** The link of the newest notice saying {@code text}, followed from 我的通知. */
	private String noticeLink(Person organiser, String text) {
		JsonNode notice = null;
		for (JsonNode n : organiser.notices()) {
			if (n.get("text").asText().contains(text)) {
				notice = n;
				break;
			}
		}
		assertThat(notice).as("notice: " + text).isNotNull();
		String link = notice.get("link").asText();
		// 我的通知 links each notice to /notices/{id}/open, which marks it read and leads on
		String open = "/notices/" + notice.get("id").asText() + "/open";
		assertThat(organiser.linksOn("/notices")).contains(open);
		HttpResponse<String> opened = organiser.browser().get(open);
		assertThat(opened.statusCode()).as(open).isEqualTo(302);
		assertThat(opened.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
			.isEqualTo(link);
		return link;
	}

	/** The CSV linked from the ballots page, and the ballot links in it. */
	private List<String> ballotLinks(Person organiser, String ballotsPage) {
		String csv = organiser.linksOn(ballotsPage)
			.stream()
			.filter((l) -> l.endsWith("ballots.csv"))
			.findFirst()
			.orElseThrow();
		List<String> links = new ArrayList<>();
		Matcher m = BALLOT_LINK.matcher(organiser.follow(csv));
		while (m.find()) {
			links.add(m.group(1));
		}
		return links;
	}

	/** 结束评议 on the ballots page; returns where it leads (the results). */
	private String closeFromBallotsPage(Person organiser, String ballotsPage) {
		String page = organiser.follow(ballotsPage);
		Matcher m = Pattern.compile("action=\"(/appraisals/[^\"]+/close)\"").matcher(page);
		assertThat(m.find()).as("结束评议 on the ballots page").isTrue();
		HttpResponse<String> closed = organiser.browser()
			.post(m.group(1), TestHttp.form(Map.of("_csrf", organiser.browser().csrfToken(ballotsPage))), FORM);
		assertThat(closed.statusCode()).isEqualTo(302);
		return closed.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	/** Answers every item of the ballot, anonymously; returns the ballot's page. */
	private String castAll(String link, String answer) {
		TestHttp anyone = TestHttp.anonymous(this.port);
		String form = get(anyone, link);
		int items = (int) Pattern.compile("<legend>").matcher(form).results().count();
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < items; i++) {
			values.put("item" + i, answer);
		}
		HttpResponse<String> cast = anyone.post(link, TestHttp.form(values), FORM);
		assertThat(cast.statusCode()).as(cast.body()).isEqualTo(200);
		return form;
	}

	private String get(TestHttp who, String link) {
		HttpResponse<String> response = who.get(link);
		assertThat(response.statusCode()).as(link).isEqualTo(200);
		this.linksFollowed++;
		return response.body();
	}

	// ---- the machine's part: the job executor and the clock

	/**
	 * The job executor (off in tests): runs the due jobs of this walk's processes (those
	 * whose key, or whose caller's key, names one of the walk's campaigns).
	 */
	private void jobExecutor() {
		for (int i = 0; i < 10_000; i++) {
			List<Job> due = this.support.managementService.createJobQuery()
				.executable()
				.list()
				.stream()
				.filter((j) -> !(j instanceof org.camunda.bpm.engine.impl.persistence.entity.TimerEntity))
				.filter((j) -> ours(j.getProcessInstanceId()))
				.toList();
			if (due.isEmpty()) {
				return;
			}
			this.support.managementService.executeJob(due.get(0).getId());
		}
		throw new AssertionError("jobs keep coming");
	}

	private Set<String> batchIds() {
		Set<String> ids = new java.util.HashSet<>();
		this.support.managementService.createBatchQuery().list().forEach((b) -> ids.add(b.getId()));
		return ids;
	}

	/**
	 * The job executor's part in the batches started since {@code before} (the engine
	 * ending a withdrawn campaign's branches): their seed, execution and monitor jobs,
	 * until the batches are done.
	 */
	private void runNewBatches(Set<String> before) {
		for (int i = 0; i < 1000; i++) {
			List<org.camunda.bpm.engine.batch.Batch> batches = this.support.managementService.createBatchQuery()
				.list()
				.stream()
				.filter((b) -> !before.contains(b.getId()))
				.toList();
			if (batches.isEmpty()) {
				return;
			}
			for (org.camunda.bpm.engine.batch.Batch batch : batches) {
				for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
						batch.getMonitorJobDefinitionId())) {
					this.support.managementService.createJobQuery()
						.jobDefinitionId(definition)
						.list()
						.forEach((job) -> this.support.managementService.executeJob(job.getId()));
				}
			}
		}
		throw new AssertionError("batches keep coming");
	}

	/** Time passes: the timers at {@code activityId} of this walk's processes fire. */
	private void fireTimers(String activityId) {
		this.support.managementService.createJobQuery()
			.timers()
			.activityId(activityId)
			.list()
			.stream()
			.filter((j) -> ours(j.getProcessInstanceId()))
			.forEach((j) -> this.support.managementService.executeJob(j.getId()));
	}

	private final Map<String, Boolean> ours = new HashMap<>();

	private boolean ours(String processInstanceId) {
		return this.ours.computeIfAbsent(processInstanceId, this::callerNamesOurCampaign);
	}

	private boolean callerNamesOurCampaign(String processInstanceId) {
		String id = processInstanceId;
		while (id != null) {
			ProcessInstance instance = this.support.runtimeService.createProcessInstanceQuery()
				.processInstanceId(id)
				.singleResult();
			if (instance == null) {
				return false;
			}
			String key = instance.getBusinessKey();
			if (key != null) {
				return key.contains(TITLE) || key.contains(MISTAKE);
			}
			ProcessInstance caller = this.support.runtimeService.createProcessInstanceQuery()
				.subProcessInstanceId(id)
				.singleResult();
			id = (caller != null) ? caller.getId() : null;
		}
		return false;
	}

	// ---- the demo organisation, under codes of its own

	private static String code(String code) {
		return code.isEmpty() ? code : "W" + code;
	}

	private void importDemoOrganisation() {
		List<String[]> orgs = csv("organizations");
		StringBuilder o = new StringBuilder("code,name,type,parent_code,party_org_code\n");
		for (String[] r : orgs) {
			o.append(String.join(",", code(r[0]), r[1], r[2], code(r[3]), code(r.length > 4 ? r[4] : ""))).append('\n');
		}
		StringBuilder m = new StringBuilder("league_no,name,org_code,cadre,username\n");
		for (String[] r : csv("members")) {
			m.append(String.join(",", "W" + r[0], r[1], code(r[2]), r[3],
					r.length > 4 && !r[4].isEmpty() ? "w" + r[4] : ""))
				.append('\n');
		}
		StringBuilder roles = new StringBuilder("username,name,org_code,role,email\n");
		for (String[] r : csv("roles")) {
			if (r[0].equals("admin")) {
				continue; // no administrator takes part
			}
			roles.append(String.join(",", "w" + r[0], r[1], code(r[2]), r[3], "")).append('\n');
		}
		this.support.organizationImport.importCsv(Map.of(OrganizationImport.ORGANIZATIONS, utf8(o),
				OrganizationImport.MEMBERS, utf8(m), OrganizationImport.ROLES, utf8(roles)));
	}

	/** The accounts of each demo branch's members (the secretary first). */
	private static Map<String, List<String>> demoMembers() {
		Map<String, List<String>> members = new TreeMap<>();
		for (String[] r : csv("members")) {
			if (r.length > 4 && !r[4].isEmpty()) {
				members.computeIfAbsent(r[2], (k) -> new ArrayList<>()).add(r[4]);
			}
		}
		return members;
	}

	private static List<String> allBranches() {
		return BRANCHES.values().stream().flatMap(List::stream).toList();
	}

	private static List<String[]> csv(String name) {
		try (InputStream in = new ClassPathResource("demo/" + name + ".csv").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.skip(1)
				.filter((l) -> !l.isBlank())
				.map((l) -> l.split(",", -1))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] utf8(StringBuilder sb) {
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}

	// ---- people

	/** A demo person (their account in this walk's copy of the demo organisation). */
	private Person person(String demoAccount) {
		return this.people.computeIfAbsent("w" + demoAccount, Person::new);
	}

	private static ObjectNode variables(Map<String, Object> values) {
		ObjectNode body = json.createObjectNode();
		ObjectNode vars = body.putObject("variables");
		values.forEach((k, v) -> {
			if (v instanceof List<?> ticked) {
				// a checklist, as Tasklist submits it
				vars.putObject(k).put("value", json.valueToTree(ticked).toString()).put("type", "Json");
			}
			else {
				vars.putObject(k).set("value", json.valueToTree(v));
			}
		});
		return body;
	}

	private static JsonNode read(String body) {
		try {
			return json.readTree(body);
		}
		catch (IOException ex) {
			throw new AssertionError("not JSON: " + body, ex);
		}
	}

	private static long count(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return read(response.body()).get("count").asLong();
	}

	/**
	 * One person: the engine's REST API with their own credentials, the pages in their
	 * own session. An administrator cannot be one.
	 */
	private final class Person {

		final String user;

		final TestHttp api;

		private TestHttp browser;

		Person(String user) {
			assertThat(user).as("never as admin").isNotIn("admin", "wadmin");
			assertThat(WholeCampaignWalkTests.this.support.identityService.createUserQuery()
				.userId(user)
				.memberOfGroup("camunda-admin")
				.count()).as(user + " is no administrator").isZero();
			this.user = user;
			this.api = TestHttp.basic(WholeCampaignWalkTests.this.port, user, "demo");
		}

		TestHttp browser() {
			if (this.browser == null) {
				this.browser = TestHttp.login(WholeCampaignWalkTests.this.port, this.user, "demo");
			}
			return this.browser;
		}

		JsonNode json(String path) {
			HttpResponse<String> response = this.api.get(path);
			assertThat(response.statusCode()).as(this.user + " " + path + ": " + response.body()).isEqualTo(200);
			return read(response.body());
		}

		/**
		 * 我的待办, narrowed to the campaign (and the organisation named on the task) as
		 * Tasklist's search does.
		 */
		List<JsonNode> myTasks(String campaignTitle, String branchName) {
			if (WholeCampaignWalkTests.this.mineFilter == null) {
				JsonNode filters = json(
						"/engine-rest/filter?name=" + URLEncoder.encode("我的待办", StandardCharsets.UTF_8));
				assertThat(filters).hasSize(1);
				WholeCampaignWalkTests.this.mineFilter = filters.get(0).get("id").asText();
			}
			ObjectNode search = WholeCampaignWalkTests.json.createObjectNode();
			ArrayNode conditions = search.putArray("taskVariables");
			conditions.addObject().put("name", "campaignTitle").put("operator", "eq").put("value", campaignTitle);
			if (branchName != null) {
				conditions.addObject().put("name", "branchName").put("operator", "eq").put("value", branchName);
			}
			HttpResponse<String> response = this.api
				.postJson("/engine-rest/filter/" + WholeCampaignWalkTests.this.mineFilter + "/list", search.toString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			List<JsonNode> tasks = new ArrayList<>();
			read(response.body()).forEach(tasks::add);
			tasks.forEach((t) -> WholeCampaignWalkTests.this.tasksSeen.add(t.get("id").asText()));
			return tasks;
		}

		/** The one task of that name in 我的待办 (already theirs or offered to them). */
		String myTask(String campaignTitle, String name, String branchName) {
			List<JsonNode> tasks = myTasks(campaignTitle, branchName).stream()
				.filter((t) -> t.get("name").asText().equals(name))
				.toList();
			assertThat(tasks).as(this.user + " 我的待办: " + name + " " + (branchName != null ? branchName : ""))
				.hasSize(1);
			return tasks.get(0).get("id").asText();
		}

		/** Finds the task in 我的待办 and claims it (认领) unless it is already theirs. */
		String claimTask(String campaignTitle, String name, String branchName) {
			String task = myTask(campaignTitle, name, branchName);
			JsonNode detail = json("/engine-rest/task/" + task);
			if (!this.user.equals(detail.path("assignee").asText(null))) {
				HttpResponse<String> claimed = this.api.postJson("/engine-rest/task/" + task + "/claim",
						"{\"userId\":\"" + this.user + "\"}");
				assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
			}
			return task;
		}

		void unclaim(String task) {
			HttpResponse<String> released = this.api.postJson("/engine-rest/task/" + task + "/unclaim", "");
			assertThat(released.statusCode()).as(released.body()).isEqualTo(204);
		}

		JsonNode formVariables(String task) {
			return json("/engine-rest/task/" + task + "/form-variables?deserializeValues=false");
		}

		String taskVariable(String task, String name) {
			return formVariables(task).at("/" + name + "/value").asText(null);
		}

		void submit(String task, Map<String, Object> values) {
			HttpResponse<String> response = this.api.postJson("/engine-rest/task/" + task + "/submit-form",
					variables(values).toString());
			assertThat(response.statusCode()).as(this.user + ": " + response.body()).isEqualTo(204);
			WholeCampaignWalkTests.this.tasksDone.add(task);
		}

		List<JsonNode> notices() {
			List<JsonNode> notices = new ArrayList<>();
			json("/api/notices").forEach(notices::add);
			return notices;
		}

		/** A page of the application in the person's session, which must answer 200. */
		String follow(String link) {
			return get(browser(), link);
		}

		/**
		 * The application's links on a page (the header's aside), each followed: each
		 * answers 200 for the person.
		 */
		Set<String> linksOn(String page) {
			String body = follow(page);
			Set<String> links = new LinkedHashSet<>();
			Matcher m = HREF.matcher(body);
			while (m.find()) {
				String link = m.group(1).replace("&amp;", "&");
				if (link.startsWith("/appraisals") || link.startsWith("/api/") || link.startsWith("/campaigns/")
						|| link.startsWith("/public/") || link.startsWith("/notices/")) {
					links.add(link);
				}
			}
			for (String link : links) {
				// a notice's /notices/{id}/open leads on with a redirect (noticeLink
				// follows it)
				if (!link.startsWith("/notices/")) {
					follow(link);
				}
			}
			return links;
		}

		/** The link labelled {@code label} on the page, followed. */
		String linkOn(String page, String label) {
			String body = follow(page);
			Matcher m = Pattern.compile("href=\"([^\"]+)\"[^>]*>" + Pattern.quote(label) + "</a>").matcher(body);
			assertThat(m.find()).as(label + " on " + page).isTrue();
			String link = m.group(1).replace("&amp;", "&");
			follow(link);
			return link;
		}

		/** The table row of the page that names {@code text}. */
		String rowOn(String page, String text) {
			String body = follow(page);
			for (String row : body.split("<tr")) {
				if (row.contains(text)) {
					return row;
				}
			}
			throw new AssertionError(text + " not on " + page + " for " + this.user);
		}

	}

}
