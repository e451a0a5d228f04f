package org.cyl.excellence.workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.Chromium;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task page in Debian's headless Chromium, on a phone (390×844) and a desk
 * (1366×768): every form under {@code forms/} renders and fills (the administrators'
 * preview, the same renderer and script as the task page); a member signs his pledge; a
 * refused submission keeps what was typed and names its field. Screenshots go to
 * {@code target/screenshots/}; skipped, with a message, without Chromium.
 */
@ApplicationTest
class TaskPageBrowserTests {

	private static final ObjectMapper json = new ObjectMapper();

	static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	@Autowired
	org.camunda.bpm.engine.HistoryService history;

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

	@AfterEach
	void noContentSecurityPolicyViolation() {
		List<String> violations = new ArrayList<>();
		for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
			if (entry.getMessage().contains("Content Security Policy") || entry.getMessage().contains("Uncaught")) {
				violations.add(entry.getMessage());
			}
		}
		driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		assertThat(violations).as("the page runs under the application's CSP without errors").isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static WebDriverWait waiting() {
		return Chromium.waiting(driver);
	}

	private static void screen(int width, int height) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
	}

	private void logIn(String user, String password) {
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("button[type=submit]")).click();
		waiting().until((d) -> !d.getCurrentUrl().endsWith("/login"));
	}

	private static void screenshot(String name) throws IOException {
		Chromium.screenshot(driver, name);
	}

	private static void rendered() {
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#form[data-rendered=true]")));
	}

	private static void noSidewaysScrolling() {
		Object wider = driver
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(((Number) wider).intValue()).as("the page does not scroll sideways").isLessThanOrEqualTo(0);
	}

	/** A form-js field by its component id. */
	private static WebElement field(String componentId) {
		return driver.findElement(By.cssSelector("input[id*='-" + componentId + "'], textarea[id*='-" + componentId
				+ "'], select[id*='-" + componentId + "']"));
	}

	private static void inView(WebElement element) {
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
	}

	/**
	 * The submit button: at least 44 px high, nothing over it, then tapped.
	 */
	private static void tapSubmit() {
		WebElement submit = driver.findElement(By.id("submit"));
		inView(submit);
		waiting().until(ExpectedConditions.elementToBeClickable(submit));
		assertThat(submit.getSize().getHeight()).isGreaterThanOrEqualTo(44);
		Object onTop = driver.executeScript("var r = arguments[0].getBoundingClientRect();"
				+ "return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === arguments[0];",
				submit);
		assertThat(onTop).as("nothing covers the submit button").isEqualTo(true);
		submit.click();
	}

	/** Types a day into a form-js date field in the format its placeholder shows. */
	private static void date(String componentId, LocalDate day) {
		WebElement input = field(componentId);
		inView(input);
		String placeholder = input.getAttribute("placeholder");
		String pattern = (placeholder == null || placeholder.isBlank()) ? "MM/dd/yyyy"
				: placeholder.replace("mm", "MM");
		input.click();
		input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
		input.sendKeys(day.format(DateTimeFormatter.ofPattern(pattern)) + Keys.ENTER);
		driver.findElement(By.cssSelector(".task-facts h1")).click();
	}

	// ---- every form

	@Test
	void everyFormUnderFormsRendersAndFills() throws Exception {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(Path.of("forms"))) {
			files = walk.filter((p) -> p.toString().endsWith(".form")).sorted().toList();
		}
		assertThat(files).hasSizeGreaterThan(20);
		logIn("admin", "admin");
		screen(1366, 768);
		for (Path file : files) {
			JsonNode form = json.readTree(file.toFile());
			String formId = form.path("id").asText();
			driver.get(url("/admin/forms/" + formId));
			rendered();
			// form-js's English words are Chinese here (an empty select: 请选择)
			assertThat(driver.findElement(By.id("form")).getText()).as(formId).doesNotContain("Select");
			List<String> filled = new ArrayList<>();
			Set<String> accepted = new HashSet<>();
			fill(form.path("components"), false, filled, accepted);
			driver.findElement(By.id("submit")).click();
			waiting().until((d) -> d.findElement(By.id("preview-data")).isDisplayed()
					|| d.findElement(By.id("form-error")).isDisplayed());
			screenshot("form-" + formId);
			List<String> refused = new ArrayList<>();
			for (WebElement error : driver.findElements(By.cssSelector(".fjs-has-errors"))) {
				refused.add(error.getText().replace('\n', ' '));
			}
			assertThat(refused).as(formId + ": no field is refused (filled " + filled + ")").isEmpty();
			WebElement out = driver.findElement(By.id("preview-data"));
			JsonNode data = json.readTree(out.getText());
			Set<String> submitted = new HashSet<>();
			data.fieldNames().forEachRemaining(submitted::add);
			// what the engine boundary accepts: only the form's own fields, never a
			// disabled one
			assertThat(accepted).as(formId).containsAll(submitted);
			assertThat(submitted).as(formId + ": every filled field is submitted").containsAll(filled);
		}
	}

	/**
	 * Fills every visible required field of the components (a field hidden by its
	 * condition has no element); collects the keys filled and the keys the boundary
	 * accepts (those of fields not disabled).
	 */
	private void fill(JsonNode components, boolean hidden, List<String> filled, Set<String> accepted)
			throws InterruptedException {
		for (JsonNode c : components) {
			String id = c.path("id").asText();
			if (c.hasNonNull("key") && !c.path("disabled").asBoolean(false)) {
				accepted.add(c.get("key").asText());
			}
			List<WebElement> elements = driver
				.findElements(By.cssSelector("[id$='-" + id + "'], [id*='-" + id + "-']"));
			if (c.has("components")) {
				fill(c.path("components"), hidden, filled, accepted);
				continue;
			}
			if (!c.hasNonNull("key") || !c.path("validate").path("required").asBoolean(false)
					|| c.path("disabled").asBoolean(false) || elements.isEmpty()) {
				continue;
			}
			WebElement element = elements.get(0);
			inView(element);
			switch (c.path("type").asText()) {
				case "textfield", "textarea" -> {
					int min = Math.max(c.path("validate").path("minLength").asInt(0), 4);
					element.sendKeys(Keys.chord(Keys.CONTROL, "a"), "测试内容".repeat(min / 4 + 1));
				}
				// replaces a default value
				case "number" -> element.sendKeys(Keys.chord(Keys.CONTROL, "a"),
						String.valueOf(Math.max(c.path("validate").path("min").asInt(1), 1)));
				case "datetime" -> date(id, LocalDate.now());
				case "radio", "checklist", "checkbox" -> driver.executeScript("arguments[0].click();", element);
				case "select" -> {
					WebElement group = element
						.findElement(By.xpath("./ancestor::*[contains(@class,'fjs-input-group')][1]"));
					inView(group);
					group.click();
					WebElement option = waiting()
						.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-dropdownlist-item")));
					option.click();
				}
				default -> {
					continue;
				}
			}
			filled.add(c.get("key").asText());
		}
	}

	// ---- a member signs his pledge

	/** A branch of a new campaign of 校团委, its members signing their pledges. */
	private String branchAtThePledges(String branch) {
		String pid = branchAtTheStart(branch);
		this.support.mobilize(pid);
		this.support.draftOrgPledge(pid);
		return pid;
	}

	private String branchAtTheStart(String branch) {
		var campaign = this.support.startCampaign("committee12", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		String campaignId = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		return this.support.branchInstance(campaignId, branch);
	}

	@Test
	void aMemberSignsHisPledgeOnThePhoneAndOnTheDesk() throws Exception {
		String pid = branchAtThePledges("120201");
		List<Task> members = this.support.tasks(pid, "Task_SignMemberPledge")
			.stream()
			.filter((t) -> t.getAssignee().startsWith("m"))
			.toList();
		sign(members.get(0), 390, 844, "phone");
		sign(members.get(1), 1366, 768, "desk");
	}

	private void sign(Task task, int width, int height, String device) throws Exception {
		driver.manage().deleteAllCookies();
		logIn(task.getAssignee(), "demo");
		screen(width, height);
		driver.get(url("/tasks/" + task.getId()));
		rendered();
		assertThat(driver.findElement(By.cssSelector(".task-facts")).getText()).contains("签订个人承诺", "组织", "活动", "期限");
		noSidewaysScrolling();
		weigh(device);
		screenshot("20-" + device + "-member-pledge");
		int items = ((Number) this.support.taskService.getVariable(task.getId(), "itemCount")).intValue();
		for (int i = 1; i <= items; i++) {
			WebElement pledge = field("Field_Pledge" + i);
			inView(pledge);
			pledge.sendKeys("我承诺做到第 " + i + " 项标准");
		}
		if (Boolean.TRUE.equals(this.support.taskService.getVariable(task.getId(), "isCadre"))) {
			field("Field_HigherStandard").sendKeys("标准高于一般团员");
		}
		noSidewaysScrolling();
		screenshot("21-" + device + "-member-pledge-filled");
		tapSubmit();
		WebElement done = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
		assertThat(done.getText()).contains("已提交。下一步：", "返回工作台");
		assertThat(done.findElement(By.cssSelector("a.button")).getAttribute("href")).isEqualTo(url("/"));
		noSidewaysScrolling();
		screenshot("22-" + device + "-member-pledge-signed");
		assertThat(this.support.taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
		assertThat(this.history.createHistoricVariableInstanceQuery()
			.taskIdIn(task.getId())
			.variableName("pledge1")
			.singleResult()
			.getValue()).isEqualTo("我承诺做到第 1 项标准");
	}

	/**
	 * Prints the page's weight as sent (compressed bodies of the page and everything it
	 * loaded, cached or not) and when the form was there; the renderer must come
	 * compressed.
	 */
	private static void weigh(String device) {
		@SuppressWarnings("unchecked")
		List<Object> figures = (List<Object>) driver
			.executeScript("var n = performance.getEntriesByType('navigation')[0];"
					+ "var sent = n.encodedBodySize, unpacked = n.decodedBodySize, renderer = 0;"
					+ "performance.getEntriesByType('resource').forEach(function (r) {"
					+ "  sent += r.encodedBodySize; unpacked += r.decodedBodySize;"
					+ "  if (r.name.indexOf('form-viewer') >= 0) { renderer = r.encodedBodySize; } });"
					+ "return [sent, unpacked, renderer, document.getElementById('form').getAttribute('data-rendered-ms')];");
		System.out.println("Task page (" + device + "): " + figures.get(0) + " bytes sent (gzip), " + figures.get(1)
				+ " unpacked, renderer " + figures.get(2) + " bytes sent; form rendered " + figures.get(3)
				+ " ms after navigation began");
		assertThat(((Number) figures.get(2)).longValue()).as("the renderer comes compressed").isBetween(1L, 1_000_000L);
	}

	// ---- a refusal at its field

	@Test
	void aRefusedMeetingDateIsShownAtItsFieldAndKeepsWhatWasTyped() throws Exception {
		refuseAndCorrect(this.support.task(branchAtTheStart("120202"), "Task_MobilizeBranch"), "sec120202", 390, 844,
				"phone");
		refuseAndCorrect(this.support.task(branchAtTheStart("120301"), "Task_MobilizeBranch"), "sec120301", 1366, 768,
				"desk");
	}

	private void refuseAndCorrect(Task task, String secretary, int width, int height, String device) throws Exception {
		// the branch's only secretary has it from its creation; she released it (over
		// the engine's REST API), so it is offered to the branch's secretaries again
		assertThat(org.cyl.excellence.TestHttp.basic(this.port, secretary, "demo")
			.postJson("/engine-rest/task/" + task.getId() + "/unclaim", "{}")
			.statusCode()).isEqualTo(204);
		driver.manage().deleteAllCookies();
		logIn(secretary, "demo");
		screen(width, height);
		driver.get(url("/tasks/" + task.getId()));
		// offered to the branch's secretaries: one tap claims it
		WebElement claim = waiting()
			.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='认领并办理']")));
		assertThat(claim.getSize().getHeight()).isGreaterThanOrEqualTo(44);
		claim.click();
		rendered();
		assertThat(driver.findElements(By.xpath("//button[normalize-space(.)='认领并办理']"))).isEmpty();
		String plan = "学习党的创新理论，开展主题团日，组织志愿服务，公开承诺并接受监督。";
		field("Field_BranchPlan").sendKeys(plan);
		date("Field_MeetingDate", LocalDate.now().plusDays(2));
		field("Field_Attendance").sendKeys("8");
		tapSubmit();
		// the server refuses a meeting in the future: the message at the date field
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-error"), "动员大会日期"));
		WebElement dateField = field("Field_MeetingDate")
			.findElement(By.xpath("./ancestor::*[contains(@class,'fjs-form-field')][1]"));
		waiting().until((d) -> dateField.getText().contains("将来"));
		assertThat(field("Field_BranchPlan").getAttribute("value")).isEqualTo(plan);
		assertThat(field("Field_Attendance").getAttribute("value")).isEqualTo("8");
		inView(dateField);
		// the date picker closed
		waiting().until((d) -> d.findElements(By.cssSelector(".flatpickr-calendar.open")).isEmpty());
		noSidewaysScrolling();
		screenshot("23-" + device + "-refused-meeting-date");
		assertThat(this.support.taskService.createTaskQuery().taskId(task.getId()).count()).isOne();

		// corrected: accepted
		date("Field_MeetingDate", LocalDate.now());
		tapSubmit();
		WebElement done = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
		assertThat(done.getText()).contains("已提交。下一步：");
		screenshot("24-" + device + "-mobilization-done");
		assertThat(this.support.taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
	}

}
