package org.cyl.excellence.partyrecommendation;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A branch secretary records the 推优大会 on the phone (390×844) in the task page: the
 * candidates' names shown, presented and votes entered, submitted by a tap. Screenshots
 * in {@code target/screenshots/}; skipped without Chromium.
 */
@ApplicationTest
class PartyRecommendationBrowserTests {

	static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	PartyRecommendationTestSupport party;

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

	private static WebElement field(String componentId) {
		return driver.findElement(By.cssSelector("input[id*='-" + componentId + "'], textarea[id*='-" + componentId
				+ "'], select[id*='-" + componentId + "']"));
	}

	private static void inView(WebElement element) {
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
	}

	@Test
	void secretaryRecordsTheMeetingOnThePhone() throws Exception {
		String p = "RB" + System.nanoTime() % 100000;
		this.party.organization(p, 1);
		this.party.launch(p + "c", "ACTIVIST");
		String pid = this.party.branchInstance(p + "B1");
		this.party.complete(pid, "Task_ProposeCandidates", PartyRecommendationTestSupport.candidates(p + "-1-2"));
		this.party.complete(pid, "Task_AgreeList", Map.of("listDecision", "agree"));
		Task task = this.party.task(pid, "Task_HoldMeeting");

		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(p + "s1");
		driver.findElement(By.id("password")).sendKeys("demo");
		driver.findElement(By.cssSelector("button[type=submit]")).click();
		waiting().until((d) -> !d.getCurrentUrl().endsWith("/login"));
		driver.get(url("/tasks/" + task.getId()));
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#form[data-rendered=true]")));
		assertThat(driver.findElement(By.cssSelector(".task-facts")).getText()).contains("召开推优大会");
		assertThat(field("Field_CandidateName1").getAttribute("value")).isEqualTo("团员12");
		Chromium.screenshot(driver, "party-meeting-phone");

		WebElement date = field("Field_MeetingDate");
		inView(date);
		String placeholder = date.getAttribute("placeholder");
		String pattern = (placeholder == null || placeholder.isBlank()) ? "MM/dd/yyyy"
				: placeholder.replace("mm", "MM");
		date.click();
		date.sendKeys(Keys.chord(Keys.CONTROL, "a"));
		date.sendKeys(LocalDate.now().format(DateTimeFormatter.ofPattern(pattern)) + Keys.ENTER);
		driver.findElement(By.cssSelector(".task-facts h1")).click();
		WebElement present = field("Field_Present");
		inView(present);
		present.sendKeys("9");
		WebElement presented = field("Field_Presented1");
		inView(presented);
		presented.click();
		WebElement votes = field("Field_Votes1");
		inView(votes);
		votes.sendKeys("8");
		Object wider = driver
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(((Number) wider).intValue()).as("the page does not scroll sideways").isLessThanOrEqualTo(0);
		Chromium.screenshot(driver, "party-meeting-phone-filled");
		WebElement submit = driver.findElement(By.id("submit"));
		inView(submit);
		waiting().until(ExpectedConditions.elementToBeClickable(submit));
		submit.click();
		WebElement done = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
		assertThat(done.getText()).contains("已提交");
		Chromium.screenshot(driver, "party-meeting-phone-done");
		assertThat(this.party.status(pid, p + "-1-2")).isEqualTo("PASSED");
		assertThat(this.party.task(pid, "Task_CheckCandidates")).isNotNull();
	}

}
