package org.cyl.excellence.engine;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
 * 模型版本（现行） in Debian's headless Chromium, on a phone (390×844: one card per model, each
 * value under its column's name) and on a desk (1366×768: the tables), with an
 * administrator's version in force ({@link ModelVersionsProbe}'s process) and one the
 * application's version has replaced (its form, deployed again as the application's). The
 * administrator opens it from 工作台. Screenshots {@code target/screenshots/models-*};
 * skipped, with a message, without Chromium.
 */
@ApplicationTest
class ModelVersionsBrowserTests {

	static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	private ModelVersionsProbe probe;

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

	@AfterEach
	void deleteTheProbe() {
		if (this.probe != null) {
			this.probe.delete();
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static WebDriverWait waiting() {
		return Chromium.waiting(driver);
	}

	private static long number(String script) {
		return ((Number) driver.executeScript(script)).longValue();
	}

	@Test
	void administratorReadsWhatIsInForceOnAPhoneAndOnADesk() throws Exception {
		this.probe = new ModelVersionsProbe(this.repositoryService, this.port);
		this.probe.deployFromModeler();
		this.runtimeService.startProcessInstanceByKey(ModelVersionsProbe.PROCESS);
		this.probe.deployAsTheApplication();
		// the administrator's diagram is in force again, the form stays the application's
		this.probe.deployFromModeler(ModelVersionsProbe.DIAGRAM_FILE);
		try {
			for (String screen : List.of("phone", "desk")) {
				boolean phone = screen.equals("phone");
				driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", phone ? 390 : 1366,
						"height", phone ? 844 : 768, "deviceScaleFactor", 1, "mobile", phone));
				driver.manage().deleteAllCookies();
				driver.get(url("/login"));
				driver.findElement(By.id("username")).sendKeys("admin");
				driver.findElement(By.id("password")).sendKeys("admin");
				driver.findElement(By.cssSelector("button[type=submit]")).click();
				waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "的工作台"));
				WebElement link = driver.findElement(By.cssSelector(".workbench .webapps a[href='/admin/models']"));
				driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", link);
				link.click();
				waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "模型版本（现行）"));

				assertThat(number("return document.scrollingElement.scrollWidth")).as(screen)
					.isLessThanOrEqualTo(number("return window.innerWidth"));
				WebElement process = driver.findElement(By.cssSelector("tr[data-key='ModelVersionsProbe']"));
				assertThat(process.getText()).as(screen).contains("测试：模型版本探针", "管理员修改，现行", "Camunda Modeler");
				WebElement form = driver.findElement(By.cssSelector("tr[data-key='ModelVersionsProbeForm']"));
				assertThat(form.getText()).as(screen).contains("应用新版本已取代管理员", "应用启动时部署");
				// on the phone each value is under its column's name, the table's head
				// hidden
				assertThat(number("return document.querySelector('#processes thead').getBoundingClientRect().height > 1"
						+ " ? 1 : 0"))
					.as(screen)
					.isEqualTo(phone ? 0 : 1);
				if (phone) {
					String label = (String) driver.executeScript(
							"return getComputedStyle(arguments[0], '::before').content",
							process.findElement(By.cssSelector("td.origin")));
					assertThat(label).isEqualTo("\"来源\"");
				}
				Chromium.screenshot(driver, "models-1-top-" + screen);
				driver.executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'});", process);
				Chromium.screenshot(driver, "models-2-administrators-process-" + screen);
				driver.executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'});", form);
				Chromium.screenshot(driver, "models-3-superseded-form-" + screen);
			}
		}
		finally {
			driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 1366, "height", 768, "deviceScaleFactor", 1, "mobile", false));
		}
	}

}
