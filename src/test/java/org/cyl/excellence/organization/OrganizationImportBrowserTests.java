package org.cyl.excellence.organization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 组织数据导入 in Debian's headless Chromium on a phone (390×844): the administrator finds the
 * page in the header, uploads a roll with a bad date and reads the named line, then an
 * Excel roll that imports. Screenshots {@code target/screenshots/org-import-*}; skipped,
 * with a message, without Chromium.
 */
@ApplicationTest
class OrganizationImportBrowserTests {

	static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

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

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static WebDriverWait waiting() {
		return Chromium.waiting(driver);
	}

	@Test
	void administratorUploadsRollsOnAPhone() throws Exception {
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys("admin");
		driver.findElement(By.id("password")).sendKeys("admin");
		driver.findElement(By.cssSelector("button[type=submit]")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "的工作台"));
		driver.findElement(By.cssSelector(".main-nav a[href$='/admin/organization-import']")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "组织数据导入"));
		assertFitsThePhone();
		Chromium.screenshot(driver, "org-import-1-page");

		Path dir = Files.createTempDirectory("org-import");
		Path bad = dir.resolve("团员.csv");
		Files.writeString(bad, "团员编号,姓名,所在团支部代码,是否团干部,账号,出生日期,入团日期\n" + "T1650101,壬,120101,否,,2004-03-05,2016-05-04\n",
				StandardCharsets.UTF_8);
		driver.findElement(By.id("members")).sendKeys(bad.toString());
		driver.findElement(By.cssSelector(".import-form button[type=submit]")).click();
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".import-errors li")));
		assertThat(driver.findElement(By.cssSelector(".import-errors")).getText()).contains("第 2 行", "入团日期",
				"未满 14 周岁");
		assertFitsThePhone();
		Chromium.screenshot(driver, "org-import-2-refused");
		assertThat(this.jdbc.sql("select count(*) from member where league_no = 'T1650101'").query(Long.class).single())
			.isZero();

		Path good = dir.resolve("组织.xlsx");
		Files.write(good, OrganizationImportTests.workbook(List.of(List.of("组织代码", "组织名称", "组织类型", "上级组织代码", "同级党组织代码"),
				List.of("T165", "共青团测试五委员会", "团委", "", ""), List.of("T16501", "测试五班团支部", "团支部", "T165", ""))));
		Path members = dir.resolve("团员.xlsx");
		Files.write(members,
				OrganizationImportTests.workbook(List.of(List.of("团员编号", "姓名", "所在团支部代码", "是否团干部", "账号", "出生日期"),
						List.of(16501001d, "癸", "T16501", "否", "", LocalDate.of(2005, 7, 1)))));
		driver.findElement(By.id("organizations")).sendKeys(good.toString());
		driver.findElement(By.id("members")).sendKeys(members.toString());
		driver.findElement(By.cssSelector(".import-form button[type=submit]")).click();
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".import-report")));
		assertFitsThePhone();
		Chromium.screenshot(driver, "org-import-3-imported");
		assertThat(this.jdbc.sql("select birth_date from member where league_no = '16501001'")
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(2005, 7, 1));
	}

	private static void assertFitsThePhone() {
		long width = ((Number) driver.executeScript("return document.scrollingElement.scrollWidth")).longValue();
		assertThat(width).as("no sideways scrolling").isLessThanOrEqualTo(390);
	}

}
