package org.cyl.excellence.engine;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.stereotype.Component;

/**
 * Tasklist's shared filters and 工作台's 待办 as the database can answer them from the
 * person's own tasks, not from every open task of the province.
 * <p>
 * Camunda writes "assigned to me, or offered to one of my groups" as a left join of every
 * task with its identity links and an {@code OR} over both tables: PostgreSQL can use no
 * index for that and walks all open tasks and all their links for each list and each
 * count (2.4 s for a secretary's 我的待办 at 300,000 open tasks, docs/benchmarks.md). This
 * plugin rewrites that condition, in the SQL of the engine's task query and its count,
 * into {@code RES.ID_ IN (tasks assigned to me UNION tasks of my groups' candidate
 * links)}: each half found through its index (the assignee's, the group's), the same
 * tasks in the same order (the query's {@code distinct} stays), the parameters in the
 * same places. 待认领 ("unassigned, offered to my groups") is rewritten likewise, so that
 * the planner starts from the group's links. The authorization check, the sorting and the
 * paging stay Camunda's.
 * <p>
 * Only the exact shapes below are rewritten; anything else — another query, a future
 * engine that writes them differently — runs as Camunda wrote it ({@link #rewrite}
 * answers null). {@code TaskListQueriesTests} fails if the shared filters' SQL stops
 * matching.
 */
@Component
public class TaskListQueries extends AbstractProcessEnginePlugin {

	/** The engine's task query and its count (MyBatis statement ids). */
	private static final Set<String> STATEMENTS = Set.of(
			"org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria",
			"org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final String LINK_JOIN = " left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ ";

	/** One or more parameters: the person's groups. */
	private static final String GROUPS = "(\\? (?:, \\? )*)";

	/** 我的待办: assigned to me, or unassigned and offered to one of my groups. */
	private static final Pattern MINE = Pattern
		.compile(Pattern.quote("and ( 1 = 1 and RES.ASSIGNEE_ = ? or ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate'"
				+ " and ( I.GROUP_ID_ IN ( ") + GROUPS + Pattern.quote(") ) ) )"));

	/** 全部待办, 工作台: assigned to me, or offered to one of my groups. */
	private static final Pattern ALL = Pattern
		.compile(Pattern.quote("and ( 1 = 1 and RES.ASSIGNEE_ = ? or ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ")
				+ GROUPS + Pattern.quote(") ) ) )"));

	/** 待认领: unassigned, offered to one of my groups. */
	private static final Pattern CLAIMABLE = Pattern
		.compile(Pattern.quote("and ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ") + GROUPS
				+ Pattern.quote(") ) )"));

	/** Any other use of the identity links' alias: then nothing is rewritten. */
	private static final Pattern LINK_ALIAS = Pattern.compile("\\bI\\.");

	private final AtomicLong rewritten = new AtomicLong();

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		configuration.getSqlSessionFactory()
			.getConfiguration()
			.addInterceptor(new SqlRewriter((statement, sql) -> STATEMENTS.contains(statement) ? rewrite(sql) : null,
					this.rewritten));
	}

	/** How many queries were rewritten since the start (for the tests). */
	public long rewritten() {
		return this.rewritten.get();
	}

	/**
	 * The rewritten SQL, or null where it is not one of the shapes above.
	 */
	static String rewrite(String sql) {
		String s = WHITESPACE.matcher(sql).replaceAll(" ");
		if (!s.contains(LINK_JOIN)) {
			return null;
		}
		String rewritten = replace(s, MINE,
				(groups) -> "and ( RES.ID_ IN ( select T0.ID_ from ACT_RU_TASK T0"
						+ " where T0.ASSIGNEE_ = ? union select I0.TASK_ID_ from ACT_RU_IDENTITYLINK I0"
						+ " inner join ACT_RU_TASK T1 on T1.ID_ = I0.TASK_ID_ where T1.ASSIGNEE_ is null"
						+ " and I0.TYPE_ = 'candidate' and I0.GROUP_ID_ IN ( " + groups + ") ) )");
		rewritten = replace(rewritten, ALL,
				(groups) -> "and ( RES.ID_ IN ( select T0.ID_ from ACT_RU_TASK T0 where T0.ASSIGNEE_ = ?"
						+ " union select I0.TASK_ID_ from ACT_RU_IDENTITYLINK I0 where I0.TYPE_ = 'candidate'"
						+ " and I0.GROUP_ID_ IN ( " + groups + ") ) )");
		rewritten = replace(rewritten, CLAIMABLE,
				(groups) -> "and ( RES.ASSIGNEE_ is null and RES.ID_ IN ( select I0.TASK_ID_"
						+ " from ACT_RU_IDENTITYLINK I0 where I0.TYPE_ = 'candidate' and I0.GROUP_ID_ IN ( " + groups
						+ ") ) )");
		if (rewritten.equals(s)) {
			return null;
		}
		rewritten = rewritten.replace(LINK_JOIN, " ");
		return LINK_ALIAS.matcher(rewritten).find() ? null : rewritten;
	}

	private static String replace(String sql, Pattern pattern, java.util.function.UnaryOperator<String> by) {
		Matcher m = pattern.matcher(sql);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(by.apply(m.group(1))));
		}
		m.appendTail(out);
		return out.toString();
	}

}
