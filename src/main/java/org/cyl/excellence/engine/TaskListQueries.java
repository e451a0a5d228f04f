package org.cyl.excellence.engine;

import java.util.Map;
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
 * paging stay Camunda's; on PostgreSQL a page of these lists is sorted and cut after its
 * tasks are found ({@link #setFirst}).
 * <p>
 * On PostgreSQL the authorization check is rewritten too ({@link #authorizationRewrite}),
 * in every task query and count that has it. Camunda joins every task found with the
 * person's grants on {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')} and keeps the
 * tasks with a match: an {@code IN} over three columns, which PostgreSQL can only answer
 * by probing the grants once per task, reading the grants on {@code '*'} each time (a 团委
 * member who sees 30,000 tasks: 30,000 probes, 0.9–1.3 s for the count alone). The
 * person's grants are now read once, into a {@code WITH} of their resource ids, and each
 * task kept if its id, its process definition's key or {@code '*'} is among them: two
 * joins on equality and one look for {@code '*'}, which the planner can hash. The same
 * grants, the same tasks; the parameters stay in their order, because the grants' are the
 * first of the statement and the {@code WITH} comes first. Where the tasks are then
 * joined with nothing but their process definition and these two sets, no task can be
 * found twice, and the list's and the count's {@code distinct} — a sort of every visible
 * task on all its columns — is left out.
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

	/** The same, in their parentheses. */
	private static final String GROUPS_IN = "(\\( \\? (?:, \\? )*\\))";

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

	/** Camunda's join of the tasks with the person's grants (authorization checks on). */
	private static final String GRANTS_JOIN = " inner join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE ";

	private static final String GRANTS_ON = " ) AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))";

	private static final String GRANTED = "(AUTH.RESOURCE_ID_ IS NOT NULL)";

	/**
	 * The grants' conditions: global or granted (not revoked), to the person or '*' (1),
	 * or to one of the person's groups (2), and the permissions checked (3).
	 */
	private static final Pattern GRANTS = Pattern.compile(Pattern.quote("A.TYPE_ < 2 AND ( A.USER_ID_ in ")
			+ "(\\( \\?, '\\*'\\))(?: OR A\\.GROUP_ID_ IN " + GROUPS_IN + ")? \\) AND (\\(.*\\))");

	/** A column of the grants. */
	private static final Pattern GRANTS_COLUMN = Pattern.compile("\\bA\\.(\\w+)");

	/** The grants' columns the rewrite selects, for the permission checks. */
	private static final Set<String> CHECKED_COLUMNS = Set.of("RESOURCE_ID_", "RESOURCE_TYPE_", "PERMS_");

	/**
	 * A list or a count of distinct tasks (H2's count, and PostgreSQL's: a count of a
	 * distinct sub-query), and the same without the distinct.
	 */
	private static final Map<String, String> WITHOUT_DISTINCT = Map.of("select distinct RES.", "select RES.",
			"select count(distinct RES.ID_ )", "select count(RES.ID_ )",
			"SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ ", "SELECT COUNT(*) FROM (SELECT RES.ID_ ");

	/** … from the tasks and their definitions only (the grants' join follows). */
	private static final String ONLY_DEFINITION = " from ACT_RU_TASK RES inner join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_";

	/** Any other use of the grants' alias (a second check, a revoke): left alone. */
	private static final Pattern GRANTS_ALIAS = Pattern.compile("\\bAUTH\\d*\\.");

	/**
	 * The end of a page of a list: its order, by columns of the task only, and the page.
	 */
	private static final Pattern PAGE = Pattern
		.compile(" order by ((?:RES\\.\\w+ (?:asc|desc)(?: ?, )?)+) LIMIT \\? OFFSET \\?$", Pattern.CASE_INSENSITIVE);

	/** A column of that order. */
	private static final Pattern ORDER_COLUMN = Pattern.compile("RES\\.(\\w+)");

	private final AtomicLong rewritten = new AtomicLong();

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		boolean grants = "postgres".equals(configuration.getDatabaseType());
		configuration.getSqlSessionFactory()
			.getConfiguration()
			.addInterceptor(new SqlRewriter(
					(statement, sql) -> STATEMENTS.contains(statement) ? rewrite(sql, grants) : null, this.rewritten));
	}

	/** How many queries were rewritten since the start (for the tests). */
	public long rewritten() {
		return this.rewritten.get();
	}

	/**
	 * The rewritten SQL, or null where it is not one of the shapes above.
	 */
	static String rewrite(String sql) {
		return rewrite(sql, true);
	}

	/**
	 * The same, the authorization check left as it is unless {@code grants}: its rewrite
	 * is applied on PostgreSQL only, because H2 answers a {@code WITH} that holds
	 * parameters with what an earlier execution of the same statement bound
	 * (h2database/h2database#4228, open; a committee found no task it had just been
	 * offered).
	 */
	static String rewrite(String sql, boolean grants) {
		String s = WHITESPACE.matcher(sql).replaceAll(" ");
		String links = linksRewrite(s);
		String checked = grants ? authorizationRewrite((links != null) ? links : s) : null;
		String rewritten = (checked != null) ? checked : links;
		String fenced = (grants && links != null) ? setFirst(rewritten) : null;
		return (fenced != null) ? fenced : rewritten;
	}

	/**
	 * A page of a list the person's groups decide, found from the person's tasks first
	 * and then sorted, instead of walking every open task in the list's order until the
	 * page is full; or null where the SQL is not a page of such a list (its order by
	 * columns of the task only, each of them selected).
	 * <p>
	 * PostgreSQL takes the walk when it expects the person's tasks to be spread evenly
	 * over the order: a 团委 that sees 3,000 of 300,000 tasks, expected to fill its page of
	 * 15 within the newest 1,300, found it only after 17,461, each probed against the
	 * links (56 of 83 ms; docs/benchmarks.md, sixth run). A committee whose tasks are
	 * older than most waits for a walk of every open task. Found first, its tasks cost
	 * what their count costs, whatever their age. The query is kept as it is, with
	 * {@code offset 0} (which PostgreSQL does not see through), inside
	 * {@code select RES.* from ( … ) RES} and the order and the page outside: the same
	 * rows, in the same order, the parameters in their places.
	 */
	static String setFirst(String sql) {
		int select = 0;
		if (sql.startsWith("with ")) {
			int close = closing(sql, sql.indexOf('('));
			if (close < 0) {
				return null;
			}
			select = close + 2;
		}
		Matcher page = PAGE.matcher(sql);
		if (!sql.startsWith("select ", select) || !page.find(select)) {
			return null;
		}
		int from = sql.indexOf(" from ACT_RU_TASK RES ", select);
		if (from < 0 || from > page.start()) {
			return null;
		}
		String columns = sql.substring(select, from) + ",";
		boolean selected = columns.equals("select RES.*,") || columns.equals("select distinct RES.*,")
				|| ORDER_COLUMN.matcher(page.group(1))
					.results()
					.allMatch((c) -> columns.contains(" RES." + c.group(1) + ","));
		if (!selected) {
			return null;
		}
		return sql.substring(0, select) + "select RES.* from ( " + sql.substring(select, page.start())
				+ " offset 0 ) RES" + sql.substring(page.start());
	}

	/** Where the parenthesis opened at {@code open} closes; -1 where it does not. */
	private static int closing(String sql, int open) {
		int depth = 0;
		for (int i = open; i >= 0 && i < sql.length(); i++) {
			char c = sql.charAt(i);
			depth += (c == '(') ? 1 : (c == ')') ? -1 : 0;
			if (depth == 0) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The authorization check of a task query as a {@code WITH} of the person's granted
	 * resource ids, or null where the SQL does not hold Camunda's check in the shape
	 * above. The grants' conditions are kept word for word, but {@code A.TYPE_ < 2}
	 * (global and grant, not revoke) is written {@code A.TYPE_ in ( 0 , 1 )}, so that
	 * PostgreSQL can find a person's and a group's grants through Camunda's unique
	 * indexes, which start with the type.
	 */
	static String authorizationRewrite(String s) {
		int join = s.indexOf(GRANTS_JOIN);
		if (join < 0 || s.indexOf(GRANTS_JOIN, join + 1) >= 0 || s.lastIndexOf('?', join) >= 0) {
			return null;
		}
		int on = s.indexOf(GRANTS_ON, join);
		int granted = s.indexOf(GRANTED, on + 1);
		if (on < 0 || granted < 0 || s.indexOf(GRANTED, granted + 1) >= 0) {
			return null;
		}
		Matcher grants = GRANTS.matcher(s.substring(join + GRANTS_JOIN.length(), on));
		if (!grants.matches() || !enclosed(grants.group(3)) || !checksOnly(grants.group(3))) {
			return null;
		}
		String select = s.substring(0, join);
		String where = s.substring(on + GRANTS_ON.length(), granted);
		if (select.endsWith(ONLY_DEFINITION) && select.indexOf(" join ") == select.lastIndexOf(" join ")
				&& where.startsWith(" WHERE ")) {
			// every join finds at most one row per task: the task's definition by its
			// primary key, and two sets without duplicates; so nothing repeats a task,
			// and the distinct would only sort every visible task once more
			select = withoutDistinct(select);
		}
		String rest = select
				+ " left join ( select distinct G.RESOURCE_ID_ from AUTH_GRANTS G ) AUTH_T on AUTH_T.RESOURCE_ID_ = RES.ID_"
				+ " left join ( select distinct D1.ID_ from ACT_RE_PROCDEF D1 inner join AUTH_GRANTS G"
				+ " on G.RESOURCE_ID_ = D1.KEY_ ) AUTH_D on AUTH_D.ID_ = D.ID_" + where
				+ "( exists ( select 1 from AUTH_GRANTS G where G.RESOURCE_ID_ = '*' )"
				+ " or AUTH_T.RESOURCE_ID_ is not null or AUTH_D.ID_ is not null )"
				+ s.substring(granted + GRANTED.length());
		if (GRANTS_ALIAS.matcher(rest).find()) {
			return null;
		}
		String columns = "RESOURCE_ID_, A1.RESOURCE_TYPE_, A1.PERMS_ from ACT_RU_AUTHORIZATION A1 where A1.TYPE_ in ( 0 , 1 )";
		String byGroup = (grants.group(2) != null)
				? " union all select A1." + columns + " and A1.GROUP_ID_ IN " + grants.group(2) : "";
		return "with AUTH_GRANTS as ( select A.RESOURCE_ID_ from ( select A1." + columns + " and A1.USER_ID_ in "
				+ grants.group(1) + byGroup + " ) A where " + grants.group(3) + " ) " + rest.stripLeading();
	}

	/** The list or count without its distinct; as it is where it has none. */
	private static String withoutDistinct(String select) {
		for (Map.Entry<String, String> distinct : WITHOUT_DISTINCT.entrySet()) {
			if (select.startsWith(distinct.getKey())) {
				return distinct.getValue() + select.substring(distinct.getKey().length());
			}
		}
		return select;
	}

	/** Whether the permission checks use only the columns the rewrite selects. */
	private static boolean checksOnly(String checks) {
		return GRANTS_COLUMN.matcher(checks).results().allMatch((m) -> CHECKED_COLUMNS.contains(m.group(1)));
	}

	/**
	 * Whether the SQL is one expression in parentheses: "( … )", not "( … ) OR ( … )".
	 */
	private static boolean enclosed(String sql) {
		return sql.startsWith("(") && closing(sql, 0) == sql.length() - 1;
	}

	private static String linksRewrite(String s) {
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
