package org.cyl.excellence.branch;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.Chromium;
import org.cyl.excellence.MovableClock;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.cyl.excellence.shared.PublicUrl;
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
 * A young person with a phone (390×844) in headless Chromium: scans the wall poster's
 * link, reads the branch's pledges, writes a suggestion, votes on his ballot (reading the
 * pledge under an item with one tap), and later reads the branch's answer on the same
 * page. Screenshots in {@code target/screenshots/pp-*.png}; skipped without Chromium.
 */
@ApplicationTest
class PublicPledgeBrowserTests {

	static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	@Autowired
	MovableClock clock;

	@Autowired
	PublicUrl publicUrl;

	@BeforeAll
	static void startBrowser() throws IOException {
		driver = Chromium.start(390, 844);
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	private static WebDriverWait waiting() {
		return Chromium.waiting(driver);
	}

	private static long number(String script) {
		return ((Number) driver.executeScript(script)).longValue();
	}

	private static void fitsThePhone(String what) {
		assertThat(number("return window.innerWidth")).isEqualTo(390);
		assertThat(number("return document.scrollingElement.scrollWidth")).as(what + " scrolls sideways")
			.isLessThanOrEqualTo(390);
	}

	@Test
	void aYoungPersonReadsThePledgesVotesAndLaterReadsTheAnswerToHisSuggestion() throws Exception {
		this.clock.advance(Duration.ofDays(2));
		String p = "pb" + System.nanoTime() % 10000;
		this.support.organization(p, 1);
		Map<String, Object> plan = new HashMap<>(CampaignTestSupport.plan(1));
		ProcessInstance campaign = this.support.startCampaign(p + "c", plan);
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		String campaignId = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		String pid = this.support.branchInstance(campaignId, p + "B1");
		this.support.toReview(pid);
		this.support.review(pid, "PASS", "PASS");
		String appraisalId = this.support.initiateAppraisal(this.support.appraisalInstance(pid), 3);
		String path = "/public/campaigns/" + campaignId + "/branches/" + p + "B1";

		// the wall poster's QR code: the public page, no login
		driver.manage().deleteAllCookies();
		driver.get(this.publicUrl.of(path));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "公开承诺"));
		assertThat(driver.findElement(By.cssSelector(".about")).getText()).contains("测试团委" + p + "组织的创先争优活动");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("组织建设好", "承诺：组织建设好", "团员" + "11",
				"团干部 · 更高标准", "履诺 3 人");
		assertThat(driver.manage().getCookies()).as("no session for a public page").isEmpty();
		fitsThePhone("the public page");
		Chromium.screenshot(driver, "pp-1-public-page");

		// his suggestion, in the box at the end of the page
		WebElement box = driver.findElement(By.id("content"));
		driver.executeScript("arguments[0].scrollIntoView()", box);
		box.sendKeys("希望支部多组织周末志愿服务，欢迎非团员青年一起参加");
		driver.findElement(By.cssSelector("#suggestions button[type=submit]")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#suggestions"), "已收到"));
		fitsThePhone("the page after the suggestion");
		Chromium.screenshot(driver, "pp-2-suggestion-sent");

		// his ballot: the pledge under each item, one tap to read
		driver.get(this.publicUrl.of("/ballot/" + this.support.tokens.token(appraisalId, 0)));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "群众评议"));
		List<WebElement> notes = driver.findElements(By.cssSelector("details.ballot-note"));
		assertThat(notes).hasSize(4);
		WebElement firstNote = notes.get(0).findElement(By.tagName("p"));
		assertThat(firstNote.isDisplayed()).as("collapsed on the phone").isFalse();
		notes.get(0).findElement(By.tagName("summary")).click();
		waiting().until(ExpectedConditions.visibilityOf(firstNote));
		assertThat(firstNote.getText()).contains("承诺：承诺：组织建设好");
		assertThat(driver.findElement(By.cssSelector(".ballot-page a")).getDomAttribute("href")).isEqualTo(path);
		fitsThePhone("the ballot");
		Chromium.screenshot(driver, "pp-3-ballot-pledge-open");
		for (WebElement choice : driver.findElements(By.cssSelector("input[type=radio][value=SATISFIED]"))) {
			driver.executeScript("arguments[0].click()", choice);
		}
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "感谢您的评议"));
		Chromium.screenshot(driver, "pp-4-voted");

		// the secretary answers on his list
		String list = "/campaigns/" + campaignId + "/branches/" + p + "B1/suggestions";
		long id = this.support.jdbc.sql("select id from suggestion where campaign_id = ? and source = 'BOX'")
			.param(campaignId)
			.query(Long.class)
			.single();
		TestHttp secretary = TestHttp.login(this.port, p + "s1", "demo");
		assertThat(
				secretary
					.post(list + "/" + id + "/answer",
							TestHttp
								.form(Map.of("answer", "已安排每月第二个周六的社区志愿服务，欢迎报名", "_csrf", secretary.csrfToken(list))),
							"application/x-www-form-urlencoded")
					.statusCode())
			.isEqualTo(302);

		// later, on the public page again
		driver.get(this.publicUrl.of(path));
		WebElement answer = driver.findElement(By.cssSelector("#suggestions .answer"));
		driver.executeScript("arguments[0].scrollIntoView()", answer);
		assertThat(answer.getText()).contains("已安排每月第二个周六的社区志愿服务");
		assertThat(driver.findElement(By.cssSelector("#suggestions .question")).getText()).contains("希望支部多组织周末志愿服务");
		fitsThePhone("the page with the answer");
		Chromium.screenshot(driver, "pp-5-answer-read");
	}

}
