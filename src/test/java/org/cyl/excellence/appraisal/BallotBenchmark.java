package org.cyl.excellence.appraisal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.cyl.excellence.campaign.CampaignTestSupport;
import org.cyl.excellence.engine.BenchmarkApplication;
import org.cyl.excellence.engine.StatementCounter;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: a benchmark, run with
 * {@code ./mvnw -Pbenchmark test -Dtest=BallotBenchmark}. Prints how many ballots per
 * second the ballot page takes over HTTP from concurrent clients, beside the rate of a
 * plain insert into the same table in the same run, on PostgreSQL where the test server
 * answers, else H2 (see {@link BenchmarkApplication}). No timed assertion: the figures
 * are to be read. {@code -Dballots=}, {@code -Dclients=}.
 */
class BallotBenchmark {

	static final int BALLOTS = Integer.getInteger("ballots", 20000);

	static final int CLIENTS = Integer.getInteger("clients", 16);

	@Test
	void ballotsPerSecond() throws Exception {
		try (BenchmarkApplication app = BenchmarkApplication.start("ballots")) {
			run(app);
		}
	}

	private void run(BenchmarkApplication app) throws Exception {
		CampaignTestSupport support = app.bean(CampaignTestSupport.class);
		BallotTokens tokens = app.bean(BallotTokens.class);
		JdbcClient jdbc = app.bean(JdbcClient.class);
		TransactionTemplate transaction = app.bean(TransactionTemplate.class);
		String base = "http://localhost:" + app.port;
		String machine = BenchmarkApplication.machine();

		// appraisals of at most 2,000 ballots each (the form's limit), enough of them for
		// the run
		List<String> links = new ArrayList<>();
		String id = null;
		long issuing = System.nanoTime();
		for (int a = 0; links.size() < BALLOTS; a++) {
			var appraisal = support.startAppraisal("BENCH" + a + "x" + System.nanoTime() % 10000);
			id = support.initiateAppraisal(appraisal.getId(), 2000);
			for (int i = 0; i < 2000; i++) {
				links.add(tokens.token(id, i));
			}
		}
		double issueSeconds = (System.nanoTime() - issuing) / 1e9;
		String insertInto = id;
		String answers = "[\"SATISFIED\",\"FAIRLY\",\"BASIC\",\"SATISFIED\",\"SATISFIED\"]";

		// the ceiling: plain inserts into the same table, one transaction each, from the
		// same number of threads
		double insertRate = BenchmarkApplication.rate(BALLOTS, CLIENTS,
				(i) -> transaction.executeWithoutResult((s) -> jdbc
					.sql("insert into ballot (id, appraisal_id, answers, comment) values (?, ?, ?, null)")
					.params(UUID.randomUUID().toString(), insertInto, answers)
					.update()));

		// the ballot page: POST /ballot/{token} over HTTP, a distinct link per request
		String body = "item0=SATISFIED&item1=FAIRLY&item2=BASIC&item3=SATISFIED&item4=SATISFIED";
		AtomicInteger refused = new AtomicInteger();
		java.util.Map<String, long[]> writesBefore = app.tableWrites();
		StatementCounter.Reading statementsBefore = StatementCounter.Reading.now();
		double httpRate = BenchmarkApplication.rate(BALLOTS, CLIENTS, (i) -> {
			if (BenchmarkApplication
				.http("POST", base + "/ballot/" + links.get(i), body, "Content-Type",
						"application/x-www-form-urlencoded")
				.status() != 200) {
				refused.incrementAndGet();
			}
		});
		StatementCounter.Reading httpStatements = StatementCounter.Reading.now().since(statementsBefore);
		String httpWrites = BenchmarkApplication.writesPer(writesBefore, app.tableWrites(), BALLOTS);
		int counted = jdbc.sql("select count(*) from ballot").query(Integer.class).single();

		// for scale: the same clients fetching a small static file (no database at all)
		double staticRate = BenchmarkApplication.rate(BALLOTS, CLIENTS,
				(i) -> BenchmarkApplication.http("GET", base + "/css/app.css", null));

		System.out.println();
		System.out.println("=== ballots, " + app.database + " ===");
		System.out.println(machine + "; " + CLIENTS + " concurrent clients/threads");
		System.out.printf("issuing %,d ballot links (HMAC + hash + insert): %.1f s%n", links.size(), issueSeconds);
		System.out.printf("%-52s %,10.0f /s%n", "plain insert into ballot (ceiling)", insertRate);
		System.out.printf("%-52s %,10.0f /s  (%.2f of the ceiling)%n", "ballots through POST /ballot/{token} over HTTP",
				httpRate, httpRate / insertRate);
		System.out.printf("%-52s %,10.0f /s  (ballots: %.2f of it; the aim 0.8)%n",
				"GET a static file over HTTP (no database)", staticRate, httpRate / staticRate);
		System.out.printf("per ballot through HTTP: %.1f SQL statements (%.2f batches); rows written per ballot:%n%s",
				httpStatements.statements() / (double) BALLOTS, httpStatements.batches() / (double) BALLOTS,
				httpWrites);
		System.out.printf("ballot rows: %,d (%,d inserted + %,d through HTTP expected); refused responses: %d%n",
				counted, BALLOTS, BALLOTS, refused.get());
		System.out.println();
	}

}
