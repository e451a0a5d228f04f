package org.cyl.excellence.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What PostgreSQL needs to plan Tasklist's queries well once tens of thousands of tasks
 * are open (docs/benchmarks.md, "Tasklist"): every task query joins the person's grants
 * in {@code ACT_RU_AUTHORIZATION} (one row per candidate group per task), filtered on
 * permission bits ({@code PERMS_ & 2 = 2}). Without statistics on those expressions the
 * planner takes the person's thousands of grants for a dozen and compares every task with
 * every grant (seconds for a committee member); with them, and a {@code random_page_cost}
 * for data in memory or on SSD (application-postgres.yaml), it looks each task's grants
 * up in the index. On every start, on PostgreSQL 14 or later: creates the expression
 * statistics if missing (and analyses the table once), and warns when autovacuum is off —
 * without it the statistics never follow the growing tables.
 * <p>
 * It also creates, if missing, the {@link #INDEXES} from which the task queries as
 * {@link TaskListQueries} writes them find a person's grants and their groups' tasks
 * without reading the tables themselves (index-only scans): a committee that sees 30,000
 * tasks otherwise reads 30,000 scattered rows of each table for every list and every
 * count (docs/benchmarks.md). Each costs an index entry per grant or candidate link
 * written. Does nothing on H2.
 */
@Component
class PostgresTuning implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(PostgresTuning.class);

	static final String STATISTICS = "act_ru_authorization_perms";

	/** Name and definition of the indexes for Tasklist's queries. */
	static final Map<String, String> INDEXES = Map.of(
			// a group's grants: the resource type, the type (grant, not revoke), the
			// resource, with the permissions. The resource is a key column, not only
			// included: Camunda looks up one grant by all four (whenever it offers a
			// task to a group), and the planner takes this index for it as readily as
			// Camunda's unique one; with the resource only included, it read all of the
			// group's grants for each look-up, 30,000 for a committee
			"excellence_auth_group_resources",
			"act_ru_authorization (group_id_, resource_type_, type_, resource_id_) include (perms_)",
			// the same for a person's own grants (an assignee's, '*')
			"excellence_auth_user_resources",
			"act_ru_authorization (user_id_, resource_type_, type_, resource_id_) include (perms_)",
			// the tasks offered to a group
			"excellence_ident_lnk_group_task", "act_ru_identitylink (group_id_, type_, task_id_)");

	/**
	 * Indexes an earlier version created, dropped at start: the grants' indexes with the
	 * resource only included, which made every grant lookup of a large group read all of
	 * the group's grants.
	 */
	static final List<String> REPLACED = List.of("excellence_auth_group_grants", "excellence_auth_user_grants");

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	PostgresTuning(DataSource dataSource, JdbcClient jdbc, ProcessEngine engine) {
		// the engine is a parameter so that its tables exist when this runs
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!postgres14OrLater()) {
			return;
		}
		boolean present = this.jdbc.sql("select count(*) from pg_statistic_ext where stxname = ?")
			.param(STATISTICS)
			.query(Long.class)
			.single() > 0;
		if (!present) {
			// READ (2) on tasks and READ_TASK (64) on process definitions: the bits
			// Tasklist's queries test
			this.jdbc
				.sql("create statistics if not exists " + STATISTICS
						+ " on (perms_ & 2), (perms_ & 64) from act_ru_authorization")
				.update();
			this.jdbc.sql("analyze act_ru_authorization").update();
			log.info("Created statistics {} on ACT_RU_AUTHORIZATION's permission bits", STATISTICS);
		}
		for (String name : REPLACED) {
			if (indexExists(name)) {
				this.jdbc.sql("drop index if exists " + name).update();
				log.info("Dropped index {}, replaced by {}", name, INDEXES.keySet());
			}
		}
		INDEXES.forEach((name, definition) -> {
			if (!indexExists(name)) {
				long start = System.nanoTime();
				this.jdbc.sql("create index if not exists " + name + " on " + definition).update();
				log.info("Created index {} on {} in {} ms", name, definition, (System.nanoTime() - start) / 1_000_000);
			}
		});
		if ("off".equals(this.jdbc.sql("show autovacuum").query(String.class).single())) {
			log.warn("PostgreSQL's autovacuum is off: the planner's statistics will not follow the growing task"
					+ " tables, and Tasklist's queries slow down to seconds. Turn it on (the default), or ANALYZE"
					+ " the database regularly.");
		}
	}

	private boolean indexExists(String name) {
		return this.jdbc.sql("select count(*) from pg_indexes where indexname = ?")
			.param(name)
			.query(Long.class)
			.single() > 0;
	}

	private boolean postgres14OrLater() {
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			return "PostgreSQL".equals(meta.getDatabaseProductName()) && meta.getDatabaseMajorVersion() >= 14;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("database not reachable", ex);
		}
	}

}
