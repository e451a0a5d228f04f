package org.cyl.excellence.appraisal;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.RestTasks;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An appraisal's tools (选票, CSV, 结束评议) and results are reached from where the work is —
 * the notice the organisers get, 群众评议 ({@code /appraisals}), the campaign pages and the
 * branch's record — by the people who may use them, over HTTP as those people; every link
 * these pages show answers 200 for the person who sees it, and the others are refused.
 */
@ApplicationTest
class AppraisalLinksTests {

	private static final ObjectMapper json = new ObjectMapper();

	private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

	private static final Pattern BALLOTS = Pattern.compile("/appraisals/([0-9a-f-]{36})/ballots");

	private static final Pattern BALLOT_LINK = Pattern.compile("https?://[^/\\s,\"]+(/ballot/[A-Za-z0-9_-]+)");

	@Autowired
	CampaignTestSupport support;

	@LocalServerPort
	int port;

	@Test
	void theGeneralBranchThatOrganisesABranchsAppraisalFindsItsToolsWithoutTypingAnAddress() {
		String p = "AL" + System.nanoTime() % 100000;
		String q = "AQ" + System.nanoTime() % 100000;
		this.support.organization(p, 1);
		this.support.organization(q, 1);
		ProcessInstance campaign = this.support.startCampaign(p + "c", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		String campaignId = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		String branchPid = this.support.branchInstance(campaignId, p + "B1");
		this.support.toReview(branchPid);
		this.support.review(branchPid, "PASS", "PASS");

		// the 团总支 finds 发起群众评议 in its task list and completes it
		TestHttp generalBranch = TestHttp.basic(this.port, p + "g", "demo");
		JsonNode tasks = read(generalBranch.get("/engine-rest/task?taskDefinitionKey=Task_InitiateAppraisal").body());
		assertThat(tasks).hasSize(1);
		RestTasks.submit(generalBranch, tasks.get(0).get("id").asText(), initiation(3, "BRANCH"));

		// its notice leads to the ballots
		TestHttp organiser = TestHttp.login(this.port, p + "g", "demo");
		String notices = organiser.get("/notices").body();
		assertThat(notices).contains("测试支部1的群众评议选票已生成（3 张", "前往办理");
		Matcher found = BALLOTS.matcher(String.join(" ", noticeDestinations(organiser)));
		assertThat(found.find()).isTrue();
		String id = found.group(1);
		String ballots = "/appraisals/" + id + "/ballots";
		String csv = "/api/appraisals/" + id + "/ballots.csv";
		String results = "/appraisals/" + id + "/results";
		String close = "/appraisals/" + id + "/close";
		assertThat(noticeDestinations(organiser)).contains(ballots);
		JsonNode apiNotices = read(organiser.get("/api/notices").body());
		assertThat(apiNotices.get(0).get("link").asText()).isEqualTo(ballots);

		// and so do 群众评议, the campaigns (although the campaign's dashboard is not its
		// own)
		// and the branch's record; every link there opens
		assertThat(linksOn(organiser, "/appraisals")).contains(ballots, csv, results);
		assertThat(organiser.get("/appraisals").body()).contains("action=\"" + close + "\"", "测试支部1", "评议中");
		assertThat(linksOn(organiser, "/campaigns")).contains(ballots, csv, results, "/appraisals");
		assertThat(organiser.get("/campaigns/" + campaignId + "/dashboard").statusCode()).isEqualTo(403);
		String record = "/campaigns/" + campaignId + "/branches/" + p + "B1/record";
		assertThat(linksOn(organiser, record)).contains(ballots, csv, results);
		assertThat(linksOn(organiser, ballots)).contains(csv, results);
		assertThat(linksOn(organiser, "/appraisals?campaign=" + campaignId)).contains(ballots);
		assertThat(linksOn(organiser, results)).contains(ballots);

		// the committee above reads the results from its dashboard and campaigns, but
		// prints
		// no ballots
		TestHttp committee = TestHttp.login(this.port, p + "c", "demo");
		assertThat(linksOn(committee, "/campaigns/" + campaignId + "/dashboard")).contains(results)
			.doesNotContain(ballots);
		assertThat(linksOn(committee, "/appraisals?campaign=" + campaignId)).contains(results).doesNotContain(ballots);
		assertThat(linksOn(committee, "/campaigns")).contains("/appraisals?campaign=" + campaignId);
		assertThat(committee.get(ballots).statusCode()).isEqualTo(403);

		// a member of the branch reads its results (published to the branch), nothing
		// more
		TestHttp member = TestHttp.login(this.port, p + "m12", "demo");
		assertThat(linksOn(member, record)).contains(results).doesNotContain(ballots, csv);
		assertThat(linksOn(member, "/appraisals")).contains(results).doesNotContain(ballots);
		assertThat(member.get("/notices").body()).doesNotContain(id);
		refusedTools(member, id);

		// another college's 团总支: nothing
		TestHttp other = TestHttp.login(this.port, q + "g", "demo");
		assertThat(other.get("/appraisals").body()).doesNotContain(id);
		assertThat(other.get("/campaigns").body()).doesNotContain(id);
		assertThat(other.get("/notices").body()).doesNotContain(id);
		assertThat(other.get(results).statusCode()).isEqualTo(403);
		assertThat(other.get(record).statusCode()).isEqualTo(403);
		assertThat(other.get("/appraisals?campaign=" + campaignId).statusCode()).isEqualTo(403);
		refusedTools(other, id);
		assertThat(organiser.get("/appraisals/nope/ballots").statusCode()).isEqualTo(404);
		assertThat(organiser.get("/appraisals?campaign=nope").statusCode()).isEqualTo(404);

		// the masses answer through the printed links; the 团总支 closes from the ballots
		// page
		List<String> links = ballotLinks(organiser.get(csv).body());
		assertThat(links).hasSize(3);
		for (String link : links) {
			castAll(link, "SATISFIED");
		}
		HttpResponse<String> closed = organiser.post(close,
				TestHttp.form(Map.of("_csrf", organiser.csrfToken(ballots))), "application/x-www-form-urlencoded");
		assertThat(closed.statusCode()).isEqualTo(302);
		assertThat(closed.headers().firstValue("Location").orElse("")).endsWith(results);
		String page = organiser.get(results).body();
		assertThat(page).contains("测试支部1 群众评议结果", "等次：<strong>好</strong>", "评议项目", "总体评价");
		assertThat(organiser.get("/appraisals").body()).contains("已结束", "评议结果（好）")
			.doesNotContain("action=\"" + close + "\"");
		assertThat(linksOn(member, "/appraisals")).contains(results);
	}

	@Test
	void theCommitteeWhoseCommendationItIsOrganisesTheCandidateListsAppraisalAndEachCandidateIsRated() {
		String p = "AC" + System.nanoTime() % 100000;
		this.support.organization(p, 1);
		ProcessInstance campaign = this.support.startCampaign(p + "c", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		String campaignId = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		this.support.finishBranch(this.support.branchInstance(campaignId, p + "B1"));
		String commendation = this.support.commendationInstance(campaign.getId());
		this.support.nominate(commendation, List.of(p + "B1"), List.of());
		this.support.assess(commendation, (c) -> "ACCEPT", true);
		this.support.writeDeeds(commendation);

		// the committee (not the 团总支, not the city committee) finds 发起群众评议
		TestHttp committeeApi = TestHttp.basic(this.port, p + "c", "demo");
		JsonNode tasks = read(committeeApi
			.get("/engine-rest/task?taskDefinitionKey=Task_InitiateAppraisal&processInstanceBusinessKeyLike="
					+ java.net.URLEncoder
						.encode("%" + org.cyl.excellence.campaign.BusinessKeys.campaignSuffix(campaignId),
								java.nio.charset.StandardCharsets.UTF_8))
			.body());
		assertThat(tasks).hasSize(1);
		assertThat(read(TestHttp.basic(this.port, p + "h", "demo")
			.get("/engine-rest/task?taskDefinitionKey=Task_InitiateAppraisal&processInstanceBusinessKeyLike="
					+ java.net.URLEncoder.encode(
							"%" + org.cyl.excellence.campaign.BusinessKeys.campaignSuffix(campaignId),
							java.nio.charset.StandardCharsets.UTF_8))
			.body())).isEmpty();
		RestTasks.submit(committeeApi, tasks.get(0).get("id").asText(), initiation(2, "BRANCH"));

		TestHttp committee = TestHttp.login(this.port, p + "c", "demo");
		String notices = committee.get("/notices").body();
		assertThat(notices).contains("测试团委" + p + "拟表彰对象（候选名单）的群众评议选票已生成（2 张");
		Matcher found = BALLOTS.matcher(String.join(" ", noticeDestinations(committee)));
		assertThat(found.find()).isTrue();
		String id = found.group(1);
		String ballots = "/appraisals/" + id + "/ballots";
		String csv = "/api/appraisals/" + id + "/ballots.csv";
		String results = "/appraisals/" + id + "/results";
		assertThat(noticeDestinations(committee)).contains(ballots);
		assertThat(linksOn(committee, "/appraisals")).contains(ballots, csv, results);
		assertThat(linksOn(committee, "/campaigns/" + campaignId + "/dashboard")).contains(ballots, csv, results);
		assertThat(committee.get(ballots).body()).contains("测试团委" + p + "拟表彰对象（候选名单） 群众评议选票");

		// the ballot rates each candidate, then the list as a whole
		List<String> links = ballotLinks(committee.get(csv).body());
		assertThat(links).hasSize(2);
		String ballot = TestHttp.anonymous(this.port).get(links.get(0)).body();
		assertThat(ballot)
			.contains("拟表彰对象（候选名单）", "每一位候选人", "<legend>五四红旗团组织 测试支部1</legend>", "<legend>优秀共青团员 团员11</legend>",
					"<legend>总体评价</legend>")
			.doesNotContain("开展创先争优活动的情况");
		castAll(links.get(0), "SATISFIED");
		castAll(links.get(1), "DISSATISFIED");
		assertThat(TestHttp.anonymous(this.port).get(links.get(0)).statusCode()).as("single use").isEqualTo(409);

		// the city committee reads the results but is not the organiser; the 团总支 and a
		// member of a branch neither
		TestHttp city = TestHttp.login(this.port, p + "h", "demo");
		refusedTools(city, id);
		assertThat(city.get(results).statusCode()).isEqualTo(200);
		assertThat(linksOn(city, "/appraisals")).contains(results).doesNotContain(ballots);
		for (String outsider : new String[] { p + "g", p + "m12" }) {
			TestHttp person = TestHttp.login(this.port, outsider, "demo");
			refusedTools(person, id);
			assertThat(person.get(results).statusCode()).as(outsider).isEqualTo(403);
			assertThat(person.get("/appraisals").body()).as(outsider).doesNotContain(id);
		}

		HttpResponse<String> closed = committeeApi.post("/api/appraisals/" + id + "/close", "", "application/json");
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		String page = committee.get(results).body();
		assertThat(page).contains("<th>候选人</th>", "五四红旗团组织 测试支部1", "优秀共青团员 团员11", "总体评价");
		assertThat(page.replaceAll("\\s+", "")).contains("<td>优秀共青团员团员11</td><td>1</td><td>0</td><td>0</td><td>1</td>");
	}

	/**
	 * 校团委's own candidate list (as its CommendationProcess calls the appraisal):
	 * committee12 and secretary12 print, download and close; city1 reads the results
	 * only.
	 */
	@Test
	void committee12AndSecretary12OrganiseTheirCommitteesCandidateList() {
		for (String organiser : new String[] { "committee12", "secretary12" }) {
			ProcessInstance appraisal = candidateListOf12();
			TestHttp api = TestHttp.basic(this.port, organiser, "demo");
			String task = read(api.get("/engine-rest/task?processInstanceId=" + appraisal.getId()).body()).get(0)
				.get("id")
				.asText();
			RestTasks.submit(api, task, initiation(2, "COMMITTEE"));
			String id = (String) this.support.runtimeService.getVariable(appraisal.getId(), "appraisalId");
			TestHttp browser = TestHttp.login(this.port, organiser, "demo");
			assertThat(noticeDestinations(browser)).as(organiser).contains("/appraisals/" + id + "/ballots");
			assertThat(browser.get("/appraisals/" + id + "/ballots").statusCode()).isEqualTo(200);
			assertThat(browser.get("/api/appraisals/" + id + "/ballots.csv").statusCode()).isEqualTo(200);
			TestHttp city = TestHttp.login(this.port, "city1", "demo");
			refusedTools(city, id);
			assertThat(city.get("/appraisals/" + id + "/results").statusCode()).isEqualTo(200);
			refusedTools(TestHttp.login(this.port, "gb1201", "demo"), id);
			HttpResponse<String> closed = api.post("/api/appraisals/" + id + "/close", "", "application/json");
			assertThat(closed.statusCode()).as(organiser + " " + closed.body()).isEqualTo(200);
			assertThat(browser.get("/appraisals/" + id + "/results").body()).contains("<th>候选人</th>", "候选人甲");
		}
	}

	private ProcessInstance candidateListOf12() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("orgCode", "12");
		variables.put("appraisalCommitteeGroup", "org12committee");
		variables.put("secretaryGroup", "org12committee");
		variables.put("appraisalSubjects", List.of("优秀共青团员 候选人甲", "优秀共青团员 候选人乙"));
		variables.put("appraisalDue", java.util.Date.from(java.time.Instant.now().plusSeconds(86400)));
		return this.support.runtimeService.startProcessInstanceByKey("MassAppraisalProcess", variables);
	}

	private static Map<String, Object> initiation(int ballots, String scope) {
		return Map.of("ballotCount", (long) ballots, "opensAt", LocalDate.now().toString(), "closesAt",
				LocalDate.now().plusDays(7).toString(), "publishScope", scope);
	}

	/** The ballots page, the CSV and closing: refused (403) for this person. */
	private static void refusedTools(TestHttp person, String id) {
		assertThat(person.get("/appraisals/" + id + "/ballots").statusCode()).isEqualTo(403);
		assertThat(person.get("/api/appraisals/" + id + "/ballots.csv").statusCode()).isEqualTo(403);
		String token = person.csrfToken("/login");
		assertThat(person
			.post("/appraisals/" + id + "/close", TestHttp.form(Map.of("_csrf", token)),
					"application/x-www-form-urlencoded")
			.statusCode()).isEqualTo(403);
	}

	/**
	 * The application's links on the page (not the header's), each of which must answer
	 * 200 for the person.
	 */
	/**
	 * Where the notices on 我的通知 lead: each links to {@code /notices/{id}/open}, which
	 * marks it read and redirects to the page of its work.
	 */
	private static Set<String> noticeDestinations(TestHttp person) {
		Set<String> destinations = new LinkedHashSet<>();
		Matcher m = Pattern.compile("href=\"(/notices/[0-9]+/open)\"").matcher(person.get("/notices").body());
		while (m.find()) {
			HttpResponse<String> open = person.get(m.group(1));
			assertThat(open.statusCode()).isEqualTo(302);
			String location = open.headers().firstValue("Location").orElseThrow();
			destinations.add(location.replaceFirst("^https?://[^/]+", ""));
		}
		return destinations;
	}

	private static Set<String> linksOn(TestHttp person, String page) {
		HttpResponse<String> response = person.get(page);
		assertThat(response.statusCode()).as(page).isEqualTo(200);
		Set<String> links = new LinkedHashSet<>();
		Matcher m = HREF.matcher(response.body());
		while (m.find()) {
			String link = m.group(1).replace("&amp;", "&");
			if (link.startsWith("/appraisals") || link.startsWith("/api/appraisals")
					|| link.startsWith("/campaigns/")) {
				links.add(link);
			}
		}
		for (String link : links) {
			assertThat(person.get(link).statusCode()).as(link + " on " + page).isEqualTo(200);
		}
		return links;
	}

	private static List<String> ballotLinks(String csv) {
		List<String> links = new ArrayList<>();
		Matcher m = BALLOT_LINK.matcher(csv);
		while (m.find()) {
			links.add(m.group(1));
		}
		return links;
	}

	/** Answers every item of the ballot with the same answer, anonymously. */
	private void castAll(String link, String answer) {
		TestHttp anyone = TestHttp.anonymous(this.port);
		String form = anyone.get(link).body();
		int items = (int) Pattern.compile("<legend>").matcher(form).results().count();
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < items; i++) {
			values.put("item" + i, answer);
		}
		HttpResponse<String> cast = anyone.post(link, TestHttp.form(values), "application/x-www-form-urlencoded");
		assertThat(cast.statusCode()).as(cast.body()).isEqualTo(200);
	}

	private static JsonNode read(String body) {
		try {
			return json.readTree(body);
		}
		catch (Exception ex) {
			throw new AssertionError("not JSON: " + body, ex);
		}
	}

}
