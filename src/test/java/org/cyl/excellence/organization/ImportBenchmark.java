package org.cyl.excellence.organization;

import java.io.BufferedWriter;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cyl.excellence.engine.BenchmarkApplication;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a benchmark, run with
 * {@code ./mvnw -Pbenchmark test -Dtest=ImportBenchmark}. A province's organisation —
 * {@code -Dbranches=} branches (default 3,000) of {@code -DmembersPerBranch=} members
 * (default 33) under 团总支 of a hundred branches, an account for each secretary — written
 * as the three CSV files to disk and uploaded by the administrator over HTTP as
 * {@code curl -F} would, then uploaded again (nothing changes). The node's resident
 * memory and heap are sampled every 100 ms during each upload. The ceiling, in the same
 * run: the same members file parsed and inserted with plain JDBC batches of a thousand
 * into a copy of the member table, in one transaction. No timed assertion.
 */
class ImportBenchmark {

	static final int BRANCHES = Integer.getInteger("branches", 3000);

	static final int MEMBERS = Integer.getInteger("membersPerBranch", 33);

	@Test
	void importProvince() throws Exception {
		try (BenchmarkApplication app = BenchmarkApplication.start("import")) {
			run(app);
		}
	}

	private void run(BenchmarkApplication app) throws Exception {
		String loadAtStart = BenchmarkApplication.machine();
		Path dir = Files.createTempDirectory("import-benchmark");
		try {
			String prefix = "IB" + System.nanoTime() % 100000;
			long t0 = System.nanoTime();
			Map<String, Path> files = write(dir, prefix);
			double writeSeconds = seconds(t0);
			String idle = BenchmarkApplication.memory();

			Upload first = upload(app, files);
			Upload again = upload(app, files);
			Ceiling ceiling = ceiling(app.bean(DataSource.class), files.get(OrganizationImport.MEMBERS));

			long members = (long) BRANCHES * MEMBERS;
			System.out.println();
			System.out.println(
					"=== organisation import over HTTP (POST /api/organizations/import), " + app.database + " ===");
			System.out
				.println(loadAtStart + " (at the start); " + BenchmarkApplication.loadAverage() + " (at the end)");
			System.out.printf(
					"files: %,d branches, %,d members (accounts: the %,d secretaries), %,d role lines;"
							+ " %s written in %.1f s%n",
					BRANCHES, members, BRANCHES, BRANCHES + 2, sizes(files), writeSeconds);
			System.out.println("before the upload: " + idle);
			System.out.printf("%-46s %8.1f s  %,9.0f members/s  peak resident %,d MB, heap used %,d MB at most%n",
					"first import (everything created)", first.seconds, members / first.seconds, first.peakResidentMb,
					first.peakHeapMb);
			System.out.println("  answer: " + first.status + " " + abbreviate(first.body));
			System.out.printf("%-46s %8.1f s  %,9.0f members/s  peak resident %,d MB, heap used %,d MB at most%n",
					"the same files again (nothing changes)", again.seconds, members / again.seconds,
					again.peakResidentMb, again.peakHeapMb);
			System.out.println("  answer: " + again.status + " " + abbreviate(again.body));
			System.out.printf("%-46s %8.1f s  %,9.0f members/s%n", "ceiling: members.csv parsed + JDBC batch insert",
					ceiling.seconds, members / ceiling.seconds);
			System.out.printf("first import / ceiling (members per second): %.2f%n",
					(members / first.seconds) / (members / ceiling.seconds));
			System.out.println("after: " + BenchmarkApplication.memory());
			System.out.println();
		}
		finally {
			try (var paths = Files.list(dir)) {
				for (Path p : paths.toList()) {
					Files.deleteIfExists(p);
				}
			}
			Files.deleteIfExists(dir);
		}
	}

	/** The three files, written line by line (never whole in memory). */
	private static Map<String, Path> write(Path dir, String prefix) throws Exception {
		Path orgs = dir.resolve("organizations.csv");
		Path members = dir.resolve("members.csv");
		Path roles = dir.resolve("roles.csv");
		LocalDate born = LocalDate.of(2003, 1, 1);
		try (BufferedWriter o = Files.newBufferedWriter(orgs);
				BufferedWriter m = Files.newBufferedWriter(members);
				BufferedWriter r = Files.newBufferedWriter(roles)) {
			o.write("code,name,type,parent_code,party_org_code\n");
			o.write("P" + prefix + ",测试党委" + prefix + ",党组织,,\n");
			o.write(prefix + ",测试团委" + prefix + ",团委,1,P" + prefix + "\n");
			m.write("league_no,name,org_code,cadre,username,birth_date,joined_league_on\n");
			r.write("username,name,org_code,role,email\n");
			r.write(prefix + "c,委员" + prefix + "," + prefix + ",committee,\n");
			for (int b = 1; b <= BRANCHES; b++) {
				String general = prefix + "G" + ((b - 1) / 100 + 1);
				if ((b - 1) % 100 == 0) {
					o.write(general + ",测试团总支" + general + ",团总支," + prefix + ",\n");
				}
				String branch = prefix + "B" + b;
				o.write(branch + ",测试支部" + b + ",团支部," + general + ",\n");
				for (int k = 1; k <= MEMBERS; k++) {
					LocalDate birth = born.plusDays((b * 31L + k) % 2000);
					m.write(prefix + "-" + b + "-" + k + ",团员" + b + "号" + k + "," + branch + ","
							+ ((k == 1) ? "是" : "否") + "," + ((k == 1) ? prefix + "s" + b : "") + "," + birth + ","
							+ birth.plusYears(15) + "\n");
				}
				r.write(prefix + "s" + b + ",," + branch + ",secretary,\n");
			}
		}
		return Map.of(OrganizationImport.ORGANIZATIONS, orgs, OrganizationImport.MEMBERS, members,
				OrganizationImport.ROLES, roles);
	}

	private record Upload(double seconds, int status, String body, long peakResidentMb, long peakHeapMb) {
	}

	/**
	 * The files as one multipart request, streamed from disk, with the memory sampled.
	 */
	private static Upload upload(BenchmarkApplication app, Map<String, Path> files) throws Exception {
		String boundary = "----benchmark" + UUID.randomUUID();
		List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
		for (Map.Entry<String, Path> file : files.entrySet()) {
			parts.add(HttpRequest.BodyPublishers.ofString(
					"--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey() + "\"; filename=\""
							+ file.getValue().getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n",
					StandardCharsets.UTF_8));
			parts.add(HttpRequest.BodyPublishers.ofFile(file.getValue()));
			parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
		}
		parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + app.port + "/api/organizations/import"))
			.timeout(Duration.ofHours(1))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new)))
			.build();
		System.gc();
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong peakResident = new AtomicLong();
		AtomicLong peakHeap = new AtomicLong();
		Thread sampler = new Thread(() -> {
			while (running.get()) {
				peakResident.accumulateAndGet(residentKb(), Math::max);
				peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
						Math::max);
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.start();
		long t0 = System.nanoTime();
		HttpResponse<String> response;
		try {
			response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		finally {
			running.set(false);
			sampler.join();
		}
		return new Upload(seconds(t0), response.statusCode(), response.body(), peakResident.get() / 1024,
				peakHeap.get() / (1024 * 1024));
	}

	private record Ceiling(double seconds) {
	}

	/**
	 * The same members parsed (the same CSV parser) and inserted with plain JDBC batches
	 * of a thousand into a scratch copy of the member table, one transaction.
	 */
	private static Ceiling ceiling(DataSource dataSource, Path members) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (var statement = connection.createStatement()) {
				statement.execute("create table import_ceiling (league_no varchar(32) primary key, name varchar(100),"
						+ " org_code varchar(32), cadre boolean, username varchar(64), birth_date date,"
						+ " joined_league_on date)");
			}
			connection.commit();
			long t0 = System.nanoTime();
			try (Reader reader = Files.newBufferedReader(members);
					PreparedStatement insert = connection
						.prepareStatement("insert into import_ceiling values (?, ?, ?, ?, ?, ?, ?)")) {
				int batch = 0;
				boolean header = true;
				for (CSVRecord record : CSVFormat.DEFAULT.parse(reader)) {
					if (header) {
						header = false;
						continue;
					}
					insert.setString(1, record.get(0));
					insert.setString(2, record.get(1));
					insert.setString(3, record.get(2));
					insert.setBoolean(4, "是".equals(record.get(3)));
					insert.setString(5, record.get(4).isEmpty() ? null : record.get(4));
					insert.setObject(6, LocalDate.parse(record.get(5)));
					insert.setObject(7, LocalDate.parse(record.get(6)));
					insert.addBatch();
					if (++batch == OrganizationImport.BATCH) {
						insert.executeBatch();
						batch = 0;
					}
				}
				insert.executeBatch();
			}
			connection.commit();
			double seconds = seconds(t0);
			try (var statement = connection.createStatement()) {
				statement.execute("drop table import_ceiling");
			}
			connection.commit();
			return new Ceiling(seconds);
		}
	}

	private static long residentKb() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (java.io.IOException | RuntimeException ex) {
			// not Linux: no figure
		}
		return 0;
	}

	private static String sizes(Map<String, Path> files) throws java.io.IOException {
		long bytes = 0;
		for (Path p : files.values()) {
			bytes += Files.size(p);
		}
		return String.format("%,d MB", bytes / (1024 * 1024));
	}

	private static String abbreviate(String body) {
		return (body.length() > 300) ? body.substring(0, 300) + " …" : body;
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
