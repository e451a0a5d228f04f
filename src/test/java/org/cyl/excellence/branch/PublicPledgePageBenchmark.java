package org.cyl.excellence.branch;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.cyl.excellence.engine.BenchmarkApplication;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * 公开承诺 on a phone, in Debian's headless Chromium emulating 390×844, on the demo data with
 * its campaign: the public page of the demo branch whose pledges are published with the
 * most members, as a young person who scanned the wall poster opens it — page weight
 * (bytes over the wire, gzip, and unpacked, per request; first visit with an empty cache,
 * then returning) and the time to first contentful paint and DOMContentLoaded on this
 * machine and on a "slow phone" (400 ms round trip, 400 kbit/s each way, CPU 4× slower).
 * Prints the figures, no assertions.
 * <p>
 * {@code ./mvnw -Pbenchmark test -Dtest=PublicPledgePageBenchmark -Dbenchmark.h2=true}
 */
class PublicPledgePageBenchmark {

	private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium");

	private static final String DRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

	ChromeDriver driver;

	int port;

	String page;

	@Test
	void publicPledgePageOnAPhone() throws Exception {
		assumeTrue(new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute(), "no Chromium");
		int runs = Integer.getInteger("runs", 5);
		try (BenchmarkApplication app = BenchmarkApplication.start("public-pledge-page",
				"--app.demo-data.campaign=true")) {
			this.port = app.port;
			Path profile = Files.createTempDirectory("chromium-benchmark");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--no-first-run", "--disable-background-networking", "--window-size=390,844", "--lang=zh-CN",
					"--user-data-dir=" + profile);
			options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
			this.driver = new ChromeDriver(
					new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build(), options);
			try {
				this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
						Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
				List<String> lines = new ArrayList<>();
				Map<String, Object> busiest = app.bean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
						select p.campaign_id, p.branch_code, count(m.league_no) as members from pledge_publication p
						join member_pledge m on m.campaign_id = p.campaign_id and m.branch_code = p.branch_code
						  and m.round_no = p.round_no
						group by p.campaign_id, p.branch_code order by members desc, p.branch_code
						fetch first 1 rows only""").query().singleRow();
				this.page = "/public/campaigns/" + busiest.get("CAMPAIGN_ID") + "/branches/"
						+ busiest.get("BRANCH_CODE");
				lines.add("");
				lines.add(this.page + " (" + busiest.get("MEMBERS") + " member pledges), page weight (first visit):");
				lines.add(weight(true));
				lines.add("page weight (returning):");
				lines.add(weight(false));
				for (boolean slow : List.of(false, true)) {
					throttle(slow);
					lines.add((slow ? "slow phone" : "this machine")
							+ " — first contentful paint / DOMContentLoaded (ms): " + times(runs));
				}
				throttle(false);
				System.out.println();
				System.out
					.println("== PublicPledgePageBenchmark: " + app.database + "; " + BenchmarkApplication.machine());
				lines.forEach(System.out::println);
			}
			finally {
				this.driver.quit();
			}
		}
	}

	private void throttle(boolean slow) {
		this.driver.executeCdpCommand("Network.enable", Map.of());
		this.driver.executeCdpCommand("Network.emulateNetworkConditions",
				slow ? Map.of("offline", false, "latency", 400, "downloadThroughput", 400 * 1024 / 8,
						"uploadThroughput", 400 * 1024 / 8)
						: Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
		this.driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", slow ? 4 : 1));
	}

	/** Loads the public page and lists its requests: bytes over the wire and unpacked. */
	@SuppressWarnings("unchecked")
	private String weight(boolean emptyCache) {
		if (emptyCache) {
			this.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
		}
		this.driver.get(url(this.page));
		new WebDriverWait(this.driver, Duration.ofSeconds(60))
			.until((d) -> "complete".equals(this.driver.executeScript("return document.readyState")));
		List<Map<String, Object>> entries = (List<Map<String, Object>>) this.driver
			.executeScript("const n = performance.getEntriesByType('navigation')[0];"
					+ "return [n].concat(performance.getEntriesByType('resource')).map(e => ({name: e.name, "
					+ "wire: e.transferSize, body: e.decodedBodySize, encoded: e.encodedBodySize}))");
		StringBuilder out = new StringBuilder();
		long wire = 0;
		long body = 0;
		for (Map<String, Object> e : entries) {
			long w = ((Number) e.get("wire")).longValue();
			long b = ((Number) e.get("body")).longValue();
			wire += w;
			body += b;
			out.append(String.format("   %7d B over the wire, %7d B unpacked  %s%n", w, b,
					String.valueOf(e.get("name")).replace(url(""), "")));
		}
		out.append(String.format(
				"   %7d B over the wire, %7d B unpacked  in all (%d requests); the page shows %s members' pledges",
				wire, body, entries.size(),
				this.driver.executeScript("return document.querySelectorAll('.member').length")));
		return out.toString();
	}

	/**
	 * First contentful paint and DOMContentLoaded of the public page, {@code runs} times.
	 */
	private String times(int runs) {
		List<String> times = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			if (i == 0) {
				this.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
			}
			this.driver.get("about:blank");
			this.driver.get(url(this.page));
			new WebDriverWait(this.driver, Duration.ofSeconds(120))
				.until((d) -> "complete".equals(this.driver.executeScript("return document.readyState")));
			Object fcp = this.driver.executeScript(
					"const p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? Math.round(p.startTime) : -1");
			Object dcl = this.driver.executeScript(
					"return Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd)");
			times.add(fcp + "/" + dcl);
		}
		return "first (empty cache) " + times.get(0) + ", then " + times.subList(1, times.size());
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
