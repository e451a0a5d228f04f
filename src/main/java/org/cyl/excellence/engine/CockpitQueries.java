package org.cyl.excellence.engine;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.db.CommandExecutor;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.webapp.impl.db.QuerySessionFactory;

import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Cockpit's own lists (the instances of a process definition, their count, the called
 * process definitions) as the database can answer them at a province's size.
 * <p>
 * Cockpit's plugin queries join every running instance with the person's authorizations
 * that match it ({@code RESOURCE_ID_ in (instance, definition key, '*')}): a manager who
 * may read the instances of every definition (security/AuthorizationSetup) matches one
 * row per instance, an instance granted twice matches twice, and so the instance list is
 * a {@code select distinct} of every running instance's whole row, sorted on disk to keep
 * 50 (1.6 s at 30,350 running branch processes, docs/benchmarks.md). This rewrites that
 * join, in the SQL of that list only, into the same condition as an {@code exists}: one
 * row per instance, so the list no longer needs its {@code distinct} and the database
 * keeps the 50 newest while it reads (no sort on disk; 0.3 s instead of 0.4 s quiet, 0.7
 * s instead of 1.0 s in the page). The parameters stay in their places, the sorting and
 * the paging stay Cockpit's. The count and the other statements with the same join were
 * no faster with the {@code exists} and run as Camunda wrote them: they read every
 * running instance of the definition either way.
 * <p>
 * Cockpit runs its plugins' statements through a MyBatis session factory of its own
 * ({@code QuerySessionFactory}), built by its runtime delegate: this component replaces
 * that delegate, once the web server has started, with Camunda's own whose session
 * factory carries the rewrite.
 * <p>
 * Only the exact shape below is rewritten; anything else — another statement, a future
 * Cockpit that writes it differently, revoke authorizations switched on (another shape) —
 * runs as Camunda wrote it ({@link #rewrite} answers null). {@code CockpitQueriesTests}
 * fails if Cockpit's SQL stops matching.
 */
@Component
public class CockpitQueries {

	/**
	 * The list of a definition's instances, whose inner {@code distinct} only the join
	 * needed.
	 */
	private static final Set<String> INSTANCE_LISTS = Set
		.of("cockpit.base.selectRunningProcessInstancesIncludingIncidents");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	/**
	 * The join: inner, or left with {@link #AUTH_CHECK} (which Camunda writes for some
	 * people), the same rows either way.
	 */
	private static final Pattern AUTH_JOIN = Pattern
		.compile("(?:left|inner) join \\( SELECT A\\.\\* FROM ACT_RU_AUTHORIZATION A WHERE ");

	/**
	 * What the join is on: the resources it matches, as a group ({@code a , b , '*'}).
	 */
	private static final Pattern AUTH_ON = Pattern.compile(
			"^ ?AUTH ON \\( ?AUTH\\.RESOURCE_ID_ IN \\( ?([A-Za-z0-9_.]+ ?, ?[A-Za-z0-9_.]+ ?, ?'\\*') ?\\) ?\\) ?",
			Pattern.CASE_INSENSITIVE);

	private static final String AUTH_CHECK = "AUTH.RESOURCE_ID_ IS NOT NULL";

	/**
	 * An instance list's own rows, which the incidents' join (only with withIncident)
	 * repeats.
	 */
	private static final String INNER_DISTINCT = "select distinct RES.* ";

	private static final String INCIDENT_JOIN = "join ACT_RU_INCIDENT INCIDENT ON RES.ID_ = INCIDENT.PROC_INST_ID_";

	/** Any other use of the authorizations' alias: then nothing is rewritten. */
	private static final Pattern AUTH_ALIAS = Pattern.compile("\\bAUTH\\d*\\.");

	private final AtomicLong rewritten = new AtomicLong();

	/**
	 * Once the web server is up: Camunda's own bootstrap has set Cockpit's delegate when
	 * the servlet context started, and this replaces it. Only where there is a web
	 * server: a context without one (the process tests') has no Cockpit, and the delegate
	 * is held in one static field for every context of the JVM.
	 */
	@EventListener
	public void webServerStarted(ServletWebServerInitializedEvent event) {
		Cockpit.setCockpitRuntimeDelegate(new RuntimeDelegate(this.rewritten));
	}

	/** How many queries were rewritten since the start (for the tests). */
	public long rewritten() {
		return this.rewritten.get();
	}

	/**
	 * The rewritten SQL of one of Cockpit's statements, or null where it is not the shape
	 * above.
	 */
	static String rewrite(String statement, String sql) {
		String s = WHITESPACE.matcher(sql).replaceAll(" ");
		Matcher join = AUTH_JOIN.matcher(s);
		if (!join.find()) {
			return null;
		}
		int start = join.start();
		int end = join.end();
		int close = closing(s, end - "( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE ".length());
		if (close < 0 || join.find()) {
			return null;
		}
		String condition = s.substring(end, close).trim();
		Matcher on = AUTH_ON.matcher(s.substring(close + 1));
		if (!on.find() || !s.contains(AUTH_CHECK)) {
			return null;
		}
		String rest = s.substring(close + 1 + on.end()).replace(AUTH_CHECK, "1 = 1");
		String rewritten = s.substring(0, start) + "inner join ( select 1 as ONE_ ) AUTH on exists ( select 1 from"
				+ " ACT_RU_AUTHORIZATION A where ( " + condition + " ) and A.RESOURCE_ID_ in ( " + on.group(1) + " ) ) "
				+ rest;
		if (AUTH_ALIAS.matcher(rewritten).find()) {
			return null;
		}
		if (INSTANCE_LISTS.contains(statement) && !rewritten.contains(INCIDENT_JOIN)) {
			int distinct = rewritten.indexOf(INNER_DISTINCT);
			if (distinct >= 0 && rewritten.indexOf(INNER_DISTINCT, distinct + 1) < 0) {
				rewritten = rewritten.substring(0, distinct) + "select RES.* "
						+ rewritten.substring(distinct + INNER_DISTINCT.length());
			}
		}
		return rewritten;
	}

	/** The index of the parenthesis closing the one at {@code open}, or -1. */
	private static int closing(String s, int open) {
		if (s.charAt(open) != '(') {
			return -1;
		}
		int depth = 0;
		boolean quoted = false;
		for (int i = open; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && c == '(') {
				depth++;
			}
			else if (!quoted && c == ')' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	/** Camunda's runtime delegate of Cockpit, but its session factory rewrites. */
	static final class RuntimeDelegate extends DefaultCockpitRuntimeDelegate {

		private final AtomicLong rewritten;

		RuntimeDelegate(AtomicLong rewritten) {
			this.rewritten = rewritten;
		}

		@Override
		protected CommandExecutor createCommandExecutor(String processEngineName) {
			ProcessEngine engine = getProcessEngine(processEngineName);
			if (engine == null) {
				throw new ProcessEngineException("No process engine with name " + processEngineName + " found.");
			}
			QuerySessionFactory sessions = new QuerySessionFactory();
			sessions.initFromProcessEngineConfiguration(((ProcessEngineImpl) engine).getProcessEngineConfiguration(),
					getMappingFiles());
			sessions.getSqlSessionFactory()
				.getConfiguration()
				.addInterceptor(new SqlRewriter(
						(statement, sql) -> INSTANCE_LISTS.contains(statement) ? rewrite(statement, sql) : null,
						this.rewritten));
			return new CommandExecutor() {

				@Override
				public <T> T executeCommand(Command<T> command) {
					return sessions.getCommandExecutorTxRequired().execute(command);
				}

			};
		}

	}

}
