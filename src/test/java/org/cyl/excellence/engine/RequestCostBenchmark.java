package org.cyl.excellence.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a benchmark, run with
 * {@code ./mvnw -Pbenchmark test -Dtest=RequestCostBenchmark}. What a request costs the
 * application before it does any work: requests that do (almost) nothing, from concurrent
 * keep-alive clients, each kind beside a static file over the same HTTP stack in the same
 * run. A static file (no login), {@code GET /engine-rest/version} with HTTP Basic (Spring
 * Security's chain, the password check, Camunda's REST filter and Jersey),
 * {@code GET /engine-rest/task/count} with HTTP Basic (the same and one engine query
 * under the person's authorizations), Tasklist's own {@code task/count} with a session
 * cookie (the session read from the database instead of the password check), and the
 * password check alone ({@code IdentityService.checkPassword}). The kinds take turns,
 * {@code -Drounds=} times, and the median of the rounds is printed, so that a moment of
 * load on the shared cores does not fall on one kind only. Profile it with Java Flight
 * Recorder ({@code -DargLine="-XX:StartFlightRecording=filename=…,settings=profile"}):
 * the run is long enough for thousands of samples per kind. {@code -Drequests=} (per kind
 * and round), {@code -Dclients=}.
 */
class RequestCostBenchmark {

	static final int REQUESTS = Integer.getInteger("requests", 4000);

	static final int ROUNDS = Integer.getInteger("rounds", 3);

	static final int CLIENTS = Integer.getInteger("clients", 8);

	/** A branch secretary of the demo university (README, demo accounts). */
	static final String PERSON = "sec120101";

	@Test
	void requestsPerSecond() throws Exception {
		try (BenchmarkApplication app = BenchmarkApplication.start("requests")) {
			run(app);
		}
	}

	private void run(BenchmarkApplication app) throws Exception {
		String base = "http://localhost:" + app.port;
		String basic = BenchmarkApplication.basic(PERSON, "demo");
		String[] session = BenchmarkApplication.login(base, PERSON);
		IdentityService identity = app.bean(IdentityService.class);
		AtomicInteger refused = new AtomicInteger();

		Map<String, BenchmarkApplication.Step> kinds = new LinkedHashMap<>();
		kinds.put("GET a static file (/css/app.css, no login)",
				(i) -> expect(200, BenchmarkApplication.http("GET", base + "/css/app.css", null), refused));
		kinds.put("GET /engine-rest/version, HTTP Basic",
				(i) -> expect(200,
						BenchmarkApplication.http("GET", base + "/engine-rest/version", null, "Authorization", basic),
						refused));
		kinds.put("GET /engine-rest/task/count, HTTP Basic", (i) -> expect(200,
				BenchmarkApplication.http("GET", base + "/engine-rest/task/count", null, "Authorization", basic),
				refused));
		kinds.put("GET /camunda/api/engine/.../task/count, session (Tasklist)",
				(i) -> expect(200,
						BenchmarkApplication.http("GET", base + "/camunda/api/engine/engine/default/task/count", null,
								"Cookie", session[0], "X-XSRF-TOKEN", session[1]),
						refused));
		kinds.put("IdentityService.checkPassword alone (no HTTP)", (i) -> identity.checkPassword(PERSON, "demo"));

		// warm-up: every kind once, as long as a round
		for (BenchmarkApplication.Step step : kinds.values()) {
			BenchmarkApplication.rate(REQUESTS, CLIENTS, step);
		}
		Map<String, double[]> rates = new LinkedHashMap<>();
		kinds.keySet().forEach((kind) -> rates.put(kind, new double[ROUNDS]));
		Map<String, Long> statements = new LinkedHashMap<>();
		// when each kind ran (for a profile's samples)
		List<String> times = new ArrayList<>();
		java.time.format.DateTimeFormatter clock = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
			.withZone(java.time.ZoneOffset.UTC);
		for (int round = 0; round < ROUNDS; round++) {
			int k = 0;
			for (Map.Entry<String, BenchmarkApplication.Step> kind : kinds.entrySet()) {
				java.time.Instant start = java.time.Instant.now();
				StatementCounter.Reading before = StatementCounter.Reading.now();
				rates.get(kind.getKey())[round] = BenchmarkApplication.rate(REQUESTS, CLIENTS, kind.getValue());
				statements.merge(kind.getKey(), StatementCounter.Reading.now().since(before).statements(), Long::sum);
				times.add((k++) + ":" + clock.format(start) + "-" + clock.format(java.time.Instant.now()));
			}
		}

		double staticRate = median(rates.values().iterator().next());
		System.out.println();
		System.out.println("=== what a request costs, " + app.database + " ===");
		System.out.println(BenchmarkApplication.machine() + "; " + CLIENTS + " concurrent keep-alive clients; "
				+ REQUESTS + " requests per kind and round, " + ROUNDS + " rounds taking turns; median of the rounds");
		for (Map.Entry<String, double[]> kind : rates.entrySet()) {
			double rate = median(kind.getValue());
			List<String> each = new ArrayList<>();
			for (double r : kind.getValue()) {
				each.add(String.format("%.0f", r));
			}
			System.out.printf(
					"%-62s %7.0f /s  %.2f of the static file  %.2f ms of the cores each  %.1f statements  (rounds: %s)%n",
					kind.getKey(), rate, rate / staticRate, 2 * 1000 / rate,
					statements.get(kind.getKey()) / (double) (REQUESTS * ROUNDS), String.join(", ", each));
		}
		System.out.println("refused responses: " + refused.get() + "; kinds by number and UTC time (for a profile): "
				+ String.join(" ", times));
		System.out.println();
	}

	private static void expect(int status, BenchmarkApplication.Response response, AtomicInteger refused) {
		if (response.status() != status && refused.incrementAndGet() < 3) {
			System.out
				.println("refused: " + response.status() + " " + response.headers().get(null) + " " + response.body());
		}
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
