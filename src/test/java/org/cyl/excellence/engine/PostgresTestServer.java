package org.cyl.excellence.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * The PostgreSQL server the PostgreSQL tests run on, and a fresh database of their own on
 * it. The server is {@code jdbc:postgresql://127.0.0.1:5432/postgres} as user
 * {@code postgres} with no password, unless the system properties
 * {@code postgres.test.url}, {@code postgres.test.user}, {@code postgres.test.password}
 * or the environment variables {@code POSTGRES_TEST_URL}, {@code POSTGRES_TEST_USER},
 * {@code POSTGRES_TEST_PASSWORD} say otherwise; the URL names a database the user may
 * connect to, and the user must be allowed to create databases.
 */
final class PostgresTestServer {

	static final String URL = setting("postgres.test.url", "POSTGRES_TEST_URL",
			"jdbc:postgresql://127.0.0.1:5432/postgres");

	static final String USER = setting("postgres.test.user", "POSTGRES_TEST_USER", "postgres");

	static final String PASSWORD = setting("postgres.test.password", "POSTGRES_TEST_PASSWORD", "");

	private PostgresTestServer() {
	}

	private static String setting(String property, String env, String fallback) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(env);
		}
		return (value == null || value.isBlank()) ? fallback : value;
	}

	/** Whether the server answers within a few seconds. */
	static boolean reachable() {
		try (Connection connection = connect(URL)) {
			return connection.isValid(3);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** The message a test class skips itself with when the server is not there. */
	static String notReachable() {
		return "PostgreSQL not reachable at " + URL + " as " + USER
				+ ": skipped (set postgres.test.url / POSTGRES_TEST_URL, ...user, ...password to run them)";
	}

	/** Creates a database with a name of its own; returns its name. */
	static String createDatabase() throws SQLException {
		String name = "excellence_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute("create database " + name);
		return name;
	}

	/** Ends every connection to the database and drops it. */
	static void dropDatabase(String name) throws SQLException {
		execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name
				+ "' and pid <> pg_backend_pid()");
		execute("drop database if exists " + name);
	}

	/** The JDBC URL of a database on the same server. */
	static String urlOf(String database) {
		int query = URL.indexOf('?');
		String base = (query < 0) ? URL : URL.substring(0, query);
		String params = (query < 0) ? "" : URL.substring(query);
		return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = connect(URL); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static Connection connect(String url) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", USER);
		properties.setProperty("password", PASSWORD);
		properties.setProperty("connectTimeout", "3");
		properties.setProperty("loginTimeout", "5");
		return DriverManager.getConnection(url, properties);
	}

}
