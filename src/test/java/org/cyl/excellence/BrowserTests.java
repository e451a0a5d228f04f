package org.cyl.excellence;

import java.io.IOException;

import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What people see, in Debian's headless Chromium: the login page, Tasklist for a branch
 * secretary, Cockpit for a manager, logging out. Screenshots go to
 * {@code target/screenshots}. Skipped, with a message, where no Chromium is installed
 * ({@code CHROMIUM_BINARY} and {@code CHROMEDRIVER} override the Debian paths).
 */
@ApplicationTest
class BrowserTests {

	static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	@BeforeAll
	static void startBrowser() throws IOException {
		driver = Chromium.start(1400, 900);
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

	private WebDriverWait waiting() {
		return Chromium.waiting(driver);
	}

	/**
	 * Logs in from the webapp the test works in — Admin for the administrator, Cockpit
	 * for the manager, Tasklist for everybody else — so that the login returns there (on
	 * its own, a login lands on 工作台: {@link #logInAt}).
	 */
	private void logIn(String user, String password) {
		String webapp = switch (user) {
			case "admin" -> "/camunda/app/admin/default/";
			case "manager" -> "/camunda/app/cockpit/default/";
			default -> "/camunda/app/tasklist/default/";
		};
		logInAt(webapp, user, password);
	}

	/** Opens the page, logs in on the login page it leads to and returns to the page. */
	private void logInAt(String page, String user, String password) {
		driver.get(url(page));
		waiting().until(ExpectedConditions.urlToBe(url("/login")));
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("button[type=submit]")).click();
	}

	private static void screenshot(String name) throws IOException {
		Chromium.screenshot(driver, name);
	}

	@Test
	void secretaryLogsInThroughTheLoginPageAndSeesTasklist() throws IOException {
		driver.get(url("/"));
		waiting().until(ExpectedConditions.urlToBe(url("/login")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("创先争优工作平台");
		screenshot("01-login-page");
		// the login lands on 工作台, which leads to Tasklist
		logInAt("/", "sec120101", "demo");
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "的工作台"));
		driver.findElement(By.partialLinkText("在任务列表")).click();
		waiting().until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "我的待办"));
		assertThat(driver.findElement(By.tagName("body")).getText()).contains("待认领", "全部待办", "沈文博");
		screenshot("02-secretary-tasklist");
	}

	@Test
	void managerLandsInCockpit() throws IOException {
		logIn("manager", "demo");
		waiting().until(ExpectedConditions.urlContains("/camunda/app/cockpit/default/"));
		waiting().until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector(".dashboard, [cam-widget-header], .navbar")));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "流程"));
		assertThat(driver.getCurrentUrl()).doesNotContain("/login");
		screenshot("03-manager-cockpit");
	}

	@Test
	void loggingOutFromTasklistAsksForTheLoginAgain() throws Exception {
		logIn("sec120102", "demo");
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "我的待办"));
		// the webapp's own user menu: 退出 / Log out
		driver.findElement(By.cssSelector(".account.dropdown > a, li.account > a, [cam-widget-header] .account > a"))
			.click();
		waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[ng-click='logout()'], .logout > a")))
			.click();
		waiting().until(ExpectedConditions.urlToBe(url("/login")));
		screenshot("04-after-webapp-logout");
		// a person takes seconds to type: let the closed webapp's last requests finish
		// (one ran in the full suite after the test had already logged in again)
		Thread.sleep(1500);
		driver.get(url("/login"));
		// logging in again right there lands on 工作台 (not on a font the closing page
		// still loaded)
		driver.findElement(By.id("username")).sendKeys("sec120102");
		driver.findElement(By.id("password")).sendKeys("demo");
		driver.findElement(By.cssSelector("button[type=submit]")).click();
		waiting().until(ExpectedConditions.urlToBe(url("/")));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "的工作台"));
		screenshot("04b-logged-in-again");
	}

	@Test
	void secretaryCompletesTheOrganisationPledgeInTasklistAndTheCommitteeSeesTheReview() throws Exception {
		String pid = branchAtTheOrganisationPledge("120303");
		logIn("sec120303", "demo");
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "全部待办"));
		driver.findElement(By.xpath("//*[normalize-space(text())='全部待办']")).click();
		waiting()
			.until(ExpectedConditions
				.elementToBeClickable(By.xpath("//*[contains(@class,'task')]//*[normalize-space(text())='制定组织承诺']")))
			.click();
		claimIfOffered();
		waiting().until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("textarea"), 3));
		// the list shows the task's organisation and campaign
		assertThat(driver.findElement(By.cssSelector(".tasks-list")).getText()).contains("组织", "活动", "2026年创先争优活动");
		screenshot("06-org-pledge-form");
		int i = 0;
		for (var area : driver.findElements(By.cssSelector("textarea"))) {
			area.sendKeys("承诺与措施 " + (++i));
		}
		screenshot("07-org-pledge-filled");
		var complete = driver
			.findElement(By.xpath("//button[normalize-space(.)='Complete' or normalize-space(.)='完成']"));
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", complete);
		waiting().until(ExpectedConditions.elementToBeClickable(complete));
		complete.click();
		try {
			waiting().until((d) -> this.support.taskService.createTaskQuery()
				.processInstanceId(pid)
				.taskDefinitionKey("Task_DraftOrgPledge")
				.count() == 0);
		}
		finally {
			screenshot("07b-after-complete");
		}
		assertThat(this.support.jdbc
			.sql("select count(*) from branch_document where kind = 'ORG_PLEDGE' and branch_code = '120303'")
			.query(Integer.class)
			.single()).isEqualTo(1);

		// the branch's record shows the pledge with its author
		String campaignId = (String) this.support.runtimeService.getVariable(pid, "campaignId");
		driver.get(url("/campaigns/" + campaignId + "/branches/120303/record"));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "组织承诺"));
		assertThat(driver.findElement(By.tagName("body")).getText()).contains("承诺与措施 1", "支部方案与动员");
		screenshot("07c-branch-record");

		// the members sign, then the 团总支 sees 审核承诺 in its Tasklist
		this.support.signAll(pid);
		driver.manage().deleteAllCookies();
		logIn("gb1203", "demo");
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "全部待办"));
		driver.findElement(By.xpath("//*[normalize-space(text())='全部待办']")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "审核承诺"));
		screenshot("08-committee-sees-review");
	}

	@Test
	void committeeLaunchesACampaignFromTasklistAndTheManagerSeesItsBranchesInCockpit() throws Exception {
		logIn("committee12", "demo");
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "全部待办"));
		driver.findElement(By.xpath("//a[contains(.,'发起流程') or contains(.,'Start process')]")).click();
		Chromium.click(driver, By.xpath("//a[normalize-space(.)='创先争优活动']"));
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-Field_Title']")));
		java.time.LocalDate today = java.time.LocalDate.now();
		type("Field_Title", "浏览器发起的创先争优活动");
		type("Field_Theme", "扩大组织覆盖、增强组织活力");
		// form-js's select and date fields in Chinese
		waiting().until(
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-select-placeholder"), "请选择"));
		assertThat(formText()).doesNotContain("Select", "mm/dd/yyyy");
		assertThat(driver.findElements(By.cssSelector(".fjs-form input[placeholder='月/日/年']"))).isNotEmpty();
		choose("Field_StandardSet", "四好 + 四带头");
		date("Field_CampaignStart", today);
		assertThat(stageOrderWarning()).as("one date alone is in no wrong order").isFalse();
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
				field("Field_CampaignStart"));
		screenshot("09-campaign-one-date");
		date("Field_MobilizationEnd", today.plusDays(10));
		// the stages out of order: the form says so at once
		date("Field_AdvanceEnd", today.plusDays(5));
		waiting().until((d) -> stageOrderWarning());
		screenshot("09a-campaign-dates-out-of-order");
		date("Field_AdvanceEnd", today.plusDays(100));
		date("Field_SummaryEnd", today.plusDays(200));
		waiting().until((d) -> !stageOrderWarning());
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
				field("Field_AdvanceEnd"));
		screenshot("09b-campaign-dates-in-order");
		type("Field_Round1Theme", "牢记宗旨为民服务");
		date("Field_Round1End", today.plusDays(60));
		date("Field_ReviewDate", today.plusDays(150));
		type("Field_QuotaOrganizations", "3");
		type("Field_QuotaMembers", "30");
		type("Field_QuotaMembersPerBranch", "2");
		// 公开承诺: only the counts of the members' pledges on the public page
		clickInView(driver.findElement(By.cssSelector("input[type=radio][id$='-Field_PledgeNames-1']")));
		screenshot("09-campaign-start-form");
		var start = driver.findElement(By.xpath("//button[normalize-space(.)='发起' or normalize-space(.)='Start']"));
		Chromium.click(driver, start);
		waiting().until((d) -> this.support.jdbc.sql("select count(*) from campaign where title = '浏览器发起的创先争优活动'")
			.query(Integer.class)
			.single() == 1);
		String campaignPid = this.support.jdbc
			.sql("select process_instance_id from campaign where title = '浏览器发起的创先争优活动'")
			.query(String.class)
			.single();
		this.support.complete(this.support.task(campaignPid, "Task_ApprovePlan"),
				java.util.Map.of("planDecision", "approve"));
		this.support.runJobs(campaignPid);

		driver.manage().deleteAllCookies();
		logIn("manager", "demo");
		waiting().until(ExpectedConditions.urlContains("/camunda/app/cockpit/default/"));
		driver.get(url("/camunda/app/cockpit/default/#/processes"));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "团支部创先争优"));
		assertThat(driver.findElement(By.tagName("body")).getText()).contains("创先争优活动");
		screenshot("10-manager-cockpit-processes");
	}

	@Test
	void aBranchSecretaryMeetsNoDeadEndsAndReadsChineseEverywhereInTasklist() throws Exception {
		var campaign = this.support.startCampaign("committee12", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				java.util.Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		String campaignId = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		String pid = this.support.branchInstance(campaignId, "120201");
		String taskId = this.support.task(pid, "Task_MobilizeBranch").getId();

		logIn("sec120201", "demo");
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "全部待办"));
		driver.get(url("/camunda/app/tasklist/default/#/?task=" + taskId));
		// the branch's only secretary: the task is hers from its creation, no 认领 needed
		By claim = By.xpath("//button[contains(.,'Claim') or contains(.,'认领')]");
		By release = By.cssSelector("button.unclaim");
		waiting().until(ExpectedConditions.elementToBeClickable(release));
		// the search box speaks Chinese, whenever the locale file arrived
		waiting().until((d) -> !driver.findElement(By.cssSelector("[cam-widget-search] input.main-field"))
			.getDomAttribute("placeholder")
			.matches("[A-Z_]+"));
		// no control that ends in a refusal: no standalone task, no link to Cockpit, no
		// follow-up date, no groups to add, no task description that is always empty
		String page = driver.findElement(By.tagName("body")).getText();
		assertThat(page).contains("发起流程", "制定支部方案并动员")
			.doesNotContain("新建任务", "Create task", "设置跟进日期", "添加组", "描述", "CREATION_DATE", "SEARCH_PLACEHOLDER");
		assertThat(driver.findElements(By.cssSelector("a.instance-link")))
			.allSatisfy((link) -> assertThat(link.isDisplayed()).isFalse());
		screenshot("30-secretary-task-without-dead-ends");

		// she releases it (it goes back to her branch's secretaries) and takes it again
		driver.findElement(release).click();
		Chromium.click(driver, claim);
		waiting().until(ExpectedConditions.elementToBeClickable(release));

		// the diagram and the history of their own task
		waiting()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("textarea[id$='-Field_BranchPlan']")));
		driver.findElement(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='流程图']")).click();
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".djs-container svg .djs-element")));
		screenshot("31-secretary-diagram");
		driver.findElement(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='历史']")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-card"), "认领"));
		assertThat(visibleErrors()).isEmpty();
		screenshot("32-secretary-history");
		driver.findElement(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='表单']")).click();
		waiting()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("textarea[id$='-Field_BranchPlan']")));

		// form-js's own messages in Chinese
		clickInView(completeButton());
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), "此项为必填项"));
		assertThat(formText()).doesNotContain("Field is required");
		assertThat(visibleErrors()).anySatisfy((message) -> assertThat(message).contains("请按表单中标红处的提示填写"));
		screenshot("33-required-in-chinese");

		// the date picker: Chinese months, weeks from Monday
		type("Field_BranchPlan", "组织学习、开展主题团日、公开承诺");
		type("Field_Attendance", "3");
		field("Field_MeetingDate").click();
		var calendar = waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
		assertThat(calendar.findElements(By.cssSelector(".flatpickr-weekday")).get(0).getText()).isEqualTo("一");
		assertThat(calendar.getText()).contains("月")
			.doesNotContain("January", "February", "March", "April", "May", "June", "July", "August", "September",
					"October", "November", "December", "Sun", "Mon");
		screenshot("34-date-picker-in-chinese");

		// a meeting in the future: the server refuses, and its message names the field,
		// above the form's buttons
		date("Field_MeetingDate", java.time.LocalDate.now().plusDays(5));
		clickInView(completeButton());
		By error = By.xpath("//*[contains(@class,'page-notifications')]//*[contains(@class,'alert')]");
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(error, "不能是将来的日期"));
		var alert = driver.findElement(error);
		assertThat(alert.getText()).contains("提交任务表单时出错", "动员大会日期");
		var button = completeButton();
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button);
		assertThat(overlaps(alert.getRect(), button.getRect())).as("the message covers 完成").isFalse();
		screenshot("35-refused-submission-names-the-field");
		assertThat(this.support.taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

		// corrected: submitted, and the page says what happens next
		date("Field_MeetingDate", java.time.LocalDate.now());
		clickInView(completeButton());
		waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page-notifications"), "已提交"));
		assertThat(driver.findElement(By.cssSelector(".page-notifications")).getText()).contains("全部待办")
			.doesNotContain("提交任务表单时出错");
		screenshot("36-submitted-and-what-next");
		assertThat(this.support.taskService.createTaskQuery().taskId(taskId).count()).isZero();

		// 帮助文档 on the start page: the platform's help, in Chinese
		driver.get(url("/camunda/app/welcome/default/"));
		var help = waiting().until(ExpectedConditions.presenceOfElementLocated(By.xpath("//a[contains(.,'帮助文档')]")));
		assertThat(help.getDomAttribute("href")).endsWith("/help/tasklist.html");
		driver.get(url("/help/tasklist.html"));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "帮助"));
		assertThat(driver.findElement(By.tagName("body")).getText()).contains("认领", "已提交", "全部待办");
		screenshot("37-help-page");
	}

	/**
	 * Tasklist's 认领 when the task is offered to the person's group; a task only they can
	 * do is theirs from its creation (its 取消认领 shows) and needs none.
	 */
	private void claimIfOffered() {
		By claim = By.xpath("//button[contains(.,'Claim') or contains(.,'认领')]");
		By mine = By.cssSelector("button.unclaim");
		waiting().until(ExpectedConditions.or(ExpectedConditions.elementToBeClickable(claim),
				ExpectedConditions.presenceOfElementLocated(mine)));
		if (driver.findElements(mine).isEmpty()) {
			driver.findElement(claim).click();
		}
		waiting().until(ExpectedConditions.presenceOfElementLocated(mine));
	}

	private static org.openqa.selenium.WebElement completeButton() {
		return driver.findElement(By.xpath("//button[normalize-space(.)='Complete' or normalize-space(.)='完成']"));
	}

	private static java.util.List<String> visibleErrors() {
		return driver
			.findElements(By.cssSelector(".page-notifications .alert-danger, .page-notifications .alert-error"))
			.stream()
			.filter(org.openqa.selenium.WebElement::isDisplayed)
			.map(org.openqa.selenium.WebElement::getText)
			.toList();
	}

	private static boolean overlaps(org.openqa.selenium.Rectangle a, org.openqa.selenium.Rectangle b) {
		return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
				&& a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
	}

	private org.openqa.selenium.WebElement field(String id) {
		return driver.findElement(By.cssSelector("input[id*='-" + id + "'], textarea[id*='-" + id + "']"));
	}

	/**
	 * Types into a form-js field until the field holds the text: Tasklist may render the
	 * start form once more while it loads, which drops what was typed into the first
	 * rendering.
	 */
	private void type(String id, String text) throws InterruptedException {
		for (int attempt = 1;; attempt++) {
			try {
				org.openqa.selenium.WebElement input = field(id);
				input.clear();
				input.sendKeys(text);
				Thread.sleep(300);
				if (text.equals(field(id).getAttribute("value"))) {
					return;
				}
			}
			catch (org.openqa.selenium.StaleElementReferenceException rerendered) {
				// typed into the rendering that was replaced: again
			}
			if (attempt == 5) {
				assertThat(field(id).getAttribute("value")).as(id).isEqualTo(text);
			}
		}
	}

	/** A form-js select: opened, and the option with that text picked. */
	private void choose(String id, String optionText) throws InterruptedException {
		org.openqa.selenium.WebElement group = field(id)
			.findElement(By.xpath("./ancestor::*[contains(@class,'fjs-input-group')][1]"));
		clickInView(group);
		clickInView(waiting().until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(.,'" + optionText + "')]"))));
	}

	/**
	 * Scrolls the element to the middle of its pane and clicks it, again if Tasklist's
	 * footer was in the way.
	 */
	private static void clickInView(org.openqa.selenium.WebElement element) throws InterruptedException {
		for (int attempt = 1;; attempt++) {
			driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
			try {
				element.click();
				return;
			}
			catch (org.openqa.selenium.ElementClickInterceptedException ex) {
				if (attempt == 5) {
					throw ex;
				}
				Thread.sleep(200);
			}
		}
	}

	/**
	 * A form-js date field: typed as the date picker shows dates (MM/dd/yyyy), confirmed
	 * with Enter.
	 */
	/** Whether the plan form warns that its stage dates are out of order. */
	private static boolean stageOrderWarning() {
		return driver.findElements(By.xpath("//*[contains(text(),'日期顺序不对')]"))
			.stream()
			.anyMatch(org.openqa.selenium.WebElement::isDisplayed);
	}

	private void date(String id, java.time.LocalDate day) {
		field(id).click();
		// replaces what the field held
		field(id).sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
		field(id).sendKeys(day.format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy"))
				+ org.openqa.selenium.Keys.ENTER);
		// close the calendar: click outside it
		driver.findElement(By.cssSelector(".fjs-form h2, .fjs-form .fjs-form-field-text")).click();
	}

	/**
	 * A campaign of 校团委 whose branch has finished mobilising and waits for its
	 * organisation pledge.
	 */
	private String branchAtTheOrganisationPledge(String branch) {
		var campaign = this.support.startCampaign("committee12", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				java.util.Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		String campaignId = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		String pid = this.support.branchInstance(campaignId, branch);
		this.support.mobilize(pid);
		return pid;
	}

	@Test
	void theCommitteeRatesEveryItemInTasklist() throws Exception {
		var campaign = this.support.startCampaign("committee12", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				java.util.Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		String campaignId = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		String pid = this.support.branchInstance(campaignId, "120301");
		this.support.toReview(pid);
		logIn("gb1203", "demo");
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "全部待办"));
		driver.findElement(By.xpath("//*[normalize-space(text())='全部待办']")).click();
		waiting()
			.until(ExpectedConditions
				.elementToBeClickable(By.xpath("//*[contains(@class,'task')]//*[normalize-space(text())='团委点评']")))
			.click();
		claimIfOffered();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "支部工作汇报"));
		for (int i = 1; i <= 4; i++) {
			choose("Field_ReviewRating" + i, "较好");
		}
		type("Field_ReviewAffirmed", "组织生活规范");
		type("Field_ReviewProblems", "青年参与面不够");
		type("Field_ReviewDirection", "扩大覆盖");
		clickInView(driver.findElement(By.cssSelector("input[type=radio][id$='-Field_ReviewVerdict-0']")));
		screenshot("14-committee-review-form");
		var complete = driver
			.findElement(By.xpath("//button[normalize-space(.)='Complete' or normalize-space(.)='完成']"));
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", complete);
		Chromium.click(driver, complete);
		waiting().until((d) -> this.support.taskService.createTaskQuery()
			.processInstanceId(pid)
			.taskDefinitionKey("Task_CommitteeReview")
			.count() == 0);
		assertThat(
				this.support.jdbc.sql("select content from opinion where campaign_id = ? and kind = 'COMMITTEE_REVIEW'")
					.param(campaignId)
					.query(String.class)
					.single())
			.contains("FAIR", "青年参与面不够");
	}

	@Test
	void aMemberOfTheMassesAnswersABallotOnAPhone() throws IOException {
		var appraisal = this.support.startAppraisal("BALLOT" + System.nanoTime() % 100000);
		String appraisalId = this.support.initiateAppraisal(appraisal.getId(), 3);
		String link = url("/ballot/" + this.support.tokens.token(appraisalId, 0));
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		try {
			driver.get(link);
			waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "群众评议"));
			assertThat(driver.findElements(By.cssSelector("fieldset.ballot-item"))).hasSize(5);
			screenshot("11-ballot-on-phone");
			for (var item : driver.findElements(By.cssSelector("fieldset.ballot-item"))) {
				item.findElement(By.xpath(".//label[contains(.,'比较满意')]")).click();
			}
			driver.findElement(By.id("comment")).sendKeys("希望多组织志愿服务活动");
			driver.findElement(By.cssSelector("button[type=submit]")).click();
			waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "感谢您的评议"));
			screenshot("12-ballot-thanks");
			driver.get(link);
			waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "已经使用过"));
			screenshot("13-ballot-used");
			assertThat(this.support.jdbc.sql("select count(*) from ballot where appraisal_id = ?")
				.param(appraisalId)
				.query(Integer.class)
				.single()).isEqualTo(1);
		}
		finally {
			driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
		}
	}

	@Test
	void wrongPasswordShowsTheError() throws IOException {
		logIn("sec120103", "wrong");
		waiting().until(ExpectedConditions.urlToBe(url("/login?error")));
		assertThat(driver.findElement(By.cssSelector(".message.error")).getText()).contains("用户名或密码错误");
		screenshot("05-wrong-password");
	}

	@Test
	void theAdministratorSeesTheFailedLoginsAndTheLoginPageSaysHowLongToWait() throws IOException {
		logIn("sec120102", "wrong");
		waiting().until(ExpectedConditions.urlToBe(url("/login?error")));
		driver.get(url("/login?wait=42"));
		assertThat(driver.findElement(By.cssSelector(".message.error")).getText()).isEqualTo("登录尝试过于频繁，请 42 秒后再试。");
		screenshot("05b-login-wait");
		logIn("admin", "admin");
		waiting().until(ExpectedConditions.urlContains("/camunda/app/admin/"));
		driver.get(url("/notices"));
		driver.findElement(By.linkText("登录失败记录")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "登录失败记录"));
		assertThat(driver.findElement(By.tagName("table")).getText()).contains("sec120102");
		screenshot("05c-failed-logins");
	}

	@Test
	void anyoneObjectsOnThePublicNoticeAndTheCommitteeVerifiesInTasklist() throws Exception {
		String p = "BN" + System.nanoTime() % 100000;
		String campaignId = this.support.campaignAtNotice(p);
		String commendation = this.support.commendationOf(campaignId);

		// the public notice, without login
		driver.get(url("/public/notices/" + campaignId));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "拟表彰对象的公示"));
		assertThat(driver.findElements(By.cssSelector("tr.candidate"))).hasSize(2);
		assertThat(driver.findElement(By.tagName("table")).getText()).contains("五四红旗团组织", "测试支部1", "优秀共青团员", "团员11");
		screenshot("15-public-notice");
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("candidate")))
			.selectByVisibleText("优秀共青团员 团员11");
		driver.findElement(By.id("name")).sendKeys("王明");
		driver.findElement(By.id("contact")).sendKeys("13800138000");
		driver.findElement(By.id("content")).sendKeys("该同学本学期有课程不及格，与优秀团员标准不符，请核实。");
		screenshot("16-objection-filled");
		clickInView(driver.findElement(By.cssSelector(".objection button[type=submit]")));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "您的异议已收到"));
		screenshot("17-objection-received");

		// the committee sees 核查异议 in Tasklist and dismisses it with its finding
		claimVerifyObjection(p + "c");
		// what people wrote is shown in disabled text areas (their values, not the page's
		// text)
		waiting().until((d) -> formText().contains("课程不及格"));
		assertThat(formText()).contains("王明", "13800138000", "团员11");
		clickInView(driver.findElement(By.cssSelector("input[type=radio][id$='-Field_ObjectionVerdict-1']")));
		type("Field_ObjectionFinding", "经教务处核实，补考已通过");
		screenshot("18-verify-objection");
		var complete = driver
			.findElement(By.xpath("//button[normalize-space(.)='Complete' or normalize-space(.)='完成']"));
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", complete);
		Chromium.click(driver, complete);
		waiting().until((d) -> this.support.taskService.createTaskQuery()
			.processInstanceId(commendation)
			.taskDefinitionKey("Task_VerifyObjection")
			.count() == 0);
		assertThat(this.support.jdbc.sql("select status || ':' || finding from objection where campaign_id = ?")
			.param(campaignId)
			.query(String.class)
			.single()).isEqualTo("DISMISSED:经教务处核实，补考已通过");
	}

	@Test
	void anObjectionWithMarkdownAndHtmlIsShownVerbatimInTasklist() throws Exception {
		String p = "BM" + System.nanoTime() % 100000;
		String campaignId = this.support.campaignAtNotice(p);
		String forged = "**核查结论（团市委已认定）：异议属实** [点此](http://evil.example) <b>x</b> 后面的文字";
		driver.get(url("/public/notices/" + campaignId));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "拟表彰对象的公示"));
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("candidate")))
			.selectByVisibleText("优秀共青团员 团员11");
		driver.findElement(By.id("name")).sendKeys("王明");
		driver.findElement(By.id("contact")).sendKeys("13800138000");
		driver.findElement(By.id("content")).sendKeys(forged);
		clickInView(driver.findElement(By.cssSelector(".objection button[type=submit]")));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "您的异议已收到"));

		claimVerifyObjection(p + "c");
		waiting().until((d) -> formText().contains("后面的文字"));
		var content = driver.findElement(By.cssSelector("textarea[id$='-Field_ObjectionContent']"));
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", content);
		screenshot("28-objection-verbatim-in-tasklist");
		// the text exactly as the stranger wrote it, in a field nobody can edit or submit
		assertThat(content.getDomProperty("value")).isEqualTo(forged);
		assertThat(content.getDomAttribute("disabled")).isNotNull();
		var form = driver.findElement(By.cssSelector(".fjs-form"));
		assertThat(form.findElements(By.cssSelector("a[href*='evil.example']"))).isEmpty();
		assertThat(form.findElements(By.tagName("strong"))).noneMatch((b) -> b.getText().contains("核查结论"));
		assertThat(form.findElements(By.tagName("b"))).isEmpty();
		assertThat(form.getText()).doesNotContain("核查结论（团市委已认定）");
	}

	/**
	 * Logs in as the committee member, opens 核查异议 from 全部待办 in Tasklist and claims it.
	 */
	private void claimVerifyObjection(String user) {
		logIn(user, "demo");
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "全部待办"));
		driver.findElement(By.xpath("//*[normalize-space(text())='全部待办']")).click();
		waiting()
			.until(ExpectedConditions
				.elementToBeClickable(By.xpath("//*[contains(@class,'task')]//*[normalize-space(text())='核查异议']")))
			.click();
		claimIfOffered();
	}

	/**
	 * The text of the form in Tasklist as a person reads it: the page's text and the
	 * values of its fields (a disabled text area's value is not part of the page's text).
	 */
	private static String formText() {
		return (String) driver.executeScript("const form = document.querySelector('.fjs-form');"
				+ "return form ? form.innerText + '\\n' + Array.from(form.querySelectorAll('textarea, input'))"
				+ ".map((e) => e.value).join('\\n') : '';");
	}

	@Test
	void theCommitteeOpensTheCampaignDashboardWithItsCharts() throws Exception {
		var campaign = this.support.startCampaign("committee12", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				java.util.Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		String campaignId = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		String pid = this.support.branchInstance(campaignId, "120102");
		this.support.mobilize(pid);
		this.support.draftOrgPledge(pid);
		logIn("committee12", "demo");
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "全部待办"));
		driver.get(url("/campaigns"));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "创先争优活动"));
		driver.findElement(By.cssSelector("a[href$='/campaigns/" + campaignId + "/dashboard']")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "活动进展"));
		waiting().until((d) -> Boolean.TRUE.equals(driver
			.executeScript("return typeof Chart === 'function' && ['chart-stages', 'chart-grades', 'chart-pledges']"
					+ ".every((id) => Chart.getChart(id) !== undefined)")));
		assertThat(driver.findElements(By.cssSelector("tr.branch"))).hasSize(8);
		screenshot("21-campaign-dashboard");
		driver.findElement(By.xpath("//tr[contains(@class,'branch')]//a[contains(.,'2023级1班')]")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "活动记录"));
		screenshot("22-dashboard-drill-down");
	}

	@Test
	void tasklistAndCockpitSpeakChineseWithoutTheMigrationBanner() throws IOException {
		logIn("sec120101", "demo");
		waiting().until(ExpectedConditions.urlContains("/camunda/app/tasklist/default/"));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "我的待办"));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "发起流程"));
		assertThat(driver.getTitle()).startsWith("创先争优工作平台 · 任务");
		assertThat(driver.findElement(By.cssSelector("[cam-widget-header]")).getText()).contains("创先争优工作平台 · 任务")
			.doesNotContain("Camunda");
		String tasklist = driver.findElement(By.tagName("body")).getText();
		assertThat(tasklist).contains("待认领", "全部待办", "发起流程")
			.doesNotContain("Start process", "Create task", "Keyboard Shortcuts", "Filter Tasks", "Add Comment",
					"Select a task in the list", "Filters", "Created", "Log out", "Camunda 8", "migrate");
		assertNoMigrationBanner();
		screenshot("19-tasklist-zh");

		driver.manage().deleteAllCookies();
		logIn("manager", "demo");
		waiting().until(ExpectedConditions.urlContains("/camunda/app/cockpit/default/"));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "运行中的流程实例"));
		assertThat(driver.getTitle()).startsWith("创先争优工作平台 · 流程监控");
		String cockpit = driver.findElement(By.tagName("body")).getText();
		assertThat(cockpit).contains("流程", "决策", "部署", "未解决的事件")
			.doesNotContain("Processes", "Decisions", "Deployments", "Dashboard", "Running Process Instances",
					"Open Incidents", "Camunda 8", "migrate");
		assertNoMigrationBanner();
		screenshot("20-cockpit-zh");
	}

	@Test
	void theCommitteeUrgesAnOverdueBranchAndOpensTheDashboard() throws Exception {
		String p = "BU" + System.nanoTime() % 100000;
		this.support.organization(p, 2);
		var campaign = this.support.startCampaign(p + "c", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				java.util.Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		String campaignId = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		// branch 1 is three days late with its mobilisation
		var late = this.support.task(this.support.branchInstance(campaignId, p + "B1"), "Task_MobilizeBranch");
		late.setDueDate(java.util.Date.from(java.time.Instant.now().minusSeconds(3 * 86400)));
		this.support.taskService.saveTask(late);

		logIn(p + "c", "demo");
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "全部待办"));
		driver.get(url("/supervision/" + p + "/overdue"));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "制定支部方案并动员"));
		assertThat(driver.findElement(By.tagName("body")).getText()).contains("测试支部1").doesNotContain("测试支部2");
		driver.findElement(By.cssSelector("input[name=message]")).sendKeys("请于本周内完成动员部署");
		screenshot("23-overdue-list");
		clickInView(driver.findElement(By.xpath("//button[normalize-space(.)='催办']")));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "1 次"));
		screenshot("24-urged");
		assertThat(this.support.jdbc.sql("select urged_by || ':' || message from urge where task_id = ?")
			.param(late.getId())
			.query(String.class)
			.single()).isEqualTo(p + "c:请于本周内完成动员部署");
		assertThat(this.support.jdbc.sql("select count(*) from notice where username = ?")
			.param(p + "s1")
			.query(Integer.class)
			.single()).isEqualTo(1);

		// then the campaign's dashboard, from the list of campaigns
		driver.get(url("/campaigns"));
		driver.findElement(By.cssSelector("a[href$='/campaigns/" + campaignId + "/dashboard']")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "活动进展"));
		assertThat(driver.findElements(By.cssSelector("tr.branch"))).hasSize(2);
		screenshot("25-dashboard-after-urge");

		// the month's 督查通报 counts the urge
		driver.get(url("/supervision/" + p + "/bulletin"));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "测试支部1"));
		screenshot("26-bulletin");

		// the secretary finds the urge among their notices
		driver.manage().deleteAllCookies();
		logIn(p + "s1", "demo");
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "全部待办"));
		driver.get(url("/notices"));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "请于本周内完成动员部署"));
		screenshot("27-notices");
		clickInView(driver.findElement(By.xpath("//button[normalize-space(.)='标为已读']")));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr.notice"), "已读"));
	}

	private static void assertNoMigrationBanner() {
		assertThat(driver.findElements(By.cssSelector(".ce-eol-banner")))
			.allSatisfy((banner) -> assertThat(banner.isDisplayed()).isFalse());
		// nothing reserves the banner's strip: the header starts at the top of the page
		assertThat(driver.findElement(By.cssSelector("[cam-widget-header]")).getRect().getY()).isZero();
	}

}
