package org.cyl.excellence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 工作台 and every page of the application in Debian's headless Chromium, on a phone
 * (390×844, emulated as a mobile device: the page's viewport meta counts) and on a desk
 * (1366×768): 工作台 of a member and of a committee member, and every page the application's
 * controllers answer to GET — the list below, checked against the controllers' mappings —
 * without scrolling sideways, its navigation's tap targets at least 44 px. Screenshots go
 * to {@code target/screenshots} ({@code wb-*}). Skipped, with a message, where no
 * Chromium is installed.
 */
@ApplicationTest
class WorkbenchBrowserTests {

	static ChromeDriver driver;

	private static int counter;

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	@Autowired
	org.cyl.excellence.memberappraisal.MemberAppraisalTestSupport memberAppraisals;

	@Autowired
	org.cyl.excellence.partyrecommendation.PartyRecommendationTestSupport partyRecommendations;

	@Autowired
	org.cyl.excellence.dutyreport.DutyReportTestSupport dutyReports;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@BeforeAll
	static void startBrowser() throws IOException {
		driver = Chromium.start(1366, 768);
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	@BeforeEach
	void freshSession() {
		driver.manage().deleteAllCookies();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static WebDriverWait waiting() {
		return Chromium.waiting(driver);
	}

	/** A phone: 390×844 CSS pixels, a mobile device (the viewport meta counts). */
	private static void phone() {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
	}

	/** A desk: 1366×768. */
	private static void desk() {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 1366, "height", 768, "deviceScaleFactor", 1, "mobile", false));
	}

	private void logIn(String user) {
		driver.manage().deleteAllCookies();
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys("admin".equals(user) ? "admin" : "demo");
		driver.findElement(By.cssSelector("button[type=submit]")).click();
		waiting().until(ExpectedConditions.urlToBe(url("/")));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "的工作台"));
	}

	private static void screenshot(String name) throws IOException {
		Chromium.screenshot(driver, name);
	}

	private static long number(String script) {
		return ((Number) driver.executeScript(script)).longValue();
	}

	/** The page fits the screen's width: nothing to scroll sideways. */
	private static void assertNoSidewaysScrolling(String page) {
		long width = number("return document.scrollingElement.scrollWidth");
		long inner = number("return window.innerWidth");
		assertThat(width).as(page + ": scrollWidth " + width + " > innerWidth " + inner).isLessThanOrEqualTo(inner);
	}

	/**
	 * What in the element is a tap target smaller than 44 px high, as "text (height)".
	 */
	private static List<String> smallTapTargets(String selector) {
		@SuppressWarnings("unchecked")
		List<String> small = (List<String>) driver.executeScript("return Array.from(document.querySelectorAll("
				+ "arguments[0])).filter((e) => e.offsetParent !== null && e.getBoundingClientRect().height < 44)"
				+ ".map((e) => e.textContent.trim() + ' (' + e.getBoundingClientRect().height + ')')", selector);
		return small;
	}

	/**
	 * A committee {@code q} whose campaign has its first branch pledging (its members
	 * have 签订个人承诺 to do) and its second branch late.
	 */
	private String pledgingCampaign(String q) {
		this.support.organization(q, 2);
		ProcessInstance campaign = this.support.startCampaign(q + "c", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		String campaignId = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		String first = this.support.branchInstance(campaignId, q + "B1");
		this.support.mobilize(first);
		this.support.draftOrgPledge(first);
		var late = this.support.task(this.support.branchInstance(campaignId, q + "B2"), "Task_MobilizeBranch");
		late.setDueDate(java.util.Date.from(java.time.Instant.now().minusSeconds(2 * 86400)));
		this.support.taskService.saveTask(late);
		return campaignId;
	}

	/**
	 * On a phone, each from their 工作台 with taps only: a cadre member signs his pledge
	 * with the higher standard; a late secretary follows the 催办 notice to the urged task
	 * and completes it; a 团总支 member initiates a mass appraisal and reaches its ballot
	 * sheet.
	 */
	@Test
	void peopleDoTheirWorkFromTheWorkbenchOnAPhone() throws Exception {
		String q = "WF" + (++counter) + System.nanoTime() % 10000;
		String campaignId = pledgingCampaign(q);
		phone();
		try {
			// the secretary of branch 1 is its cadre member: his pledge and higher
			// standard
			String signTask = this.support
				.tasks(this.support.branchInstance(campaignId, q + "B1"), "Task_SignMemberPledge")
				.stream()
				.filter((t) -> (q + "s1").equals(t.getAssignee()))
				.findFirst()
				.orElseThrow()
				.getId();
			logIn(q + "s1");
			tap(driver.findElement(By.cssSelector("li.todo[data-task-id='" + signTask + "'] a")));
			rendered();
			int items = ((Number) this.support.taskService.getVariable(signTask, "itemCount")).intValue();
			for (int i = 1; i <= items; i++) {
				formField("Field_Pledge" + i).sendKeys("我承诺做到第 " + i + " 项标准");
			}
			formField("Field_HigherStandard").sendKeys("作为团干部，带头完成志愿服务 20 小时");
			assertNoSidewaysScrolling("the cadre's pledge");
			screenshot("wb-10-cadre-pledge-filled");
			submitAndReturn("wb-11-cadre-pledge-signed");
			assertThat(driver.findElements(By.cssSelector("li.todo[data-task-id='" + signTask + "']"))).isEmpty();
			assertThat(this.support.taskService.createTaskQuery().taskId(signTask).count()).isZero();

			// branch 2 is late: its committee urges, its secretary follows the notice
			String late = this.support.task(this.support.branchInstance(campaignId, q + "B2"), "Task_MobilizeBranch")
				.getId();
			assertThat(org.cyl.excellence.TestHttp.basic(this.port, q + "c", "demo")
				.postJson("/api/supervision/tasks/" + late + "/urge", "{\"message\":\"请本周内召开动员大会\"}")
				.statusCode()).isEqualTo(200);
			logIn(q + "s2");
			WebElement notice = driver.findElement(By.cssSelector("#notices li.notice.unread a"));
			assertThat(notice.getText()).contains("请本周内召开动员大会");
			screenshot("wb-12-urged-secretary-workbench");
			tap(notice);
			waiting().until(ExpectedConditions.urlToBe(url("/tasks/" + late)));
			rendered();
			formField("Field_BranchPlan").sendKeys("组织学习、开展主题团日、公开承诺并接受监督");
			formField("Field_Attendance").sendKeys("3");
			formDate("Field_MeetingDate", java.time.LocalDate.now());
			screenshot("wb-13-urged-task-filled");
			submitAndReturn("wb-14-urged-task-done");
			assertThat(this.support.taskService.createTaskQuery().taskId(late).count()).isZero();

			// a branch at its mass appraisal: the 团总支 member initiates it, then opens its
			// ballot sheet
			String r = "WA" + (++counter) + System.nanoTime() % 10000;
			this.support.organization(r, 1);
			ProcessInstance campaign = this.support.startCampaign(r + "c", CampaignTestSupport.plan(1));
			this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
					Map.of("planDecision", "approve"));
			this.support.runJobs(campaign.getId());
			String branch = this.support.branchInstance(
					(String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId"), r + "B1");
			this.support.toReview(branch);
			this.support.review(branch, "PASS", "PASS");
			String initiate = this.support.task(this.support.appraisalInstance(branch), "Task_InitiateAppraisal")
				.getId();
			logIn(r + "g");
			tap(driver.findElement(By.cssSelector("li.todo[data-task-id='" + initiate + "'] a")));
			rendered();
			// its tool: the campaign's appraisals, where the ballots will appear
			assertThat(driver.findElement(By.cssSelector(".task-tools a")).getText()).contains("本活动的群众评议");
			formField("Field_BallotCount").sendKeys("20");
			formDate("Field_OpensAt", java.time.LocalDate.now());
			formDate("Field_ClosesAt", java.time.LocalDate.now().plusDays(7));
			WebElement scope = driver.findElement(By.cssSelector("input[type=radio][id*='-Field_PublishScope']"));
			driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", scope);
			scope.click();
			screenshot("wb-15-initiate-appraisal-filled");
			submitAndReturn("wb-16-appraisal-initiated");
			this.support.runJobs(this.support.appraisalInstance(branch));
			driver.navigate().refresh();
			WebElement ballots = waiting().until(ExpectedConditions
				.elementToBeClickable(By.xpath("//a[contains(@href,'/ballots') and normalize-space(.)='选票']")));
			screenshot("wb-17-workbench-with-the-ballots");
			tap(ballots);
			waiting().until(ExpectedConditions.urlContains("/ballots"));
			assertThat(driver.findElement(By.tagName("body")).getText()).contains("测试支部1");
			assertNoSidewaysScrolling("the ballot sheet");
			screenshot("wb-18-ballot-sheet");
		}
		finally {
			desk();
		}
	}

	private static void tap(WebElement element) {
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		Chromium.click(driver, element);
	}

	/** The task page's form, rendered by form-js. */
	private static void rendered() {
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#form[data-rendered=true]")));
	}

	/** A form-js field by its component id. */
	private static WebElement formField(String componentId) {
		WebElement field = driver.findElement(By.cssSelector("input[id*='-" + componentId + "'], textarea[id*='-"
				+ componentId + "'], select[id*='-" + componentId + "']"));
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", field);
		return field;
	}

	/** Types a day into a form-js date field in the format its placeholder shows. */
	private static void formDate(String componentId, java.time.LocalDate day) {
		WebElement input = formField(componentId);
		String placeholder = input.getAttribute("placeholder");
		String pattern = (placeholder == null || placeholder.isBlank()) ? "MM/dd/yyyy"
				: placeholder.replace("mm", "MM");
		input.click();
		input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
		input.sendKeys(
				day.format(java.time.format.DateTimeFormatter.ofPattern(pattern)) + org.openqa.selenium.Keys.ENTER);
		driver.findElement(By.cssSelector(".task-facts h1")).click();
	}

	/** Submits the task page's form, reads what comes next, returns to 工作台. */
	private void submitAndReturn(String screenshot) throws IOException {
		tap(driver.findElement(By.id("submit")));
		WebElement done = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
		assertThat(done.getText()).contains("已提交", "返回工作台");
		screenshot(screenshot);
		tap(done.findElement(By.cssSelector("a.button")));
		waiting().until(ExpectedConditions.urlToBe(url("/")));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "的工作台"));
	}

	@Test
	void aMemberAndACommitteeMemberUseTheirWorkbenchOnAPhoneAndOnADesk() throws Exception {
		String q = "WM" + (++counter) + System.nanoTime() % 10000;
		String campaignId = pledgingCampaign(q);
		String signTask = this.support.tasks(this.support.branchInstance(campaignId, q + "B1"), "Task_SignMemberPledge")
			.stream()
			.filter((t) -> (q + "m12").equals(t.getAssignee()))
			.findFirst()
			.orElseThrow()
			.getId();
		try {
			for (String screen : List.of("phone", "desk")) {
				if (screen.equals("phone")) {
					phone();
				}
				else {
					desk();
				}
				// the member: his 签订个人承诺, one tap from the task page; his branch's stage
				logIn(q + "m12");
				var todo = driver.findElement(By.cssSelector("li.todo[data-task-id='" + signTask + "'] a"));
				assertThat(todo.getDomAttribute("href")).isEqualTo("/tasks/" + signTask);
				assertThat(todo.getText()).contains("签订个人承诺", "测试支部1", "2026年创先争优活动", "还剩 ");
				assertThat(driver.findElement(By.id("organisations")).getText()).contains("测试支部1", "承诺践诺", "活动记录",
						"公开承诺");
				assertNoSidewaysScrolling(screen + " 工作台 of a member");
				assertThat(smallTapTargets(".page-header a, .page-header button, .workbench .card-link, "
						+ ".workbench .button, .workbench button"))
					.as(screen)
					.isEmpty();
				screenshot("wb-01-member-workbench-" + screen);
				driver.executeScript("document.getElementById('organisations').scrollIntoView()");
				screenshot("wb-02-member-organisation-" + screen);

				// the committee member: the campaign with its tools, the late branch
				logIn(q + "c");
				String organisations = driver.findElement(By.id("organisations")).getText();
				assertThat(organisations).contains("测试团委" + q, "督查清单", "督查通报", "活动进展", "0/2");
				assertThat(driver.findElements(By.cssSelector("a[href='/campaigns/" + campaignId + "/dashboard']")))
					.isNotEmpty();
				assertNoSidewaysScrolling(screen + " 工作台 of a committee member");
				assertThat(smallTapTargets(".page-header a, .page-header button, .workbench .card-link, "
						+ ".workbench .button, .workbench button"))
					.as(screen)
					.isEmpty();
				screenshot("wb-03-committee-workbench-" + screen);
				driver.executeScript("document.getElementById('organisations').scrollIntoView()");
				screenshot("wb-04-committee-organisation-" + screen);
				// 任务 in the navigation is 工作台's 待办
				driver.findElement(By.linkText("任务")).click();
				waiting().until(ExpectedConditions.urlToBe(url("/#todo")));
			}
		}
		finally {
			desk();
		}
	}

	@Test
	void tasklistCockpitAndAdminLeadBackToTheWorkbench() throws Exception {
		logIn("admin");
		int n = 0;
		for (String app : List.of("tasklist", "cockpit", "admin")) {
			driver.get(url("/camunda/app/" + app + "/default/"));
			var link = waiting().until(ExpectedConditions
				.elementToBeClickable(By.cssSelector("[cam-widget-header] a.campaign-workbench-link")));
			assertThat(link.getText()).isEqualTo("工作台");
			screenshot("wb-webapp-" + (++n) + "-" + app);
			link.click();
			waiting().until(ExpectedConditions.urlToBe(url("/")));
			waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "的工作台"));
		}
		// 工作台 leads to Cockpit and Admin for the administrator
		assertThat(driver.findElements(By.cssSelector("a[href='/camunda/app/admin/default/']"))).hasSize(1);
		assertThat(driver.findElements(By.cssSelector("a[href='/camunda/app/cockpit/default/']"))).hasSize(1);
		screenshot("wb-webapp-4-admin-workbench");
	}

	/**
	 * The standing duties' pages, for an organisation of their own: its 团委 launched each
	 * duty; 推优入党's first branch has its list on public notice, 述职评议's first secretary has
	 * reported (the members' ballots are out).
	 */
	private void standingDuties(Map<String, String[]> pages) {
		String r = "WR" + (++counter) + System.nanoTime() % 10000;
		this.partyRecommendations.organization(r, 1);
		CampaignTestSupport s = this.support;

		ProcessInstance party = this.partyRecommendations.launch(r + "c", "ACTIVIST");
		s.runJobs(party.getId());
		String partyBranch = this.partyRecommendations.branchInstance(r + "B1");
		Object partyLaunch = s.runtimeService.getVariable(partyBranch, "launchId");
		this.partyRecommendations.toNotice(partyBranch, r + "-1-2");
		pages.put("/party-recommendations", new String[] { r + "c", "/party-recommendations" });
		pages.put("/party-recommendations/{id}", new String[] { r + "c", "/party-recommendations/" + partyLaunch });
		pages.put("/public/party-recommendations/{pid}",
				new String[] { null, "/public/party-recommendations/" + partyBranch });

		ProcessInstance appraisal = this.memberAppraisals.launch(r + "c",
				org.cyl.excellence.memberappraisal.MemberAppraisalTestSupport.launch());
		s.runJobs(appraisal.getId());
		String appraisalId = s.jdbc.sql("select id from member_appraisal where process_instance_id = ?")
			.param(appraisal.getId())
			.query(String.class)
			.single();
		pages.put("/member-appraisals", new String[] { r + "c", "/member-appraisals" });
		pages.put("/member-appraisals/{appraisalId}", new String[] { r + "c", "/member-appraisals/" + appraisalId });
		pages.put("/member-appraisals/{appraisalId}/branches/{branchCode}",
				new String[] { r + "s1", "/member-appraisals/" + appraisalId + "/branches/" + r + "B1" });

		ProcessInstance duty = this.dutyReports.launch(r + "c",
				org.cyl.excellence.dutyreport.DutyReportTestSupport.launchForm());
		s.runJobs(duty.getId());
		String dutyLaunch = s.jdbc.sql("select id from duty_report_launch where process_instance_id = ?")
			.param(duty.getId())
			.query(String.class)
			.single();
		String report = s.jdbc.sql("select id from duty_report where launch_id = ? and org_code = ?")
			.params(dutyLaunch, r + "B1")
			.query(String.class)
			.single();
		String secretaryProcess = this.dutyReports.reportInstance(dutyLaunch, r + "B1");
		this.dutyReports.submitAs(r + "s1", s.task(secretaryProcess, "Task_WriteReport"),
				Map.of("reportText", org.cyl.excellence.dutyreport.DutyReportTestSupport.report(820)));
		s.runJobs(secretaryProcess);
		pages.put("/dutyreports", new String[] { r + "c", "/dutyreports" });
		pages.put("/dutyreports/launches/{id}", new String[] { r + "c", "/dutyreports/launches/" + dutyLaunch });
		pages.put("/dutyreports/{id}/ballots", new String[] { r + "s1", "/dutyreports/" + report + "/ballots" });
	}

	/**
	 * Every page of the application on a phone: the pages the controllers answer to GET
	 * (their mappings), each with ids of a campaign run here to its decision (表彰决定), as a
	 * person who may open it.
	 */
	@Test
	void everyPageOfTheApplicationFitsAPhoneWithoutScrollingSideways() throws Exception {
		String p = "WP" + (++counter) + System.nanoTime() % 10000;
		String campaignId = this.support.campaignAtNotice(p);
		String commendation = this.support.commendationOf(campaignId);
		this.support.fireTimer(commendation, "Event_NoticePeriodEnded");
		this.support.issueDecision(commendation, p + "团字〔2026〕1号");
		String appraisalId = this.support.jdbc.sql("select id from appraisal where campaign_id = ? and org_code = ?")
			.params(campaignId, p + "B1")
			.query(String.class)
			.list()
			.get(0);
		String q = "WQ" + (++counter) + System.nanoTime() % 10000;
		String running = pledgingCampaign(q);
		String b1 = "/campaigns/" + campaignId + "/branches/" + p + "B1";

		// pattern → the person and the address visited
		Map<String, String[]> pages = new LinkedHashMap<>();
		pages.put("/", new String[] { q + "m12", "/" });
		pages.put("/login", new String[] { null, "/login" });
		pages.put("/campaigns", new String[] { p + "c", "/campaigns" });
		pages.put("/campaigns/{campaignId}/dashboard",
				new String[] { p + "c", "/campaigns/" + campaignId + "/dashboard" });
		pages.put("/campaigns/{campaignId}/withdraw", new String[] { q + "c", "/campaigns/" + running + "/withdraw" });
		pages.put("/campaigns/{campaignId}/criticisms",
				new String[] { p + "c", "/campaigns/" + campaignId + "/criticisms" });
		pages.put("/campaigns/{campaignId}/branches/{branchCode}/pledges", new String[] { p + "c", b1 + "/pledges" });
		pages.put("/campaigns/{campaignId}/branches/{branchCode}/record", new String[] { p + "c", b1 + "/record" });
		pages.put("/campaigns/{campaignId}/branches/{branchCode}/suggestions",
				new String[] { p + "s1", b1 + "/suggestions" });
		pages.put("/public/campaigns/{campaignId}/branches/{branchCode}",
				new String[] { null, "/public/campaigns/" + campaignId + "/branches/" + p + "B1" });
		pages.put("/notices", new String[] { q + "s2", "/notices" });
		pages.put("/appraisals", new String[] { p + "g", "/appraisals?campaign=" + campaignId });
		pages.put("/appraisals/{id}/ballots", new String[] { p + "g", "/appraisals/" + appraisalId + "/ballots" });
		pages.put("/appraisals/{id}/results", new String[] { p + "g", "/appraisals/" + appraisalId + "/results" });
		pages.put("/supervision/{committeeCode}/overdue", new String[] { q + "c", "/supervision/" + q + "/overdue" });
		pages.put("/supervision/{committeeCode}/bulletin", new String[] { q + "c", "/supervision/" + q + "/bulletin" });
		pages.put("/supervision/{committeeCode}/duties", new String[] { q + "c", "/supervision/" + q + "/duties" });
		pages.put("/processes/{key}/start", new String[] { q + "c", "/processes/CampaignProcess/start" });
		standingDuties(pages);
		pages.put("/members/{leagueNo}", new String[] { q + "s1", "/members/" + q + "-1-2" });
		pages.put("/me/record", new String[] { q + "m12", "/me/record" });
		pages.put("/commendations/{campaignId}/refused-objections",
				new String[] { p + "c", "/commendations/" + campaignId + "/refused-objections" });
		pages.put("/public/notices/{campaignId}", new String[] { null, "/public/notices/" + campaignId });
		pages.put("/public/decisions/{campaignId}", new String[] { null, "/public/decisions/" + campaignId });
		pages.put("/ballot/{token}", new String[] { null, "/ballot/" + this.support.tokens.token(appraisalId, 0) });
		pages.put("/admin/logins", new String[] { "admin", "/admin/logins" });
		pages.put("/admin/organization-import", new String[] { "admin", "/admin/organization-import" });
		pages.put("/admin/models", new String[] { "admin", "/admin/models" });
		pages.put("/admin/forms/{formId}", new String[] { "admin", "/admin/forms/MemberPledge" });
		// the error page (the answer to an unknown campaign)
		pages.put("error", new String[] { p + "c", "/campaigns/no-such-campaign/dashboard" });

		// the task page (/tasks/{id}), where there is one: a task of the member
		String taskOfMember = this.support
			.tasks(this.support.branchInstance(running, q + "B1"), "Task_SignMemberPledge")
			.stream()
			.filter((t) -> (q + "m12").equals(t.getAssignee()))
			.findFirst()
			.orElseThrow()
			.getId();
		TreeSet<String> mapped = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			boolean get = info.getMethodsCondition().getMethods().isEmpty()
					|| info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
			for (String pattern : info.getPatternValues()) {
				if (get && !pattern.startsWith("/api") && !pattern.equals("/error")
						&& !pattern.matches(".*\\.(pdf|csv|xlsx)") && !pattern.startsWith("/notices/{id}/open")) {
					mapped.add(pattern);
				}
			}
		});
		for (String pattern : mapped) {
			if (pattern.startsWith("/tasks/") && !pages.containsKey(pattern)) {
				pages.put(pattern, new String[] { q + "m12", pattern.replaceAll("\\{[^}]+}", taskOfMember) });
			}
		}
		assertThat(pages.keySet()).as("every page of the controllers is visited (add a new one to this list)")
			.containsAll(mapped);

		List<String> wide = new ArrayList<>();
		try {
			phone();
			String current = "";
			int n = 0;
			for (Map.Entry<String, String[]> page : pages.entrySet()) {
				String user = page.getValue()[0];
				if (user == null) {
					driver.manage().deleteAllCookies();
					current = "";
				}
				else if (!user.equals(current)) {
					logIn(user);
					current = user;
				}
				driver.get(url(page.getValue()[1]));
				waiting().until((d) -> "complete".equals(driver.executeScript("return document.readyState")));
				assertThat(number("return window.innerWidth")).as(page.getKey()).isEqualTo(390);
				assertThat(driver.getPageSource()).as(page.getKey()).contains("name=\"viewport\"");
				if (!"error".equals(page.getKey()) && !page.getKey().startsWith("/ballot")) {
					assertThat(driver.findElements(By.cssSelector(".error-page"))).as(page.getKey()).isEmpty();
				}
				long width = number("return document.scrollingElement.scrollWidth");
				if (width > 390) {
					wide.add(page.getKey() + " (" + width + " px)");
				}
				if (user != null && driver.findElements(By.cssSelector(".main-nav")).size() > 0) {
					assertThat(smallTapTargets(".page-header a, .page-header button")).as(page.getKey()).isEmpty();
				}
				screenshot(String.format("wb-page-%02d-%s", ++n,
						page.getKey().replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "")));
			}
		}
		finally {
			desk();
		}
		assertThat(wide).as("pages wider than the phone").isEmpty();
	}

}
