package org.cyl.excellence.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.IsolationTestModel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared filters' SQL is rewritten ({@link TaskListQueries}) — each list and each
 * count — and lists exactly the tasks the plain conditions give, computed here with
 * queries the rewrite leaves alone, and every task query lists exactly what Camunda's
 * AuthorizationService says the person may read. The authorization check is rewritten on
 * PostgreSQL only: PostgresTests runs the same comparison there. TaskIsolationTests walks
 * the same filters over REST, claims and reassignments included.
 */
@ApplicationTest
class TaskListQueriesTests {

	/** Camunda's SQL of the three shapes, as the engine writes it (H2). */
	static final String MINE = "select distinct RES.ID_ from ACT_RU_TASK RES\n  left join ACT_RU_IDENTITYLINK I on"
			+ " I.TASK_ID_ = RES.ID_\n inner join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ WHERE ( 1 = 1 )\n"
			+ "\tand ( 1 = 1 and RES.ASSIGNEE_ = ?  or ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and ("
			+ " I.GROUP_ID_ IN ( ? , ? ) ) ) ) and (RES.TENANT_ID_ is null ) order by RES.CREATE_TIME_ desc LIMIT ?"
			+ " OFFSET ?";

	static final String ALL = "SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES left join"
			+ " ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ WHERE ( 1 = 1 ) and ( 1 = 1 and RES.ASSIGNEE_ = ? or ("
			+ " I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ) ) ) ) and (RES.TENANT_ID_ is null ) ) countDistinct";

	static final String CLAIMABLE = "select distinct RES.ID_ from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on"
			+ " I.TASK_ID_ = RES.ID_ WHERE ( 1 = 1 and RES.ASSIGNEE_ IS NULL and ( RES.ASSIGNEE_ is null and I.TYPE_ ="
			+ " 'candidate' and ( I.GROUP_ID_ IN ( ? , ? , ? ) ) ) ) order by RES.ID_ asc LIMIT ? OFFSET ?";

	/**
	 * A count of 全部待办 with Camunda's authorization check, as the engine writes it (H2).
	 */
	static final String CHECKED = "select count(distinct RES.ID_ ) from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I"
			+ " on I.TASK_ID_ = RES.ID_ inner join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ inner join ( SELECT A.*"
			+ " FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( ? , ? ) )"
			+ " AND ( ( A.RESOURCE_TYPE_ = ? AND BITAND(A.PERMS_,CAST(? AS BIGINT)) = ? OR A.RESOURCE_TYPE_ = ? AND"
			+ " BITAND(A.PERMS_,CAST(? AS BIGINT)) = ? ) ) ) AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))"
			+ " WHERE ( 1 = 1 ) and ( 1 = 1 and RES.ASSIGNEE_ = ? or ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ,"
			+ " ? ) ) ) ) and ( (AUTH.RESOURCE_ID_ IS NOT NULL) ) and (RES.TENANT_ID_ is null )";

	@Autowired
	TaskListQueries queries;

	@Autowired
	ProcessEngine engine;

	@Autowired
	FilterService filters;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	org.camunda.bpm.engine.RepositoryService repository;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtime;

	@Test
	void theThreeShapesAreRewrittenWithTheirParametersInPlace() {
		for (String sql : List.of(MINE, ALL, CLAIMABLE)) {
			String rewritten = TaskListQueries.rewrite(sql);
			assertThat(rewritten).as(sql).isNotNull().doesNotContain("left join ACT_RU_IDENTITYLINK I ");
			assertThat(rewritten).doesNotContainPattern("\\bI\\.");
			assertThat(rewritten.chars().filter((c) -> c == '?').count())
				.isEqualTo(sql.chars().filter((c) -> c == '?').count());
		}
		assertThat(TaskListQueries.rewrite(MINE)).contains(
				"and ( RES.ID_ IN ( select T0.ID_ from ACT_RU_TASK T0 where T0.ASSIGNEE_ = ? union select I0.TASK_ID_")
			.contains("where T1.ASSIGNEE_ is null and I0.TYPE_ = 'candidate' and I0.GROUP_ID_ IN ( ? , ? ) ) )");
	}

	@Test
	void theAuthorizationCheckReadsTheGrantsOnceWithTheParametersInOrder() {
		String rewritten = TaskListQueries.rewrite(CHECKED);
		assertThat(rewritten).startsWith("with AUTH_GRANTS as ( select A.RESOURCE_ID_ from ( select A1.RESOURCE_ID_,")
			.contains("A1.TYPE_ in ( 0 , 1 ) and A1.USER_ID_ in ( ?, '*') union all select")
			.contains("A1.GROUP_ID_ IN ( ? , ? ) ) A where ( ( A.RESOURCE_TYPE_ = ?")
			.doesNotContain("AUTH.")
			.doesNotContain(" I.");
		// the parameters in the same order: the person, the groups, the permissions,
		// then the filter's
		assertThat(rewritten.replaceAll("[^?]", "")).isEqualTo(CHECKED.replaceAll("[^?]", ""));
		assertThat(rewritten.indexOf("BITAND")).isLessThan(rewritten.indexOf("ASSIGNEE_ = ?"));
		// the tasks joined with their definitions only: no task twice, no distinct;
		// with any other join, the distinct stays
		assertThat(rewritten).contains("select count(RES.ID_ ) from ACT_RU_TASK RES inner join ACT_RE_PROCDEF D");
		assertThat(TaskListQueries.rewrite(CHECKED.replace("inner join ACT_RE_PROCDEF D",
				"inner join ACT_RU_EXECUTION E on RES.PROC_INST_ID_ = E.ID_ inner join ACT_RE_PROCDEF D")))
			.contains("select count(distinct RES.ID_ )");
		assertThat(TaskListQueries.rewrite(MINE)).contains("select distinct RES.ID_");
		// the count as Camunda writes it for PostgreSQL, a count of a distinct sub-query:
		// the same
		String postgres = CHECKED.replace("select count(distinct RES.ID_ ) from",
				"SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from") + " ) countDistinct";
		assertThat(TaskListQueries.rewrite(postgres))
			.contains("SELECT COUNT(*) FROM (SELECT RES.ID_ from ACT_RU_TASK RES inner join ACT_RE_PROCDEF D")
			.endsWith(") countDistinct");
		assertThat(TaskListQueries.rewrite(postgres.replace("inner join ACT_RE_PROCDEF D",
				"inner join ACT_RU_EXECUTION E on RES.PROC_INST_ID_ = E.ID_ inner join ACT_RE_PROCDEF D")))
			.contains("SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from");
		// without groups
		assertThat(TaskListQueries
			.authorizationRewrite(CHECKED.replace(" OR A.GROUP_ID_ IN ( ? , ? )", "").replaceAll("\\s+", " ")))
			.doesNotContain("union all")
			.contains("A1.USER_ID_ in ( ?, '*') ) A where");
		// a parameter before the check (it would move), or another check: left alone
		assertThat(TaskListQueries.authorizationRewrite(
				CHECKED.replace("select count(distinct RES.ID_ )", "select count(distinct RES.ID_ ), ?")))
			.isNull();
		assertThat(TaskListQueries.authorizationRewrite(CHECKED.replace("and (RES.TENANT_ID_ is null )",
				"and (RES.TENANT_ID_ is null ) and (AUTH.RESOURCE_ID_ IS NOT NULL)")))
			.isNull();
		assertThat(TaskListQueries.authorizationRewrite(CHECKED.replace("A.RESOURCE_TYPE_ = ? AND BITAND",
				"A.RESOURCE_TYPE_ = ? AND A.REMOVAL_TIME_ is null AND BITAND")))
			.isNull();
	}

	@Test
	void aPageOfASharedFilterIsFoundFirstAndThenSorted() {
		// a list with the authorization check, as the engine writes a page of it
		String list = CHECKED.replace("select count(distinct RES.ID_ )", "select distinct RES.*")
				+ " order by RES.CREATE_TIME_ desc LIMIT ? OFFSET ?";
		String rewritten = TaskListQueries.rewrite(list);
		assertThat(rewritten).startsWith("with AUTH_GRANTS as (")
			.contains(") select RES.* from ( select RES.* from ACT_RU_TASK RES inner join ACT_RE_PROCDEF D")
			.endsWith(" offset 0 ) RES order by RES.CREATE_TIME_ desc LIMIT ? OFFSET ?");
		assertThat(rewritten.replaceAll("[^?]", "")).isEqualTo(list.replaceAll("[^?]", ""));
		// without the check (or on H2): the page as it was
		assertThat(TaskListQueries.rewrite(list, false)).doesNotContain("offset 0");
		// an order by a column selected by name
		assertThat(TaskListQueries.setFirst(TaskListQueries.rewrite(CLAIMABLE, false)))
			.startsWith("select RES.* from ( select distinct RES.ID_ from ACT_RU_TASK RES WHERE")
			.endsWith(" offset 0 ) RES order by RES.ID_ asc LIMIT ? OFFSET ?");
		// an order by a column not selected, a count, an order by anything but the task's
		// columns: left as they are
		assertThat(TaskListQueries.rewrite(MINE)).doesNotContain("offset 0");
		assertThat(TaskListQueries.rewrite(CHECKED)).doesNotContain("offset 0");
		assertThat(TaskListQueries.rewrite(list.replace("order by RES.CREATE_TIME_ desc", "order by D.KEY_ asc")))
			.doesNotContain("offset 0");
	}

	@Test
	void anythingElseRunsAsCamundaWroteIt() {
		assertThat(TaskListQueries.rewrite("select * from ACT_RU_TASK where ID_ = ?")).isNull();
		// the links used elsewhere too (a sorting, another condition): left alone
		assertThat(TaskListQueries.rewrite(MINE.replace("order by", "and I.USER_ID_ = ? order by"))).isNull();
		// another condition on the links in the same OR
		assertThat(TaskListQueries.rewrite(MINE.replace("I.TYPE_ = 'candidate'", "I.TYPE_ = 'participant'"))).isNull();
	}

	@Test
	void theSharedFiltersAreRewrittenAndListWhatThePlainConditionsGive() {
		// tasks of two branches: one claimed by its secretary (as created), one
		// unclaimed,
		// one assigned to the secretary of the other branch
		IsolationTestModel.deploy(this.repository, "task-list-queries-test");
		startFor("120301");
		this.tasks.setAssignee(startFor("120301"), null);
		this.tasks.setAssignee(startFor("120301"), "sec120302");
		startFor("120302");
		int seen = 0;
		for (String user : List.of("sec120201", "sec120301", "committee12", "manager")) {
			List<String> groups = groupsOf(this.identity, user);
			Set<String> assigned = ids(as(user, groups, () -> this.tasks.createTaskQuery().taskAssignee(user).list()));
			List<Task> offered = as(user, groups,
					() -> this.tasks.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().list());
			Set<String> unclaimed = ids(offered.stream().filter((t) -> t.getAssignee() == null).toList());
			Set<String> mine = new HashSet<>(assigned);
			mine.addAll(unclaimed);
			Set<String> all = new HashSet<>(assigned);
			all.addAll(ids(offered));

			long before = this.queries.rewritten();
			assertThat(filter(user, groups, "我的待办")).as(user).isEqualTo(mine);
			assertThat(filter(user, groups, "全部待办")).as(user).isEqualTo(all);
			assertThat(filter(user, groups, "待认领")).as(user).isEqualTo(unclaimed);
			assertThat(this.queries.rewritten() - before).as("three lists and three counts of " + user).isEqualTo(6);
			seen += all.size();
		}
		assertThat(seen).as("the demo data gives these people tasks").isPositive();
	}

	@Test
	void theAuthorizationCheckKeepsExactlyTheTasksThePersonMayRead() {
		// a task offered to a branch's secretaries whose grants were taken away: offered,
		// but not to be read (nor listed) by them; the manager still reads it through
		// the process definition
		IsolationTestModel.deploy(this.repository, "task-list-queries-grants-test");
		String withdrawn = startFor("120301");
		this.tasks.setAssignee(withdrawn, null);
		startFor("120301");
		startFor("120302");
		this.tasks.setAssignee(startFor("120302"), null);
		AuthorizationService authorizations = this.engine.getAuthorizationService();
		List<Authorization> grants = authorizations.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.resourceId(withdrawn)
			.list();
		assertThat(grants).as("Camunda grants the candidate group its task")
			.anyMatch((grant) -> "org120301secretary".equals(grant.getGroupId()));
		grants.forEach((grant) -> authorizations.deleteAuthorization(grant.getId()));

		// and a secretary of another branch allowed to read the model's tasks through its
		// process definition (READ_TASK on its key), for the length of this test
		Authorization byKey = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		byKey.setUserId("sec120201");
		byKey.setResource(Resources.PROCESS_DEFINITION);
		byKey.setResourceId("IsolationTestProcess");
		byKey.addPermission(ProcessDefinitionPermissions.READ_TASK);
		authorizations.saveAuthorization(byKey);
		try {
			int readable = filtersListExactlyWhatTheGrantsAllow(this.engine,
					List.of("sec120201", "sec120301", "sec120302", "committee12", "manager", "admin"));
			assertThat(readable).as("the people above may read tasks").isPositive();
			this.identity.setAuthentication("sec120201", List.of());
			assertThat(this.tasks.createTaskQuery().taskId(withdrawn).count()).isOne();
		}
		finally {
			this.identity.clearAuthentication();
			authorizations.deleteAuthorization(byKey.getId());
		}
		this.identity.setAuthentication("sec120301", groupsOf(this.identity, "sec120301"));
		try {
			assertThat(this.tasks.createTaskQuery().taskId(withdrawn).count()).isZero();
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	/**
	 * For each person: the shared filters and a plain task query, run with the person's
	 * authentication (their SQL rewritten), list exactly the tasks that their conditions
	 * give without authorization checks and that the person may read, as Camunda's
	 * {@code AuthorizationService} answers task by task (READ on the task, or READ_TASK
	 * on its process definition) — statements the rewrite does not touch. Answers how
	 * many (person, readable task) pairs there were. Also run on PostgreSQL
	 * (PostgresTests).
	 */
	static int filtersListExactlyWhatTheGrantsAllow(ProcessEngine engine, List<String> users) {
		IdentityService identity = engine.getIdentityService();
		TaskService tasks = engine.getTaskService();
		FilterService filters = engine.getFilterService();
		AuthorizationService authorizations = engine.getAuthorizationService();
		Map<String, String> keys = new HashMap<>();
		identity.clearAuthentication();
		List<Task> every = tasks.createTaskQuery().list();
		int readable = 0;
		for (String user : users) {
			List<String> groups = groupsOf(identity, user);
			Predicate<Task> mayRead = (task) -> authorizations.isUserAuthorized(user, groups, Permissions.READ,
					Resources.TASK, task.getId())
					|| authorizations.isUserAuthorized(user, groups, ProcessDefinitionPermissions.READ_TASK,
							Resources.PROCESS_DEFINITION, keys.computeIfAbsent(task.getProcessDefinitionId(),
									(id) -> engine.getRepositoryService().getProcessDefinition(id).getKey()));
			Set<String> assigned = ids(tasks.createTaskQuery().taskAssignee(user).list());
			List<Task> offered = groups.isEmpty() ? List.of()
					: tasks.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().list();
			Set<String> unclaimed = ids(offered.stream().filter((t) -> t.getAssignee() == null).toList());
			Set<String> allowed = ids(every.stream().filter(mayRead).toList());
			Set<String> mine = new HashSet<>(assigned);
			mine.addAll(unclaimed);
			Set<String> all = new HashSet<>(assigned);
			all.addAll(ids(offered));
			mine.retainAll(allowed);
			all.retainAll(allowed);
			unclaimed.retainAll(allowed);

			identity.setAuthentication(user, groups);
			try {
				assertThat(ids(tasks.createTaskQuery().list())).as("every task %s may read", user).isEqualTo(allowed);
				assertThat(tasks.createTaskQuery().count()).isEqualTo(allowed.size());
				for (Map.Entry<String, Set<String>> filter : Map.of("我的待办", mine, "全部待办", all, "待认领", unclaimed)
					.entrySet()) {
					String id = filters.createFilterQuery().filterName(filter.getKey()).singleResult().getId();
					List<Task> listed = filters.list(id);
					assertThat(ids(listed)).as(filter.getKey() + " of " + user).isEqualTo(filter.getValue());
					assertThat(filters.count(id)).as(filter.getKey() + " of " + user).isEqualTo(listed.size());
					// a page of it, newest first, as Tasklist asks for it
					List<Task> page = filters.listPage(id, tasks.createTaskQuery().orderByTaskCreateTime().desc(), 1,
							2);
					assertThat(ids(page)).as("a page of " + filter.getKey() + " of " + user)
						.hasSize(Math.max(0, Math.min(2, listed.size() - 1)))
						.isSubsetOf(filter.getValue());
					assertThat(page).extracting(Task::getCreateTime)
						.isSortedAccordingTo(java.util.Comparator.reverseOrder());
				}
			}
			finally {
				identity.clearAuthentication();
			}
			readable += allowed.size();
		}
		return readable;
	}

	private String startFor(String branch) {
		return IsolationTestModel.start(this.runtime, this.tasks, java.util.Map.of("branchCode", branch)).getId();
	}

	private Set<String> filter(String user, List<String> groups, String name) {
		String id = this.filters.createFilterQuery().filterName(name).singleResult().getId();
		List<Task> listed = as(user, groups, () -> this.filters.list(id));
		long count = as(user, groups, () -> this.filters.count(id));
		assertThat(listed).as(name + " of " + user).hasSize((int) count);
		return ids(listed);
	}

	/** The ids of the person's groups, as their authentication carries them. */
	static List<String> groupsOf(IdentityService identity, String user) {
		return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
	}

	private static Set<String> ids(List<Task> tasks) {
		Set<String> ids = new HashSet<>();
		tasks.forEach((t) -> ids.add(t.getId()));
		return ids;
	}

	private <T> T as(String user, List<String> groups, Supplier<T> query) {
		return as(this.identity, user, groups, query);
	}

	/** The query's answer with the person's authentication set, cleared after. */
	static <T> T as(IdentityService identity, String user, List<String> groups, Supplier<T> query) {
		identity.setAuthentication(user, groups);
		try {
			return query.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
