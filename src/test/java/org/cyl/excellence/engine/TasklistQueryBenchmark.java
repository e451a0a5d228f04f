package org.cyl.excellence.engine;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.cyl.excellence.engine.BenchmarkApplication.Response;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

/**
 * Not a test: a benchmark, run with
 * {@code ./mvnw -Pbenchmark test -Dtest=TasklistQueryBenchmark}. {@code -Dtasks=} open
 * tasks (100,000) of a benchmark-only model, each for the secretaries of one of
 * {@code -Dbranches=} branches (1,000) and for one of two committees (every tenth task
 * the 团委's, the others the 团总支's); then Tasklist's list as the webapp asks for it, one
 * request at a time: the shared filters 我的待办, 待认领, 全部待办 through {@code POST
 * /engine-rest/filter/{id}/list?firstResult=0&maxResults=15} (HAL, with the filter's
 * variables, newest first) and {@code GET /engine-rest/filter/{id}/count} with HTTP
 * Basic, for a branch secretary, the 团委 member and the 团总支 member; p50 / p95 of
 * {@code -Dsamples=} requests (200) after a warm-up, beside the same filter's query
 * through the engine's FilterService with that user's authentication set, in the same
 * run. On PostgreSQL where the test server answers, else H2. Prints a table; no timed
 * assertion. {@code -Droles=s1,c} measures only the secretary and the 团委 member (the
 * default {@code s1,r,c,g}: also a committee that sees {@code -DcommitteeTasks} (3,000)
 * of them, the share the real models offer a large 团委, and the 团总支 member, who sees nine
 * tenths of the tasks).
 */
class TasklistQueryBenchmark {

	static final int TASKS = Integer.getInteger("tasks", 100000);

	static final int BRANCHES = Integer.getInteger("branches", 1000);

	static final int PER_INSTANCE = Integer.getInteger("perInstance", 100);

	static final int SAMPLES = Integer.getInteger("samples", 200);

	static final int WARMUP = Integer.getInteger("warmup", 20);

	static final int THREADS = Integer.getInteger("clients", 8);

	static final String[] FILTERS = { "我的待办", "待认领", "全部待办" };

	@Test
	void tasklistLatency() throws Exception {
		try (BenchmarkApplication app = BenchmarkApplication.start("tasklist")) {
			run(app);
		}
	}

	private void run(BenchmarkApplication app) throws Exception {
		CampaignTestSupport support = app.bean(CampaignTestSupport.class);
		RuntimeService runtime = app.bean(RuntimeService.class);
		TaskService taskService = app.bean(TaskService.class);
		FilterService filters = app.bean(FilterService.class);
		IdentityService identity = app.bean(IdentityService.class);
		String base = "http://localhost:" + app.port;

		// a kept database (-Dbenchmark.database) already holds the organisation and the
		// tasks
		var earlier = runtime.createVariableInstanceQuery().variableName("prefix").listPage(0, 1);
		boolean setUp = app.reused() && !earlier.isEmpty();
		String prefix = setUp ? (String) earlier.get(0).getValue() : "TL" + System.nanoTime() % 100000;
		long t0 = System.nanoTime();
		if (!setUp) {
			support.organization(prefix, BRANCHES);
		}
		double importSeconds = (System.nanoTime() - t0) / 1e9;
		if (!setUp) {
			try (InputStream bpmn = new ClassPathResource("testmodels/benchmark/TasklistBenchmarkProcess.bpmn")
				.getInputStream()) {
				app.bean(RepositoryService.class)
					.createDeployment()
					.name("tasklist-benchmark")
					.addInputStream("TasklistBenchmarkProcess.bpmn", bpmn)
					.deploy();
			}
		}
		int instances = setUp ? 0 : TASKS / PER_INSTANCE;
		t0 = System.nanoTime();
		double startRate = BenchmarkApplication.rate(instances, THREADS, (k) -> {
			Map<String, Object> variables = new HashMap<>();
			variables.put("prefix", prefix);
			variables.put("block", (long) k * PER_INSTANCE);
			variables.put("branches", (long) BRANCHES);
			variables.put("perInstance", (long) PER_INSTANCE);
			variables.put("committeeEvery", 10L);
			variables.put("committeeGroup", "org" + prefix + "committee");
			variables.put("otherGroup", "org" + prefix + "Gcommittee");
			variables.put("branchName", "测试支部" + (k % BRANCHES + 1));
			variables.put("campaignTitle", "基准活动");
			runtime.startProcessInstanceByKey("TasklistBenchmarkProcess", variables);
		});
		double createSeconds = (System.nanoTime() - t0) / 1e9;
		long open = taskService.createTaskQuery().count();
		String statistics = app.analyze();

		System.out.println();
		System.out.println("=== Tasklist queries, " + app.database + " ===");
		System.out.println(BenchmarkApplication.machine() + "; " + SAMPLES + " requests per figure, one at a time,"
				+ " after " + WARMUP + " of warm-up");
		if (setUp) {
			System.out.println("setup: kept from an earlier run (prefix " + prefix + ")");
		}
		else
			System.out.printf(
					"setup: %,d branches imported in %.1f s; %,d tasks created in %.1f s (%,.0f tasks/s,"
							+ " %d per instance, %d threads); open tasks in all: %,d%n",
					BRANCHES, importSeconds, instances * PER_INSTANCE, createSeconds, startRate * PER_INSTANCE,
					PER_INSTANCE, THREADS, open);
		System.out.println("statistics: " + statistics);
		System.out.println("memory of this node (the whole application in this JVM) at " + String.format("%,d", open)
				+ " open tasks: " + BenchmarkApplication.memory());
		System.out.printf("%-14s %-6s %7s | %-17s %-17s | %-17s %-17s | %s | %s%n", "user", "filter", "sees",
				"REST list p50/p95", "engine list", "REST count", "engine count", "list/count p95",
				"statements per REST list / count");

		String sorting = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
		String roles = System.getProperty("roles", "s1,r,c,g");
		if (roles.contains("r")) {
			String added = committeeOfItsBranches(app, prefix);
			System.out.println(added);
		}
		for (String role : roles.split(",")) {
			String user = prefix + role;
			List<String> groups = TaskListQueriesTests.groupsOf(identity, user);
			String auth = BenchmarkApplication.basic(user, "demo");
			for (String name : FILTERS) {
				String filter = filters.createFilterQuery().filterName(name).singleResult().getId();
				BenchmarkApplication.Step restList = (i) -> expect(BenchmarkApplication.http("POST",
						base + "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15", sorting,
						"Content-Type", "application/json", "Accept", "application/hal+json", "Authorization", auth));
				BenchmarkApplication.Step restCount = (i) -> expect(
						BenchmarkApplication.http("GET", base + "/engine-rest/filter/" + filter + "/count", null,
								"Accept", "application/json", "Authorization", auth));
				long[] sees = new long[1];
				BenchmarkApplication.Step engineList = (i) -> TaskListQueriesTests.as(identity, user, groups,
						() -> filters.listPage(filter, taskService.createTaskQuery().orderByTaskCreateTime().desc(), 0,
								15));
				BenchmarkApplication.Step engineCount = (
						i) -> sees[0] = TaskListQueriesTests.as(identity, user, groups, () -> filters.count(filter));
				double[][] figures = new double[4][];
				double[] statements = new double[4];
				BenchmarkApplication.Step[] steps = { restList, engineList, restCount, engineCount };
				for (int s = 0; s < steps.length; s++) {
					BenchmarkApplication.latencies(WARMUP, steps[s]);
					StatementCounter.Reading before = StatementCounter.Reading.now();
					figures[s] = BenchmarkApplication.latencies(SAMPLES, steps[s]);
					statements[s] = StatementCounter.Reading.now().since(before).statements() / (double) SAMPLES;
				}
				System.out.printf("%-14s %-6s %,7d | %-17s %-17s | %-17s %-17s | %.2f | %.1f / %.1f%n",
						user + roleOf(user, prefix), name, sees[0], p(figures[0]), p(figures[1]), p(figures[2]),
						p(figures[3]), BenchmarkApplication.percentile(figures[0], 0.95)
								/ BenchmarkApplication.percentile(figures[2], 0.95),
						statements[0], statements[2]);
			}
		}
		System.out.println("(milliseconds; sees: the filter's count for that user)");
		System.out.println("memory after the queries: " + BenchmarkApplication.memory());
		System.out.println();
	}

	private static String roleOf(String user, String prefix) {
		return user.endsWith("s1") ? " 支书" : (user.endsWith("r") || user.endsWith("c")) ? " 团委" : " 团总支";
	}

	/**
	 * The committee {@code <prefix>r} as the real models offer tasks (BranchStart: a
	 * branch's 审核承诺 and 团委点评 go to the committee directly above it; 推优入党 and 述职 to the
	 * committee that launched them, for its subtree): the tasks of the first branches (by
	 * code) of the 团委 {@code <prefix>c}, {@code -DcommitteeTasks} (3,000) of them, also
	 * offered to the group of a committee of its own, with one member. Added once to a
	 * kept database (the engine's own {@code addCandidateGroup}, which writes the group's
	 * grant on each task as for any candidate group).
	 */
	private static String committeeOfItsBranches(BenchmarkApplication app, String prefix) throws Exception {
		TaskService tasks = app.bean(TaskService.class);
		var jdbc = app.bean(org.springframework.jdbc.core.simple.JdbcClient.class);
		String user = prefix + "r";
		String group = "org" + prefix + "Rcommittee";
		// the committee and its member as any other: through the organisation's import
		app.bean(org.cyl.excellence.organization.OrganizationImport.class)
			.importCsv(Map.of(org.cyl.excellence.organization.OrganizationImport.ORGANIZATIONS,
					("code,name,type,parent_code,party_org_code\n" + prefix + "R,测试团委R" + prefix + ",团委,1,\n")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8),
					org.cyl.excellence.organization.OrganizationImport.MEMBERS,
					"league_no,name,org_code,cadre,username\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
					org.cyl.excellence.organization.OrganizationImport.ROLES,
					("username,name,org_code,role,email\n" + user + ",委员R" + prefix + "," + prefix + "R,committee,\n")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		if (tasks.createTaskQuery().taskCandidateGroup(group).count() > 0) {
			return "committee " + user + ": its tasks kept from an earlier run";
		}
		int wanted = Integer.getInteger("committeeTasks", 3000);
		List<String> ids = jdbc.sql("""
				select c.task_id_ from act_ru_identitylink c
				join act_ru_identitylink s on s.task_id_ = c.task_id_ and s.type_ = 'candidate' and s.group_id_ like ?
				where c.type_ = 'candidate' and c.group_id_ = ? order by s.group_id_, c.task_id_""")
			.params("org" + prefix + "B%secretary", "org" + prefix + "committee")
			.query(String.class)
			.list();
		List<String> offered = ids.subList(0, Math.min(wanted, ids.size()));
		long t0 = System.nanoTime();
		BenchmarkApplication.rate(offered.size(), THREADS, (k) -> tasks.addCandidateGroup(offered.get(k), group));
		return String.format("committee %s: %,d tasks of the 团委's first branches offered to %s in %.1f s; %s", user,
				offered.size(), group, (System.nanoTime() - t0) / 1e9, app.analyze());
	}

	private static String p(double[] sorted) {
		return String.format("%6.1f / %6.1f", BenchmarkApplication.percentile(sorted, 0.5),
				BenchmarkApplication.percentile(sorted, 0.95));
	}

	private static void expect(Response response) {
		if (response.status() != 200) {
			throw new IllegalStateException(response.status() + " " + response.body());
		}
	}

}
