package org.cyl.excellence.workbench;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 工作台 ({@code /}) through the real security chain: it lists exactly the tasks the
 * engine's own query of Tasklist's 全部待办 gives each person — member, branch secretary,
 * 团总支, committee, higher committee, Party reviewer, manager, administrator — each opening
 * {@code /tasks/{id}}; a 催办 notice links to the urged task and is read once opened; the
 * person's organisations with their tools; nobody without a login.
 */
@ApplicationTest
class WorkbenchTests {

	private static final ObjectMapper json = new ObjectMapper();

	private static final Pattern TASK = Pattern.compile("data-task-id=\"([^\"]+)\"");

	private static int counter;

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	String prefix;

	String campaignId;

	Task overdue;

	/**
	 * A committee of its own with a campaign: branch 1 pledging (its members sign, one
	 * has), branch 2's 制定支部方案并动员 three days late, branch 3 at its leader review (the
	 * 团总支's and the Party reviewer's).
	 */
	@BeforeEach
	void campaign() {
		this.prefix = "WB" + (++counter) + System.nanoTime() % 100000;
		this.support.organization(this.prefix, 3);
		ProcessInstance campaign = this.support.startCampaign(this.prefix + "c", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		this.campaignId = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		String first = this.support.branchInstance(this.campaignId, this.prefix + "B1");
		this.support.mobilize(first);
		this.support.draftOrgPledge(first);
		this.support.sign(this.support.tasks(first, "Task_SignMemberPledge")
			.stream()
			.filter((t) -> (this.prefix + "m12").equals(t.getAssignee()))
			.findFirst()
			.orElseThrow());
		this.overdue = this.support.task(this.support.branchInstance(this.campaignId, this.prefix + "B2"),
				"Task_MobilizeBranch");
		this.overdue.setDueDate(Date.from(Instant.now().minus(3, ChronoUnit.DAYS)));
		this.support.taskService.saveTask(this.overdue);
		this.support.toReview(this.support.branchInstance(this.campaignId, this.prefix + "B3"));
	}

	private TestHttp as(String user) {
		return TestHttp.login(this.port, user, "admin".equals(user) ? "admin" : "demo");
	}

	private static String page(TestHttp person) {
		HttpResponse<String> response = person.get("/");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private static List<String> listedTasks(String page) {
		List<String> ids = new ArrayList<>();
		Matcher m = TASK.matcher(page);
		while (m.find()) {
			ids.add(m.group(1));
		}
		return ids;
	}

	/**
	 * The tasks of Tasklist's 全部待办 for the person, as the engine's REST API lists them.
	 */
	private Set<String> allTasksFilter(String user) throws Exception {
		TestHttp basic = TestHttp.basic(this.port, user, "admin".equals(user) ? "admin" : "demo");
		JsonNode filters = json.readTree(
				basic.get("/engine-rest/filter?name=" + URLEncoder.encode("全部待办", StandardCharsets.UTF_8)).body());
		assertThat(filters).hasSize(1);
		String id = filters.get(0).get("id").asText();
		HttpResponse<String> list = basic.get("/engine-rest/filter/" + id + "/list?maxResults=1000");
		assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
		Set<String> ids = new LinkedHashSet<>();
		json.readTree(list.body()).forEach((t) -> ids.add(t.get("id").asText()));
		return ids;
	}

	@Test
	void theWorkbenchListsExactlyThePersonsTasksAsTheEnginesQueryDoes() throws Exception {
		String p = this.prefix;
		List<String> people = List.of(p + "m12", p + "m13", p + "s1", p + "s2", p + "g", p + "c", p + "h", p + "p",
				"sec120101", "sec120103", "gb1201", "committee12", "city1", "party12", "party1202s", "manager",
				"admin");
		List<String> withTasks = new ArrayList<>();
		for (String person : people) {
			String page = page(as(person));
			List<String> listed = listedTasks(page);
			Set<String> engine = allTasksFilter(person);
			assertThat(engine.size()).as(person + ": fewer than 工作台's limit, so every task is listed")
				.isLessThanOrEqualTo(WorkbenchTasks.LIMIT);
			assertThat(listed).as(person).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(engine);
			listed.forEach((id) -> assertThat(page).as(person).contains("href=\"/tasks/" + id + "\""));
			if (!listed.isEmpty()) {
				withTasks.add(person);
			}
		}
		assertThat(withTasks).contains(p + "m13", p + "s1", p + "s2", p + "g", p + "p");
		// each person's own: the member who has not signed sees his 签订个人承诺, the one who
		// signed does not; the late secretary sees hers, overdue
		assertThat(page(as(p + "m13"))).contains("签订个人承诺", "测试支部1", "2026年创先争优活动", "还剩 ");
		assertThat(listedTasks(page(as(p + "m12")))).isEmpty();
		String late = page(as(p + "s2"));
		assertThat(listedTasks(late)).containsExactly(this.overdue.getId());
		assertThat(late).contains("制定支部方案并动员", "已逾期 3 天");
		// nobody sees another branch's tasks
		assertThat(listedTasks(page(as(p + "s1")))).doesNotContain(this.overdue.getId());
	}

	@Test
	void theTasksAreSortedByDueDateAndShowWhetherTheyWereUrged() throws Exception {
		String p = this.prefix;
		// the 团总支 member's tasks (none of his own yet) and the urge
		HttpResponse<String> urge = TestHttp.basic(this.port, p + "c", "demo")
			.postJson("/api/supervision/tasks/" + this.overdue.getId() + "/urge", "{\"message\":\"请于本周内完成\"}");
		assertThat(urge.statusCode()).as(urge.body()).isEqualTo(200);
		String page = page(as(p + "s2"));
		assertThat(page).contains("已催办 1 次");
		// the secretary of branch 1: mobilised, her own pledge to sign (due with the
		// pledge
		// window) — the list is in due order
		List<String> listed = listedTasks(page(as(p + "s1")));
		List<Date> dues = listed.stream()
			.map((id) -> this.support.taskService.createTaskQuery().taskId(id).singleResult().getDueDate())
			.toList();
		assertThat(dues).isSortedAccordingTo(Date::compareTo);
	}

	@Test
	void aNoticeOfAnUrgeLinksToTheTaskAndIsReadOnceOpened() throws Exception {
		String p = this.prefix;
		HttpResponse<String> urge = TestHttp.basic(this.port, p + "c", "demo")
			.postJson("/api/supervision/tasks/" + this.overdue.getId() + "/urge", "{\"message\":\"请尽快动员\"}");
		assertThat(urge.statusCode()).as(urge.body()).isEqualTo(200);
		TestHttp secretary = as(p + "s2");
		JsonNode notices = json.readTree(secretary.get("/api/notices").body());
		assertThat(notices).hasSize(1);
		assertThat(notices.get(0).get("link").asText()).isEqualTo("/tasks/" + this.overdue.getId());
		long id = notices.get(0).get("id").asLong();

		// 工作台 lists it unread, with the unread count in the navigation
		String page = page(secretary);
		assertThat(page).contains("请尽快动员", "href=\"/notices/" + id + "/open\"", "未读", "aria-label=\"1 条未读\"");
		// somebody else cannot open it
		assertThat(as(p + "s1").get("/notices/" + id + "/open").statusCode()).isEqualTo(404);
		assertThat(as(p + "s1").get("/notices/999999999/open").statusCode()).isEqualTo(404);
		// opening it marks it read and goes to the task
		HttpResponse<String> open = secretary.get("/notices/" + id + "/open");
		assertThat(open.statusCode()).isEqualTo(302);
		assertThat(open.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/tasks/" + this.overdue.getId()));
		assertThat(json.readTree(secretary.get("/api/notices").body()).get(0).get("readAt").isNull()).isFalse();
		assertThat(page(secretary)).contains("aria-label=\"0 条未读\"").doesNotContain("aria-label=\"1 条未读\"");
	}

	@Test
	void theWorkbenchShowsThePersonsOrganisationsWithTheirTools() {
		String p = this.prefix;
		// the secretary: her branch's stage, who has not signed yet, the record and
		// pledges
		String secretary = page(as(p + "s1"));
		assertThat(secretary).contains("测试支部1", "承诺践诺", "尚未签订本轮个人承诺（<span>2</span> 人）", "团员13",
				"/campaigns/" + this.campaignId + "/branches/" + p + "B1/record",
				"/campaigns/" + this.campaignId + "/branches/" + p + "B1/pledges");
		assertThat(secretary).doesNotContain("团员12、");
		// a member: the stage and the links, not who has not signed
		String member = page(as(p + "m13"));
		assertThat(member).contains("测试支部1", "承诺践诺", "/branches/" + p + "B1/pledges").doesNotContain("尚未签订本轮个人承诺");
		// the committee: its campaign with the dashboard, the overdue list and the
		// bulletin
		String committee = page(as(p + "c"));
		assertThat(committee).contains("测试团委" + p, "/campaigns/" + this.campaignId + "/dashboard",
				"/supervision/" + p + "/overdue", "/supervision/" + p + "/bulletin", "0/3");
		// the Party reviewer: the organisations its Party organisation co-reviews
		assertThat(page(as(p + "p"))).contains("测试党委" + p, "测试团委" + p + "（团委）");
		// anonymous: the login
		HttpResponse<String> anonymous = TestHttp.anonymous(this.port).get("/");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
	}

	@Test
	void everyPageHasTheOneNavigationAndTheManifestIsServed() {
		TestHttp secretary = as(this.prefix + "s1");
		for (String path : List.of("/", "/campaigns", "/notices", "/appraisals",
				"/campaigns/" + this.campaignId + "/branches/" + this.prefix + "B1/record")) {
			String body = secretary.get(path).body();
			assertThat(body).as(path)
				.contains("class=\"main-nav\"", ">工作台<", "href=\"/#todo\">任务<", ">活动进展<", ">通知", ">退出<",
						"rel=\"manifest\"", "name=\"viewport\"");
		}
		HttpResponse<String> manifest = TestHttp.anonymous(this.port).get("/manifest.webmanifest");
		assertThat(manifest.statusCode()).isEqualTo(200);
		assertThat(manifest.body()).contains("\"name\": \"创先争优工作平台\"", "\"start_url\": \"/\"",
				"\"display\": \"standalone\"");
		assertThat(TestHttp.anonymous(this.port).getBytes("/icons/icon-192.png").statusCode()).isEqualTo(200);
	}

}
