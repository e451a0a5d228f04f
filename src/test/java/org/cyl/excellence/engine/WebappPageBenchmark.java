package org.cyl.excellence.engine;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * How long people wait for the pages of issue 14 in Debian's headless Chromium, on the
 * demo data (the demo campaign): the login (from 登录 to Tasklist listing the person's
 * tasks), Cockpit's process instance view and a process definition view as the manager.
 * Each page is loaded {@code -Druns=} times (default 5) in one browser: the first with an
 * empty browser cache, the others as a returning person's. A page counts as loaded when
 * its marker is shown and no request has finished for {@value #QUIET_MS} ms (the quiet
 * time is not counted). Prints the times and the slowest requests of the last run, and
 * whether static files came compressed and from the cache. No assertions.
 * <p>
 * {@code ./mvnw -Pbenchmark test -Dtest=WebappPageBenchmark -Dbenchmark.h2=true}; at a
 * province's size on a database kept by another benchmark:
 * {@code -Dbenchmark.database=<kept>} (the views then show any branch's instance).
 */
class WebappPageBenchmark {

	private static final long QUIET_MS = 700;

	private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium");

	private static final String DRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

	ChromeDriver driver;

	int port;

	@Test
	void loginAndCockpitPages() throws Exception {
		assumeTrue(new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute(), "no Chromium");
		int runs = Integer.getInteger("runs", 5);
		try (BenchmarkApplication app = BenchmarkApplication.start("webapp-pages", "--app.demo-data.campaign=true")) {
			this.port = app.port;
			RuntimeService runtime = app.bean(RuntimeService.class);
			String definition = app.bean(RepositoryService.class)
				.createProcessDefinitionQuery()
				.processDefinitionKey("BranchCampaignProcess")
				.latestVersion()
				.singleResult()
				.getId();
			// the demo campaign's branch 120201; on a database kept from another
			// benchmark
			// (-Dbenchmark.database=, e.g. FanOutBenchmark's 30,000 branches) any
			// branch's
			String instance = runtime.createProcessInstanceQuery()
				.processDefinitionKey("BranchCampaignProcess")
				.variableValueEquals("branchCode", "120201")
				.list()
				.stream()
				.findFirst()
				.orElseGet(() -> runtime.createProcessInstanceQuery()
					.processDefinitionId(definition)
					.listPage(0, 1)
					.get(0))
				.getId();
			String size = String.format(
					"size: %,d running instances of this BranchCampaignProcess version, %,d in all; %,d open tasks",
					runtime.createProcessInstanceQuery().processDefinitionId(definition).count(),
					runtime.createProcessInstanceQuery().count(),
					app.bean(org.camunda.bpm.engine.TaskService.class).createTaskQuery().count());
			Path profile = Files.createTempDirectory("chromium-benchmark");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--no-first-run", "--disable-background-networking", "--window-size=1400,900", "--lang=zh-CN",
					"--user-data-dir=" + profile);
			options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
			this.driver = new ChromeDriver(
					new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build(), options);
			try {
				List<String> lines = new ArrayList<>();
				lines.add("login sec120201 → Tasklist with her tasks (ms): " + times(runs, () -> {
					this.driver.manage().deleteAllCookies();
					// from Tasklist to the login page and back (a login alone lands on
					// 工作台)
					this.driver.get(url("/camunda/app/tasklist/default/"));
					this.driver.findElement(By.id("username")).sendKeys("sec120201");
					this.driver.findElement(By.id("password")).sendKeys("demo");
					long start = System.nanoTime();
					this.driver.findElement(By.cssSelector("button[type=submit]")).click();
					new WebDriverWait(this.driver, Duration.ofSeconds(60))
						.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "我的待办"));
					return loaded(start);
				}));
				String slowLogin = slowest();
				this.driver.manage().deleteAllCookies();
				this.driver.get(url("/camunda/app/cockpit/default/"));
				this.driver.findElement(By.id("username")).sendKeys("manager");
				this.driver.findElement(By.id("password")).sendKeys("demo");
				this.driver.findElement(By.cssSelector("button[type=submit]")).click();
				new WebDriverWait(this.driver, Duration.ofSeconds(60))
					.until(ExpectedConditions.urlContains("/camunda/app/cockpit/"));
				lines.add("Cockpit process instance view, manager (ms): " + times(runs, () -> {
					this.driver.get("about:blank");
					long start = System.nanoTime();
					this.driver.get(url("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime"));
					waitFor(".djs-container svg");
					return loaded(start);
				}));
				String slowInstance = slowest();
				lines.add("Cockpit process definition view, manager (ms): " + times(runs, () -> {
					this.driver.get("about:blank");
					long start = System.nanoTime();
					this.driver
						.get(url("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime"));
					waitFor(".djs-container svg");
					return loaded(start);
				}));
				String slowDefinition = slowest();
				System.out.println();
				System.out.println("== WebappPageBenchmark: " + app.database + "; " + BenchmarkApplication.machine());
				System.out.println(size);
				lines.forEach(System.out::println);
				System.out.println("-- slowest requests of the last login:\n" + slowLogin);
				System.out.println("-- slowest requests of the last instance view:\n" + slowInstance);
				System.out.println("-- slowest requests of the last definition view:\n" + slowDefinition);
			}
			finally {
				this.driver.quit();
			}
		}
	}

	private interface Run {

		long millis() throws Exception;

	}

	private static String times(int runs, Run run) throws Exception {
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			times.add(run.millis());
		}
		List<Long> warm = new ArrayList<>(times.subList(1, times.size()));
		warm.sort(Long::compare);
		return "first (empty cache) " + times.get(0) + ", then " + times.subList(1, times.size()) + ", median "
				+ (warm.isEmpty() ? "-" : warm.get(warm.size() / 2));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void waitFor(String css) {
		new WebDriverWait(this.driver, Duration.ofSeconds(60))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
	}

	/**
	 * Waits until no request has finished for {@link #QUIET_MS}; the time from start to
	 * the last one that finished.
	 */
	private long loaded(long start) throws InterruptedException {
		long lastChange = System.nanoTime();
		long count = -1;
		while ((System.nanoTime() - lastChange) / 1_000_000 < QUIET_MS) {
			long now = ((Number) ((JavascriptExecutor) this.driver)
				.executeScript("return performance.getEntriesByType('resource').length")).longValue();
			if (now != count) {
				count = now;
				lastChange = System.nanoTime();
			}
			Thread.sleep(50);
		}
		return (lastChange - start) / 1_000_000;
	}

	/** The page's ten slowest requests: duration, bytes over the wire, address. */
	@SuppressWarnings("unchecked")
	private String slowest() {
		List<Map<String, Object>> entries = (List<Map<String, Object>>) ((JavascriptExecutor) this.driver)
			.executeScript("return performance.getEntriesByType('resource').map(e => ({name: e.name, "
					+ "duration: Math.round(e.duration), size: e.transferSize, body: e.decodedBodySize}))"
					+ ".sort((a, b) => b.duration - a.duration).slice(0, 10)");
		StringBuilder out = new StringBuilder();
		long total = ((Number) ((JavascriptExecutor) this.driver)
			.executeScript("return performance.getEntriesByType('resource').length")).longValue();
		out.append("   (").append(total).append(" requests)\n");
		for (Map<String, Object> e : entries) {
			out.append(String.format("   %6d ms %9s B over the wire (%9s B) %s%n",
					((Number) e.get("duration")).longValue(), e.get("size"), e.get("body"),
					String.valueOf(e.get("name")).replace(url(""), "")));
		}
		return out.toString();
	}

}
