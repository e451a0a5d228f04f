package org.cyl.excellence;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium for the browser tests, in Chinese: one browser per test
 * class, its own profile. Where no Chromium or chromedriver is installed the calling test
 * class is skipped with a message ({@code CHROMIUM_BINARY} and {@code CHROMEDRIVER}
 * override the Debian paths). Screenshots go to {@code target/screenshots}.
 */
public final class Chromium {

	public static final String BINARY = env("CHROMIUM_BINARY", "/usr/bin/chromium");

	public static final String DRIVER = env("CHROMEDRIVER", "/usr/bin/chromedriver");

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private Chromium() {
	}

	/** Whether the browser tests can run here. */
	public static boolean installed() {
		return new File(BINARY).canExecute() && new File(DRIVER).canExecute();
	}

	/**
	 * A new headless Chromium whose window is {@code width × height}; skips the test
	 * class (with the reason) where none is installed.
	 */
	public static ChromeDriver start(int width, int height) throws IOException {
		assumeTrue(installed(), "Browser tests skipped: no Chromium at " + BINARY + " or no chromedriver at " + DRIVER
				+ " (apt-get install chromium chromium-driver fonts-wqy-microhei)");
		Files.createDirectories(SCREENSHOTS);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=" + width + "," + height, "--lang=zh-CN",
				"--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
		// a Chinese browser: headless Chromium takes its languages from here, not from
		// --lang
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build(),
				options);
	}

	/** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
	public static void screenshot(ChromeDriver driver, String name) throws IOException {
		Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	/**
	 * A wait of up to 30 s for a condition in the browser, for every browser test. A
	 * condition that fails with an error of the browser is tried again until then: an
	 * element found on a page that a click or a submission is replacing can be gone
	 * before its text is read, and Chromium answers that with "Node with given id does
	 * not belong to the document", not with a stale element (a full build failed on it
	 * once). A condition never met still fails, at the end of the wait.
	 */
	public static WebDriverWait waiting(WebDriver driver) {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
		wait.ignoring(WebDriverException.class);
		return wait;
	}

	/**
	 * Clicks the element once it is clickable and takes the click: a click that another
	 * element would receive (a help text over a list still being drawn, a dialog fading
	 * in) fails in Chromium and is tried again, as in {@link #waiting}.
	 */
	public static void click(WebDriver driver, By element) {
		click(driver, ExpectedConditions.elementToBeClickable(element));
	}

	/** As {@link #click(WebDriver, By)}, for an element already found. */
	public static void click(WebDriver driver, WebElement element) {
		click(driver, ExpectedConditions.elementToBeClickable(element));
	}

	private static void click(WebDriver driver, ExpectedCondition<WebElement> clickable) {
		waiting(driver).until((d) -> {
			WebElement element = clickable.apply(d);
			if (element == null) {
				return false;
			}
			element.click();
			return true;
		});
	}

}
