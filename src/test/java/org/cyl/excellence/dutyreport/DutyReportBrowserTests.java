package org.cyl.excellence.dutyreport;

import java.io.IOException;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * A member appraises his secretary on a phone (390×844): the ballot link is a notice on
 * his 工作台, a tap opens the ballot, he taps 好 and submits. Screenshots
 * {@code target/screenshots/dr-*}; skipped, with a message, without Chromium.
 */
@ApplicationTest
class DutyReportBrowserTests {

	static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	DutyReportTestSupport duty;

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

	@Test
	void aMemberVotesFromTheNoticeOnHisPhone() throws IOException {
		String p = "BD" + System.nanoTime() % 100000;
		this.duty.support.organization(p, 1, 4, true);
		ProcessInstance launch = this.duty.launch(p + "c", DutyReportTestSupport.launchForm());
		this.duty.support.runJobs(launch.getId());
		String launchId = this.duty.support.jdbc.sql("select id from duty_report_launch where process_instance_id = ?")
			.param(launch.getId())
			.query(String.class)
			.single();
		String pid = this.duty.reportInstance(launchId, p + "B1");
		this.duty.submitAs(p + "s1", this.duty.support.task(pid, "Task_WriteReport"),
				Map.of("reportText", DutyReportTestSupport.report(800)));

		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
		driver.manage().deleteAllCookies();
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(p + "m12");
		driver.findElement(By.id("password")).sendKeys("demo");
		driver.findElement(By.cssSelector("button[type=submit]")).click();
		waiting().until(ExpectedConditions.urlToBe(url("/")));
		WebElement notice = driver.findElement(By.cssSelector("#notices li.notice.unread a"));
		assertThat(notice.getText()).contains("述学述职报告").contains("背靠背");
		Chromium.screenshot(driver, "dr-1-member-workbench-notice");
		tap(notice);
		waiting().until(ExpectedConditions.urlContains("/ballot/"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("述职评议");
		tap(driver.findElement(By.cssSelector("input[type=radio][value=GOOD]")));
		Chromium.screenshot(driver, "dr-2-ballot-filled");
		// the choices fit the phone's width
		assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth")).intValue())
			.isLessThanOrEqualTo(390);
		tap(driver.findElement(By.cssSelector("button[type=submit]")));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "感谢您的评议"));
		Chromium.screenshot(driver, "dr-3-ballot-done");
		String poll = (String) this.duty.support.runtimeService.getVariable(pid, "pollId");
		assertThat(this.duty.support.jdbc.sql("select count(*) from ballot where appraisal_id = ?")
			.param(poll)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static WebDriverWait waiting() {
		return Chromium.waiting(driver);
	}

	private static void tap(WebElement element) {
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		Chromium.click(driver, element);
	}

}
