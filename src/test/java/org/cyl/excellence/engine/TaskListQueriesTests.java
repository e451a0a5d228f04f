package org.cyl.excellence.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
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
 * queries the rewrite leaves alone. TaskIsolationTests walks the same filters over REST,
 * claims and reassignments included.
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

	@Autowired
	TaskListQueries queries;

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
			List<String> groups = this.identity.createGroupQuery()
				.groupMember(user)
				.list()
				.stream()
				.map(Group::getId)
				.toList();
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

	private static Set<String> ids(List<Task> tasks) {
		Set<String> ids = new HashSet<>();
		tasks.forEach((t) -> ids.add(t.getId()));
		return ids;
	}

	private <T> T as(String user, List<String> groups, Supplier<T> query) {
		this.identity.setAuthentication(user, groups);
		try {
			return query.get();
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

}
