package org.cyl.excellence.appraisal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.cyl.excellence.campaign.CampaignTestSupport;
import org.cyl.excellence.system.BenchmarkApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: a benchmark, run with {@code ./mvnw -Pbenchmark test}. Prints how many
 * ballots per second the ballot page takes over HTTP from concurrent clients, beside the
 * rate of a plain insert into the same table in the same run, on the H2 file database. No
 * timed assertion: the figures are to be read.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:file:./target/benchmark/ballots-${random.uuid}", "logging.level.root=warn" })
class BallotBenchmark {

	static final int BALLOTS = Integer.getInteger("ballots", 20000);

	static final int CLIENTS = Integer.getInteger("clients", 16);

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	@Autowired
	BallotTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void ballotsPerSecond() throws Exception {
		// appraisals of at most 2,000 ballots each (the form's limit), enough of them for
		// the run
		List<String> links = new ArrayList<>();
		String id = null;
		long issuing = System.nanoTime();
		for (int a = 0; links.size() < BALLOTS; a++) {
			var appraisal = this.support.startAppraisal("BENCH" + a + "x" + System.nanoTime() % 10000);
			id = this.support.initiateAppraisal(appraisal.getId(), 2000);
			for (int i = 0; i < 2000; i++) {
				links.add(this.tokens.token(id, i));
			}
		}
		double issueSeconds = (System.nanoTime() - issuing) / 1e9;
		String insertInto = id;
		String answers = "[\"SATISFIED\",\"FAIRLY\",\"BASIC\",\"SATISFIED\",\"SATISFIED\"]";

		// the ceiling: plain inserts into the same table, one transaction each, from the
		// same number of threads
		double insertRate = BenchmarkApplication.rate(BALLOTS, CLIENTS,
				(i) -> this.transaction.executeWithoutResult((s) -> this.jdbc
					.sql("insert into ballot (id, appraisal_id, answers, comment) values (?, ?, ?, null)")
					.params(UUID.randomUUID().toString(), insertInto, answers)
					.update()));

		// the ballot page: POST /ballot/{token} over HTTP, a distinct link per request
		String body = "item0=SATISFIED&item1=FAIRLY&item2=BASIC&item3=SATISFIED&item4=SATISFIED";
		AtomicInteger refused = new AtomicInteger();
		double httpRate = BenchmarkApplication.rate(BALLOTS, CLIENTS, (i) -> {
			if (post("http://localhost:" + this.port + "/ballot/" + links.get(i), body) != 200) {
				refused.incrementAndGet();
			}
		});
		int counted = this.jdbc.sql("select count(*) from ballot").query(Integer.class).single();

		// for scale: the same clients fetching a small static file (no database at all)
		double staticRate = BenchmarkApplication.rate(BALLOTS, CLIENTS,
				(i) -> get("http://localhost:" + this.port + "/css/app.css"));

		System.out.println();
		System.out.println("=== ballots, H2 file database, " + Runtime.getRuntime().availableProcessors() + " cores, "
				+ CLIENTS + " concurrent clients ===");
		System.out.printf("issuing %,d ballot links (HMAC + hash + insert): %.1f s%n", links.size(), issueSeconds);
		System.out.printf("%-52s %,10.0f /s%n", "plain insert into ballot (ceiling)", insertRate);
		System.out.printf("%-52s %,10.0f /s  (%.2f of the ceiling)%n", "ballots through POST /ballot/{token} over HTTP",
				httpRate, httpRate / insertRate);
		System.out.printf("%-52s %,10.0f /s%n", "GET a static file over HTTP (no database)", staticRate);
		System.out.printf("ballot rows: %,d (%,d inserted + %,d through HTTP expected); refused responses: %d%n",
				counted, BALLOTS, BALLOTS, refused.get());
		System.out.println();
	}

	/**
	 * A plain keep-alive HTTP/1.1 POST (HttpURLConnection: light on the client's side of
	 * the 2 cores).
	 */
	private static int post(String url, String form) throws java.io.IOException {
		java.net.HttpURLConnection connection = (java.net.HttpURLConnection) URI.create(url).toURL().openConnection();
		connection.setRequestMethod("POST");
		connection.setDoOutput(true);
		connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
		try (var out = connection.getOutputStream()) {
			out.write(form.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		return drain(connection);
	}

	private static int get(String url) throws java.io.IOException {
		return drain((java.net.HttpURLConnection) URI.create(url).toURL().openConnection());
	}

	private static int drain(java.net.HttpURLConnection connection) throws java.io.IOException {
		int status = connection.getResponseCode();
		try (var in = (status < 400) ? connection.getInputStream() : connection.getErrorStream()) {
			if (in != null) {
				in.readAllBytes();
			}
		}
		return status;
	}

}
