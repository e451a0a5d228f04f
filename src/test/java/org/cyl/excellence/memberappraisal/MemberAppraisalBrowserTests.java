package org.cyl.excellence.memberappraisal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 团员教育评议 on a phone (390×844) in headless Chromium: a member writes his self-assessment
 * on the task page; the secretary's next task links to the branch's appraisal sheet,
 * which fits the phone. Screenshots in {@code target/screenshots/}; skipped without
 * Chromium.
 */
@ApplicationTest
class MemberAppraisalBrowserTests {

	static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	MemberAppraisalTestSupport appraisals;

	@BeforeAll
	static void startBrowser() throws IOException {
		driver = Chromium.start(390, 844);
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static WebDriverWait waiting() {
		return Chromium.waiting(driver);
	}

	private void logIn(String user) {
		driver.manage().deleteAllCookies();
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys("demo");
		driver.findElement(By.cssSelector("button[type=submit]")).click();
		waiting().until((d) -> !d.getCurrentUrl().endsWith("/login"));
	}

	private static void phone() {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
	}

	private static void noSidewaysScrolling() {
		Object wider = driver
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(((Number) wider).intValue()).as("the page does not scroll sideways").isLessThanOrEqualTo(0);
	}

	@Test
	void aMemberWritesHisSelfAssessmentOnThePhone() throws Exception {
		String prefix = "MB" + System.nanoTime() % 100000;
		this.appraisals.support.organization(prefix, 1);
		var launch = this.appraisals.launch(prefix + "g", MemberAppraisalTestSupport.launch());
		String appraisalId = this.appraisals.jdbc.sql("select id from member_appraisal where process_instance_id = ?")
			.param(launch.getId())
			.query(String.class)
			.single();
		String pid = this.appraisals.branchInstance(appraisalId, prefix + "B1");
		Task task = this.appraisals.support.tasks(pid, "Task_WriteSelfAssessment")
			.stream()
			.filter((t) -> t.getAssignee().equals(prefix + "m12"))
			.findFirst()
			.orElseThrow();
		logIn(task.getAssignee());
		phone();
		driver.get(url("/tasks/" + task.getId()));
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#form[data-rendered=true]")));
		assertThat(driver.findElement(By.cssSelector(".task-facts")).getText()).contains("撰写自我评价", "期限");
		WebElement text = driver.findElement(By.cssSelector("textarea[id*='-Field_SelfAssessment']"));
		text.sendKeys(MemberAppraisalTestSupport.text("本人"));
		noSidewaysScrolling();
		Chromium.screenshot(driver, "memberappraisal-phone-self-assessment");
		WebElement submit = driver.findElement(By.id("submit"));
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", submit);
		assertThat(submit.getSize().getHeight()).isGreaterThanOrEqualTo(44);
		submit.click();
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
		Chromium.screenshot(driver, "memberappraisal-phone-self-assessment-done");
		assertThat(this.appraisals.support.taskService.createTaskQuery().taskId(task.getId()).count()).isZero();

		// the others write; the secretary's task links to the sheet
		this.appraisals.writeAll(pid);
		Task record = this.appraisals.support.task(pid, "Task_RecordSelfAssessments");
		logIn(prefix + "s1");
		phone();
		driver.get(url("/tasks/" + record.getId()));
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#form[data-rendered=true]")));
		List<WebElement> tools = driver.findElements(By.cssSelector(".task-tools a"));
		assertThat(tools).extracting(WebElement::getText).contains("评议登记表（逐人登记）");
		tools.get(0).click();
		waiting().until((d) -> d.getCurrentUrl().contains("/member-appraisals/"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("评议登记表");
		assertThat(driver.getPageSource()).contains(MemberAppraisalTestSupport.text("本人"));
		noSidewaysScrolling();
		Chromium.screenshot(driver, "memberappraisal-phone-sheet");
	}

}
