package org.cyl.excellence.engine;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.cyl.excellence.TestHttp;

/**
 * One node of the application as production runs it: the packaged jar
 * ({@code target/excellence-campaign-*.jar}, built by {@code ./mvnw verify}'s package
 * phase before the integration tests) in a JVM of its own, with the {@code postgres}
 * profile on a database of the PostgreSQL test server, its job executor on. Its output
 * goes to {@code target/nodes/<name>.log}. {@link #kill()} is {@code kill -9}: no
 * shutdown hook, no connection closed, whatever was in flight is cut off.
 */
final class ApplicationNode implements AutoCloseable {

	/**
	 * The job executor's lock on a job: a dead node's jobs are free again after it. Not
	 * shorter: a job still running when its lock runs out is taken again by another
	 * thread, and neither run can commit.
	 */
	static final Duration LOCK_TIME = Duration.ofSeconds(30);

	final String name;

	final int port;

	private final List<String> command;

	private final Path log;

	private Process process;

	private ApplicationNode(String name, int port, List<String> command, Path log) {
		this.name = name;
		this.port = port;
		this.command = command;
		this.log = log;
	}

	/**
	 * A node named {@code name} (also the engine's host name, which the job log records)
	 * on {@code database}; {@code arguments} add or override application settings.
	 */
	static ApplicationNode start(String name, String database, String... arguments) throws IOException {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx768m", "-XX:TieredStopAtLevel=1",
				"-Djava.awt.headless=true", "-jar", jar().toString(), "--server.port=" + port,
				"--spring.profiles.active=postgres", "--spring.datasource.url=" + PostgresTestServer.urlOf(database),
				"--spring.datasource.username=" + PostgresTestServer.USER,
				"--spring.datasource.password=" + PostgresTestServer.PASSWORD,
				"--camunda.bpm.generic-properties.properties.hostname=" + name, "--app.demo-data.campaign=false",
				"--app.data-dir=target/nodes/" + name,
				"--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
				// an idle node looks for new jobs at least every 2 s (not up to 60 s), so
				// that both nodes take their share of a fan-out another node started
				"--camunda.bpm.job-execution.max-wait=2000", "--logging.level.root=warn",
				"--logging.level.org.cyl.excellence=info"));
		command.addAll(Arrays.asList(arguments));
		Path log = Path.of("target", "nodes", name + ".log");
		Files.createDirectories(log.getParent());
		ApplicationNode node = new ApplicationNode(name, port, command, log);
		node.launch();
		return node;
	}

	private void launch() throws IOException {
		this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
			.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + this.process.exitValue() + ":\n" + tail());
			}
			try {
				if (TestHttp.anonymous(this.port).get("/login").statusCode() == 200) {
					return;
				}
			}
			catch (UncheckedIOException ex) {
				// not listening yet
			}
			sleep(500);
		}
		this.process.destroyForcibly();
		throw new IllegalStateException(this.name + " did not answer within 180 s:\n" + tail());
	}

	/** Starts the same node again (same port, same settings) after {@link #kill()}. */
	void restart() throws IOException {
		if (this.process.isAlive()) {
			throw new IllegalStateException(this.name + " is still running");
		}
		launch();
	}

	/** {@code kill -9}. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException(this.name + " did not die");
		}
	}

	boolean alive() {
		return this.process != null && this.process.isAlive();
	}

	TestHttp basic(String user, String password) {
		return TestHttp.basic(this.port, user, password);
	}

	TestHttp anonymous() {
		return TestHttp.anonymous(this.port);
	}

	/**
	 * Expects the response taken, else fails with the status, body and the log's tail.
	 */
	HttpResponse<String> expect(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new AssertionError(this.name + " answered " + response.statusCode() + " (expected " + status + "): "
					+ response.body() + "\n" + tail());
		}
		return response;
	}

	/** A graceful stop (SIGTERM), as an operator's restart. */
	@Override
	public void close() throws InterruptedException {
		if (alive()) {
			this.process.destroy();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				kill();
			}
		}
	}

	/** The last lines of the node's log, for a failure's message. */
	String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static Path jar() {
		String configured = System.getProperty("app.jar");
		Path jar = (configured != null && !configured.isBlank()) ? Path.of(configured) : null;
		if (jar == null) {
			File[] jars = new File("target")
				.listFiles((dir, file) -> file.startsWith("excellence-campaign-") && file.endsWith(".jar"));
			jar = (jars != null && jars.length == 1) ? jars[0].toPath() : null;
		}
		if (jar == null || !Files.isRegularFile(jar)) {
			throw new IllegalStateException(
					"the application's jar is not built: run ./mvnw verify (the integration tests run after package)");
		}
		return jar;
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
