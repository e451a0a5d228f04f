package org.cyl.excellence.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.cyl.excellence.ExcellenceCampaignApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application (web layer, security chain, engine named "default") for a
 * benchmark: on a fresh PostgreSQL database of its own with the {@code postgres} profile
 * where the PostgreSQL test server answers (see {@link PostgresTestServer}; dropped on
 * {@link #close()}), else on a fresh H2 file database under {@code target/benchmark}.
 * {@code -Dbenchmark.h2=true} forces H2. Also the timing helpers the benchmarks share.
 */
public final class BenchmarkApplication implements AutoCloseable {

	final ConfigurableApplicationContext context;

	public final int port;

	/** Which database, for the printed table. */
	public final String database;

	private final String postgresDatabase;

	/** The arguments that name the database, for a second node on it. */
	private final List<String> databaseArguments;

	/**
	 * Whether closing this node drops its PostgreSQL database (the first node's does).
	 */
	private final boolean ownsDatabase;

	private BenchmarkApplication(ConfigurableApplicationContext context, String database, String postgresDatabase,
			List<String> databaseArguments, boolean ownsDatabase) {
		this.context = context;
		this.port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
		this.database = database;
		this.postgresDatabase = postgresDatabase;
		this.databaseArguments = databaseArguments;
		this.ownsDatabase = ownsDatabase;
	}

	/**
	 * Starts the application with the job executor off, unless {@code arguments}
	 * ({@code --name=value}) say otherwise: an argument replaces the default of the same
	 * name.
	 */
	public static BenchmarkApplication start(String name, String... arguments) throws Exception {
		List<String> args = defaults(arguments);
		String postgres = null;
		String label;
		String reused = System.getProperty("benchmark.database");
		List<String> databaseArguments = new ArrayList<>();
		if (!Boolean.getBoolean("benchmark.h2") && PostgresTestServer.reachable()) {
			postgres = (reused != null && !reused.isBlank()) ? reused : PostgresTestServer.createDatabase();
			databaseArguments.addAll(List.of("--spring.profiles.active=postgres",
					"--spring.datasource.url=" + PostgresTestServer.urlOf(postgres),
					"--spring.datasource.username=" + PostgresTestServer.USER,
					"--spring.datasource.password=" + PostgresTestServer.PASSWORD));
			label = "PostgreSQL (" + PostgresTestServer.URL + ", "
					+ ((postgres.equals(reused)) ? "database kept from an earlier run " : "fresh database ") + postgres
					+ (keeps() ? ", kept" : "") + ")";
		}
		else {
			String file = "./target/benchmark/" + name + "-" + UUID.randomUUID();
			databaseArguments.add("--spring.datasource.url=jdbc:h2:file:" + file);
			label = "H2 file database (" + (Boolean.getBoolean("benchmark.h2") ? "-Dbenchmark.h2=true"
					: PostgresTestServer.notReachable().replace(": skipped", "")) + ")";
		}
		args.addAll(databaseArguments);
		args.addAll(Arrays.asList(arguments));
		try {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(ExcellenceCampaignApplication.class)
				.initializers(new StatementCounter())
				.run(args.toArray(String[]::new));
			return new BenchmarkApplication(context, label, postgres, databaseArguments, true);
		}
		catch (RuntimeException ex) {
			if (postgres != null && !keeps()) {
				PostgresTestServer.dropDatabase(postgres);
			}
			throw ex;
		}
	}

	/**
	 * The defaults of every node (job executor off, a free port, warnings only) that
	 * {@code arguments} do not set.
	 */
	private static List<String> defaults(String... arguments) {
		List<String> args = new ArrayList<>();
		for (String setting : List.of("--server.port=0", "--logging.level.root=warn",
				"--camunda.bpm.job-execution.enabled=false", "--app.demo-data.campaign=false")) {
			String key = setting.substring(0, setting.indexOf('=') + 1);
			if (Arrays.stream(arguments).noneMatch((a) -> a.startsWith(key))) {
				args.add(setting);
			}
		}
		return args;
	}

	/**
	 * A second node on this node's database: the whole application again, in a Spring
	 * context of its own in this JVM — its own engine (named "default" too, as in a real
	 * cluster), job executor, thread pool and connection pool, on a port of its own —
	 * with the same defaults as {@link #start} and {@code arguments} over them. It
	 * deploys nothing new (the models are unchanged: duplicate filtering) and loads no
	 * demo data (the organisation tables are not empty). Camunda keeps its engines by
	 * name in a static registry and the webapps their runtime in static fields: in this
	 * JVM the webapps of both nodes reach the engine registered last, which a benchmark
	 * that calls each node's beans does not use. Closing it leaves the database to the
	 * first node.
	 */
	public BenchmarkApplication secondNode(String... arguments) {
		List<String> args = defaults(arguments);
		args.addAll(this.databaseArguments);
		args.addAll(Arrays.asList(arguments));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ExcellenceCampaignApplication.class)
			.initializers(new StatementCounter())
			.run(args.toArray(String[]::new));
		return new BenchmarkApplication(context, this.database, this.postgresDatabase, this.databaseArguments, false);
	}

	/**
	 * On PostgreSQL, {@code VACUUM ANALYZE} of the whole database, as autovacuum would do
	 * in production after the setup's bulk inserts (a server with autovacuum off keeps
	 * the planner's statistics of the empty tables and picks nested loops over every
	 * task, and without a vacuum no page is marked all-visible, so no index-only scan
	 * skips the table); returns what was done, for the printed table.
	 */
	public String analyze() {
		if (this.postgresDatabase == null) {
			return "H2 (no ANALYZE)";
		}
		org.springframework.jdbc.core.simple.JdbcClient jdbc = bean(
				org.springframework.jdbc.core.simple.JdbcClient.class);
		String autovacuum = jdbc.sql("show autovacuum").query(String.class).single();
		long start = System.nanoTime();
		jdbc.sql("vacuum analyze").update();
		return String.format("VACUUM ANALYZE after the setup (%.1f s); autovacuum on this server: %s",
				(System.nanoTime() - start) / 1e9, autovacuum);
	}

	/**
	 * On PostgreSQL, the rows inserted, updated and deleted so far in each of the
	 * database's tables ({@code pg_stat_user_tables}), read after waiting for every
	 * connection to have reported its counts (PostgreSQL's backends report at most every
	 * second, an idle one after ten); empty on H2.
	 */
	public java.util.Map<String, long[]> tableWrites() throws InterruptedException {
		if (this.postgresDatabase == null) {
			return java.util.Map.of();
		}
		Thread.sleep(11_000);
		org.springframework.jdbc.core.simple.JdbcClient jdbc = bean(
				org.springframework.jdbc.core.simple.JdbcClient.class);
		java.util.Map<String, long[]> writes = new java.util.TreeMap<>();
		jdbc.sql("select pg_stat_clear_snapshot()").query().listOfRows();
		jdbc.sql("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables")
			.query((rs, n) -> writes.put(rs.getString(1).toUpperCase(java.util.Locale.ROOT),
					new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) }))
			.list();
		return writes;
	}

	/**
	 * The rows written per {@code count} units of work between two readings of
	 * {@link #tableWrites()}, table by table (inserted / updated / deleted), the largest
	 * first; one line per table.
	 */
	public static String writesPer(java.util.Map<String, long[]> before, java.util.Map<String, long[]> after,
			int count) {
		StringBuilder lines = new StringBuilder();
		double[] total = new double[3];
		after.entrySet().stream().map((e) -> {
			long[] b = before.getOrDefault(e.getKey(), new long[3]);
			long[] a = e.getValue();
			return java.util.Map.entry(e.getKey(), new double[] { (a[0] - b[0]) / (double) count,
					(a[1] - b[1]) / (double) count, (a[2] - b[2]) / (double) count });
		})
			.filter((e) -> e.getValue()[0] + e.getValue()[1] + e.getValue()[2] > 0.005)
			.sorted((x, y) -> Double.compare(y.getValue()[0] + y.getValue()[1] + y.getValue()[2],
					x.getValue()[0] + x.getValue()[1] + x.getValue()[2]))
			.forEach((e) -> {
				double[] w = e.getValue();
				for (int i = 0; i < 3; i++) {
					total[i] += w[i];
				}
				lines.append(String.format("  %-28s %6.2f inserted %6.2f updated %6.2f deleted%n", e.getKey(), w[0],
						w[1], w[2]));
			});
		lines.append(String.format("  %-28s %6.2f inserted %6.2f updated %6.2f deleted%n", "in all", total[0], total[1],
				total[2]));
		return lines.toString();
	}

	/**
	 * On PostgreSQL, {@code ANALYZE} of the engine's runtime and process history tables
	 * and the branches of campaigns, as autovacuum would while a fan-out fills them.
	 */
	public void analyzeGrowing() {
		if (this.postgresDatabase != null) {
			bean(org.springframework.jdbc.core.simple.JdbcClient.class)
				.sql("analyze act_hi_procinst, act_ru_execution, act_ru_task, act_ru_identitylink, act_ru_job,"
						+ " act_ru_authorization, act_ru_variable, campaign_branch")
				.update();
		}
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() throws Exception {
		this.context.close();
		if (this.ownsDatabase && this.postgresDatabase != null && !keeps()) {
			PostgresTestServer.dropDatabase(this.postgresDatabase);
		}
	}

	/**
	 * {@code -Dbenchmark.keep=true} keeps the PostgreSQL database after the run (for
	 * {@code EXPLAIN ANALYZE} by hand, or a second run on the same data);
	 * {@code -Dbenchmark.database=<name>} runs on such a kept database instead of a fresh
	 * one and keeps it too. A benchmark that finds its setup already there skips it.
	 */
	static boolean keeps() {
		return Boolean.getBoolean("benchmark.keep") || System.getProperty("benchmark.database") != null;
	}

	/** Whether this run is on a database kept from an earlier run. */
	public boolean reused() {
		return this.postgresDatabase != null && this.postgresDatabase.equals(System.getProperty("benchmark.database"));
	}

	/** The machine, for the printed table. */
	public static String machine() {
		return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
				+ ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, load average "
				+ loadAverage();
	}

	/** Other work on the machine skews the figures: the load average says how much. */
	public static String loadAverage() {
		try {
			return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
		}
		catch (java.io.IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	/**
	 * The JVM's memory: resident set (VmRSS) and its peak (VmHWM) from
	 * {@code /proc/self/status} ("unknown" where absent), and the heap in use after a
	 * {@code System.gc()}.
	 */
	public static String memory() {
		String before = procStatus("VmRSS");
		System.gc();
		try {
			// G1 gives the freed heap back to the system in the background
			Thread.sleep(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Runtime runtime = Runtime.getRuntime();
		return "resident " + before + " (peak " + procStatus("VmHWM") + "; " + procStatus("VmRSS")
				+ " after a GC), heap used after GC " + (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024)
				+ " MB of " + runtime.totalMemory() / (1024 * 1024) + " MB committed";
	}

	/** A {@code kB} line of {@code /proc/self/status} in MB, or "unknown". */
	private static String procStatus(String field) {
		try {
			for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
				if (line.startsWith(field + ":")) {
					String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
					return (parts.length == 2 && "kB".equals(parts[1])) ? Long.parseLong(parts[0]) / 1024 + " MB"
							: line.substring(field.length() + 1).trim();
				}
			}
			return "unknown";
		}
		catch (java.io.IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	public interface Step {

		void run(int i) throws Exception;

	}

	/**
	 * Runs steps {@code 0..count-1} on {@code threads} threads; returns steps per second.
	 */
	public static double rate(int count, int threads, Step step) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			AtomicInteger next = new AtomicInteger();
			List<Future<?>> workers = new ArrayList<>();
			long start = System.nanoTime();
			for (int t = 0; t < threads; t++) {
				workers.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						step.run(i);
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
			return count / ((System.nanoTime() - start) / 1e9);
		}
		finally {
			pool.shutdown();
		}
	}

	/** Latencies in milliseconds of {@code count} calls, one after the other. */
	static double[] latencies(int count, Step step) throws Exception {
		double[] millis = new double[count];
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			step.run(i);
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return millis;
	}

	static double percentile(double[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
	}

	/** A response: status and body. */
	public record Response(int status, String body, java.util.Map<String, List<String>> headers) {

	}

	/**
	 * A plain keep-alive HTTP/1.1 request (HttpURLConnection: light on the client's side
	 * of the cores); {@code headers} as name, value, name, value...
	 */
	public static Response http(String method, String url, String body, String... headers) throws java.io.IOException {
		java.net.HttpURLConnection connection = (java.net.HttpURLConnection) java.net.URI.create(url)
			.toURL()
			.openConnection();
		connection.setRequestMethod(method);
		connection.setInstanceFollowRedirects(false);
		for (int h = 0; h + 1 < headers.length; h += 2) {
			connection.setRequestProperty(headers[h], headers[h + 1]);
		}
		if (body != null) {
			connection.setDoOutput(true);
			try (var out = connection.getOutputStream()) {
				out.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		int status = connection.getResponseCode();
		String text = "";
		try (var in = (status < 400) ? connection.getInputStream() : connection.getErrorStream()) {
			if (in != null) {
				text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			}
		}
		return new Response(status, text, connection.getHeaderFields());
	}

	static String basic(String user, String password) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private static final java.util.regex.Pattern CSRF_FIELD = java.util.regex.Pattern
		.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/**
	 * Logs in through the login page and opens Tasklist once; returns the Cookie header
	 * and the webapps' CSRF token.
	 */
	public static String[] login(String base, String user) throws Exception {
		Response page = http("GET", base + "/login", null);
		java.util.regex.Matcher m = CSRF_FIELD.matcher(page.body());
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on /login");
		}
		String cookies = cookies(page, "");
		Response login = http("POST", base + "/login",
				"username=" + user + "&password=demo&_csrf=" + java.net.URLEncoder.encode(m.group(1), "UTF-8"),
				"Content-Type", "application/x-www-form-urlencoded", "Cookie", cookies);
		cookies = cookies(login, cookies);
		Response tasklist = http("GET", base + "/camunda/app/tasklist/default/", null, "Cookie", cookies);
		cookies = cookies(tasklist, cookies);
		String xsrf = null;
		for (String c : cookies.split("; ")) {
			if (c.startsWith("XSRF-TOKEN=")) {
				xsrf = c.substring("XSRF-TOKEN=".length());
			}
		}
		if (login.status() != 302 || xsrf == null) {
			throw new IllegalStateException("login of " + user + ": " + login.status() + ", cookies " + cookies);
		}
		return new String[] { cookies, xsrf };
	}

	/** The cookies so far with the response's Set-Cookie headers applied. */
	private static String cookies(Response response, String cookies) {
		java.util.Map<String, String> jar = new java.util.LinkedHashMap<>();
		for (String c : cookies.split("; ")) {
			if (c.contains("=")) {
				jar.put(c.substring(0, c.indexOf('=')), c.substring(c.indexOf('=') + 1));
			}
		}
		for (java.util.Map.Entry<String, List<String>> header : response.headers().entrySet()) {
			if ("Set-Cookie".equalsIgnoreCase(header.getKey())) {
				for (String set : header.getValue()) {
					String pair = set.split(";", 2)[0];
					jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
				}
			}
		}
		StringBuilder sb = new StringBuilder();
		jar.forEach((k, v) -> sb.append(sb.length() > 0 ? "; " : "").append(k).append('=').append(v));
		return sb.toString();
	}

}
