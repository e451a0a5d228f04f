package org.cyl.excellence;

import java.io.IOException;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cyl.excellence.campaign.BusinessKeys;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cockpit as the manager, in Debian's headless Chromium (as {@link BrowserTests}): the
 * branch processes of a campaign listed by readable business keys, and an instance's 用户任务
 * tab listing its open human task. Screenshots in {@code target/screenshots}.
 */
@ApplicationTest
class CockpitBrowserTests {

	static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	@Autowired
	RepositoryService repositoryService;

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

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static WebDriverWait waiting() {
		return Chromium.waiting(driver);
	}

	private static void screenshot(String name) throws IOException {
		Chromium.screenshot(driver, name);
	}

	@Test
	void theManagerReadsBusinessKeysAndTheOpenHumanTasksOfAnInstance() throws Exception {
		ProcessInstance campaign = this.support.startCampaign("committee12", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		String campaignId = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		String branchPid = this.support.branchInstance(campaignId, "120103");
		String definition = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("BranchCampaignProcess")
			.latestVersion()
			.singleResult()
			.getId();
		String key = "2026年创先争优活动 · 软件工程2023级2班团支部" + BusinessKeys.branchSuffix(campaignId, "120103");

		driver.manage().deleteAllCookies();
		// from Cockpit to the login page and back (a login alone lands on 工作台)
		driver.get(url("/camunda/app/cockpit/default/"));
		waiting().until(ExpectedConditions.urlToBe(url("/login")));
		driver.findElement(By.id("username")).sendKeys("manager");
		driver.findElement(By.id("password")).sendKeys("demo");
		driver.findElement(By.cssSelector("button[type=submit]")).click();
		waiting().until(ExpectedConditions.urlContains("/camunda/app/cockpit/default/"));

		// the definition's instance list: the business keys people read (its first page
		// of 50: this instance is on it only while the shared test database holds few
		// branch processes, so any branch's readable key will do)
		driver.get(url("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime"));
		waiting().until(ExpectedConditions.textMatches(By.tagName("body"),
				java.util.regex.Pattern.compile("2026年创先争优活动 · \\S+团支部（\\d{6}）#[0-9a-f]{8}")));
		assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain(campaignId + ":");
		screenshot("30-cockpit-instances-readable-keys");

		// the instance: its 用户任务 tab lists the open task, with its assignee
		driver.get(url("/camunda/app/cockpit/default/#/process-instance/" + branchPid + "/runtime"));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), key));
		waiting()
			.until(ExpectedConditions
				.elementToBeClickable(By.xpath("//a[normalize-space(.)='用户任务' or normalize-space(.)='User Tasks']")))
			.click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "制定支部方案并动员"));
		String body = driver.findElement(By.tagName("body")).getText();
		assertThat(body).contains("sec120103").doesNotContain("没有用户任务").doesNotContain("does not have");
		screenshot("31-cockpit-instance-user-tasks");
	}

}
