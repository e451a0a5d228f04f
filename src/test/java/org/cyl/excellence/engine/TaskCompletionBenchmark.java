package org.cyl.excellence.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cyl.excellence.RestTasks;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.cyl.excellence.engine.BenchmarkApplication.Response;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: a benchmark, run with
 * {@code ./mvnw -Pbenchmark test -Dtest=TaskCompletionBenchmark}. Real
 * {@code BranchCampaignProcess} tasks 召开动员大会 ({@code Task_MobilizeBranch}, one per branch
 * of a generated organisation, started by a campaign's fan-out) completed with the form's
 * values: by concurrent HTTP clients through {@code /engine-rest/task/{id}/submit-form}
 * with HTTP Basic as the task's secretary (security chain, Camunda authorizations, the
 * server's validation), beside raw {@code TaskService.complete} calls from as many
 * threads on another batch of the same tasks in the same run (the same validation
 * listener runs there too). Also Tasklist's own API with a session cookie, what HTTP
 * Basic's password check costs on its own, and the campaign's commonest completion, a
 * member's 签订个人承诺 (one per member and round), raw and over REST as the member. On
 * PostgreSQL where the test server answers, else H2. Prints a table; no timed assertion.
 * {@code -Dtasks=} (per measured batch), {@code -Dwarmup=}, {@code -Dclients=}.
 */
class TaskCompletionBenchmark {

	static final int TASKS = Integer.getInteger("tasks", 1000);

	static final int WARMUP = Integer.getInteger("warmup", 200);

	static final int CLIENTS = Integer.getInteger("clients", 8);

	record Open(String task, String secretary) {

	}

	@Test
	void taskCompletionsPerSecond() throws Exception {
		try (BenchmarkApplication app = BenchmarkApplication.start("tasks")) {
			run(app);
		}
	}

	private void run(BenchmarkApplication app) throws Exception {
		CampaignTestSupport support = app.bean(CampaignTestSupport.class);
		TaskService taskService = app.bean(TaskService.class);
		IdentityService identity = app.bean(IdentityService.class);
		JdbcClient jdbc = app.bean(JdbcClient.class);
		String base = "http://localhost:" + app.port;

		// the organisation and a campaign over it: one 召开动员大会 task per branch
		String prefix = "BM" + System.nanoTime() % 100000;
		int branches = 3 * TASKS + 3 * WARMUP;
		long t0 = System.nanoTime();
		support.organization(prefix, branches);
		double importSeconds = (System.nanoTime() - t0) / 1e9;
		ProcessInstance campaign = support.startCampaign(prefix + "c", CampaignTestSupport.plan(1));
		support.complete(support.task(campaign.getId(), "Task_ApprovePlan"), Map.of("planDecision", "approve"));
		t0 = System.nanoTime();
		support.runJobs(campaign.getId());
		double fanOutSeconds = (System.nanoTime() - t0) / 1e9;
		String campaignId = (String) support.runtimeService.getVariable(campaign.getId(), "campaignId");
		String branchPrefix = prefix + "B";
		List<Open> open = jdbc
			.sql("select t.id_, b.branch_code from act_ru_task t join campaign_branch b"
					+ " on b.process_instance_id = t.proc_inst_id_"
					+ " where b.campaign_id = ? and t.task_def_key_ = 'Task_MobilizeBranch' order by b.branch_code")
			.param(campaignId)
			.query((rs, n) -> new Open(rs.getString(1),
					prefix + "s" + rs.getString(2).substring(branchPrefix.length())))
			.list();
		if (open.size() != branches) {
			throw new IllegalStateException("expected " + branches + " open tasks, found " + open.size());
		}
		List<Open> warmHttp = open.subList(0, WARMUP);
		List<Open> warmRaw = open.subList(WARMUP, 2 * WARMUP);
		List<Open> warmSession = open.subList(2 * WARMUP, 3 * WARMUP);
		List<Open> raw = open.subList(3 * WARMUP, 3 * WARMUP + TASKS);
		List<Open> http = open.subList(3 * WARMUP + TASKS, 3 * WARMUP + 2 * TASKS);
		List<Open> session = open.subList(3 * WARMUP + 2 * TASKS, 3 * WARMUP + 3 * TASKS);

		String form = RestTasks.form(CampaignTestSupport.mobilization());
		AtomicInteger refused = new AtomicInteger();
		BenchmarkApplication.Step rawStep = (i) -> taskService.complete(raw.get(i).task(),
				CampaignTestSupport.mobilization());
		java.util.function.Function<List<Open>, BenchmarkApplication.Step> basicStep = (batch) -> (i) -> {
			Open o = batch.get(i);
			Response r = BenchmarkApplication.http("POST", base + "/engine-rest/task/" + o.task() + "/submit-form",
					form, "Content-Type", "application/json", "Authorization",
					BenchmarkApplication.basic(o.secretary(), "demo"));
			if (r.status() != 204) {
				refused.incrementAndGet();
				if (refused.get() < 3) {
					System.out.println("refused: " + r.status() + " " + r.body());
				}
			}
		};

		// warm-up: every path once over a batch of its own
		BenchmarkApplication.rate(WARMUP, CLIENTS, basicStep.apply(warmHttp));
		BenchmarkApplication.rate(WARMUP, CLIENTS,
				(i) -> taskService.complete(warmRaw.get(i).task(), CampaignTestSupport.mobilization()));

		// the ceiling: raw TaskService.complete, no HTTP, no authentication
		Map<String, long[]> writesBefore = app.tableWrites();
		StatementCounter.Reading before = StatementCounter.Reading.now();
		double rawRate = BenchmarkApplication.rate(TASKS, CLIENTS, rawStep);
		StatementCounter.Reading rawStatements = StatementCounter.Reading.now().since(before);
		Map<String, long[]> writesAfter = app.tableWrites();
		String rawWrites = BenchmarkApplication.writesPer(writesBefore, writesAfter, TASKS);
		// through the REST API with HTTP Basic as the task's secretary
		before = StatementCounter.Reading.now();
		double httpRate = BenchmarkApplication.rate(TASKS, CLIENTS, basicStep.apply(http));
		StatementCounter.Reading httpStatements = StatementCounter.Reading.now().since(before);
		int refusedBasic = refused.getAndSet(0);

		// the engine's own ceiling for a completion: a one-task model, nothing else
		List<String> minimal = minimalTasks(app, TASKS + WARMUP);
		BenchmarkApplication.rate(WARMUP, CLIENTS, (i) -> taskService.complete(minimal.get(i)));
		writesBefore = app.tableWrites();
		before = StatementCounter.Reading.now();
		double minimalRate = BenchmarkApplication.rate(TASKS, CLIENTS,
				(i) -> taskService.complete(minimal.get(WARMUP + i)));
		StatementCounter.Reading minimalStatements = StatementCounter.Reading.now().since(before);
		String minimalWrites = BenchmarkApplication.writesPer(writesBefore, app.tableWrites(), TASKS);

		// Tasklist's own API with a session (logged in beforehand, outside the timing)
		List<String[]> sessions = new ArrayList<>();
		t0 = System.nanoTime();
		for (Open o : warmSession) {
			sessions.add(BenchmarkApplication.login(base, o.secretary()));
		}
		for (Open o : session) {
			sessions.add(BenchmarkApplication.login(base, o.secretary()));
		}
		double loginMillis = (System.nanoTime() - t0) / 1e6 / sessions.size();
		List<Open> sessionTasks = new ArrayList<>(warmSession);
		sessionTasks.addAll(session);
		BenchmarkApplication.Step sessionStep = (i) -> {
			String[] cookie = sessions.get(i);
			Response r = BenchmarkApplication.http("POST",
					base + "/camunda/api/engine/engine/default/task/" + sessionTasks.get(i).task() + "/submit-form",
					form, "Content-Type", "application/json", "Cookie", cookie[0], "X-XSRF-TOKEN", cookie[1]);
			if (r.status() != 204) {
				refused.incrementAndGet();
				if (refused.get() < 3) {
					System.out.println("refused: " + r.status() + " " + r.body());
				}
			}
		};
		BenchmarkApplication.rate(WARMUP, CLIENTS, sessionStep);
		before = StatementCounter.Reading.now();
		double sessionRate = BenchmarkApplication.rate(TASKS, CLIENTS, (i) -> sessionStep.run(WARMUP + i));
		StatementCounter.Reading sessionStatements = StatementCounter.Reading.now().since(before);
		int refusedSession = refused.get();

		// what HTTP Basic adds per request: the password check (Camunda's identity
		// service, a salted SHA-512 of the stored user) and the chain without any task
		String someone = open.get(0).secretary();
		double checkRate = BenchmarkApplication.rate(TASKS, CLIENTS, (i) -> identity.checkPassword(someone, "demo"));
		double versionRate = BenchmarkApplication.rate(TASKS, CLIENTS, (i) -> BenchmarkApplication.http("GET",
				base + "/engine-rest/version", null, "Authorization", BenchmarkApplication.basic(someone, "demo")));

		// the commonest completion of a campaign: a member's 签订个人承诺 (one per member and
		// round: a million in a province), after the branches' 制定组织承诺 (outside the
		// timing)
		List<org.camunda.bpm.engine.task.Task> drafts = taskService.createTaskQuery()
			.processVariableValueEquals("campaignId", campaignId)
			.taskDefinitionKey("Task_DraftOrgPledge")
			.list();
		BenchmarkApplication.rate(drafts.size(), CLIENTS,
				(i) -> taskService.complete(drafts.get(i).getId(), support.orgPledge(drafts.get(i))));
		List<org.camunda.bpm.engine.task.Task> signing = taskService.createTaskQuery()
			.processVariableValueEquals("campaignId", campaignId)
			.taskDefinitionKey("Task_SignMemberPledge")
			.orderByTaskId()
			.asc()
			.list();
		int pledgesNeeded = 2 * WARMUP + 2 * TASKS;
		if (signing.size() < pledgesNeeded) {
			throw new IllegalStateException("expected " + pledgesNeeded + " pledges, found " + signing.size());
		}
		List<Map<String, Object>> pledgeValues = new ArrayList<>();
		for (org.camunda.bpm.engine.task.Task task : signing.subList(0, pledgesNeeded)) {
			Map<String, Object> values = support.perItem(task, "pledge", (item) -> "我承诺" + item);
			if (Boolean.TRUE.equals(taskService.getVariable(task.getId(), "isCadre"))) {
				values.put("higherStandard", "标准高于一般团员");
			}
			pledgeValues.add(values);
		}
		// as /submit-form does: the form's fields are the task's own variables
		// (task-local)
		org.camunda.bpm.engine.FormService forms = app.bean(org.camunda.bpm.engine.FormService.class);
		BenchmarkApplication.Step pledgeRaw = (i) -> forms.submitTaskForm(signing.get(i).getId(), pledgeValues.get(i));
		BenchmarkApplication.Step pledgeHttp = (i) -> {
			org.camunda.bpm.engine.task.Task task = signing.get(i);
			Response r = BenchmarkApplication.http("POST", base + "/engine-rest/task/" + task.getId() + "/submit-form",
					RestTasks.form(pledgeValues.get(i)), "Content-Type", "application/json", "Authorization",
					BenchmarkApplication.basic(task.getAssignee(), "demo"));
			if (r.status() != 204) {
				refused.incrementAndGet();
				if (refused.get() < 3) {
					System.out.println("refused: " + r.status() + " " + r.body());
				}
			}
		};
		refused.set(0);
		BenchmarkApplication.rate(WARMUP, CLIENTS, pledgeRaw);
		BenchmarkApplication.rate(WARMUP, CLIENTS, (i) -> pledgeHttp.run(WARMUP + i));
		writesBefore = app.tableWrites();
		before = StatementCounter.Reading.now();
		double pledgeRawRate = BenchmarkApplication.rate(TASKS, CLIENTS, (i) -> pledgeRaw.run(2 * WARMUP + i));
		StatementCounter.Reading pledgeRawStatements = StatementCounter.Reading.now().since(before);
		String pledgeWrites = BenchmarkApplication.writesPer(writesBefore, app.tableWrites(), TASKS);
		before = StatementCounter.Reading.now();
		double pledgeHttpRate = BenchmarkApplication.rate(TASKS, CLIENTS,
				(i) -> pledgeHttp.run(2 * WARMUP + TASKS + i));
		StatementCounter.Reading pledgeHttpStatements = StatementCounter.Reading.now().since(before);
		int refusedPledges = refused.get();

		long left = jdbc.sql("select count(*) from act_ru_task where task_def_key_ = 'Task_MobilizeBranch'")
			.query(Long.class)
			.single();

		System.out.println();
		System.out.println("=== task completion (召开动员大会, validated form), " + app.database + " ===");
		System.out.println(BenchmarkApplication.machine() + "; " + CLIENTS + " concurrent clients/threads; " + TASKS
				+ " tasks per line after a warm-up of " + WARMUP + " per path");
		System.out.printf("setup: %,d branches imported in %.1f s; fan-out to %,d branch processes in %.1f s%n",
				branches, importSeconds, branches, fanOutSeconds);
		System.out.printf("%-66s %8.0f /s  %s%n", "raw TaskService.complete (ceiling; same validation listener)",
				rawRate, per(rawStatements));
		System.out.printf("%-66s %8.0f /s  (%.2f of raw)  %s%n", "POST /engine-rest/task/{id}/submit-form, HTTP Basic",
				httpRate, httpRate / rawRate, per(httpStatements));
		System.out.printf("%-66s %8.0f /s  (%.2f of raw)  %s%n",
				"POST /camunda/api/engine/.../submit-form, session cookie (Tasklist)", sessionRate,
				sessionRate / rawRate, per(sessionStatements));
		System.out.printf("%-66s %8.0f /s  %s%n", "raw TaskService.complete of a one-task model (engine's ceiling)",
				minimalRate, per(minimalStatements));
		System.out.printf("real task / one-task model: %.2f of the rate%n", rawRate / minimalRate);
		if (!rawWrites.isEmpty()) {
			System.out.print("rows written per raw completion of 召开动员大会 (pg_stat_user_tables):\n" + rawWrites);
			System.out.print("rows written per raw completion of the one-task model:\n" + minimalWrites);
		}
		System.out.printf("%-66s %8.0f /s  %s%n", "raw FormService.submitTaskForm of 签订个人承诺 (a member's pledge)",
				pledgeRawRate, per(pledgeRawStatements));
		System.out.printf("%-66s %8.0f /s  (%.2f of raw)  %s%n",
				"  the same over /engine-rest, HTTP Basic as the member", pledgeHttpRate,
				pledgeHttpRate / pledgeRawRate, per(pledgeHttpStatements));
		System.out.printf("签订个人承诺 / one-task model: %.2f of the rate (refused: %d)%n", pledgeRawRate / minimalRate,
				refusedPledges);
		if (!pledgeWrites.isEmpty()) {
			System.out.print("rows written per raw completion of 签订个人承诺:\n" + pledgeWrites);
		}
		System.out.printf("%-66s %8.0f /s%n", "IdentityService.checkPassword alone (HTTP Basic's check)", checkRate);
		System.out.printf("%-66s %8.0f /s%n", "GET /engine-rest/version, HTTP Basic (the chain, no task)", versionRate);
		System.out.printf("login through /login (outside the timing): %.1f ms each%n", loginMillis);
		System.out.printf("refused responses: %d (Basic), %d (session); 召开动员大会 tasks left open: %,d of %,d%n",
				refusedBasic, refusedSession, left, branches);
		System.out.println();
	}

	/** Statements per completion of a batch of {@code TASKS}. */
	private static String per(StatementCounter.Reading reading) {
		return String.format("%.1f statements per completion (%.1f batches)", reading.statements() / (double) TASKS,
				reading.batches() / (double) TASKS);
	}

	/**
	 * {@code count} open tasks of the one-task model (deployed here), started outside the
	 * timing.
	 */
	private static List<String> minimalTasks(BenchmarkApplication app, int count) throws Exception {
		try (java.io.InputStream bpmn = new org.springframework.core.io.ClassPathResource(
				"testmodels/benchmark/MinimalTaskProcess.bpmn")
			.getInputStream()) {
			app.bean(org.camunda.bpm.engine.RepositoryService.class)
				.createDeployment()
				.name("completion-benchmark")
				.addInputStream("MinimalTaskProcess.bpmn", bpmn)
				.deploy();
		}
		org.camunda.bpm.engine.RuntimeService runtime = app.bean(org.camunda.bpm.engine.RuntimeService.class);
		BenchmarkApplication.rate(count, CLIENTS, (i) -> runtime.startProcessInstanceByKey("MinimalTaskProcess"));
		return app.bean(TaskService.class)
			.createTaskQuery()
			.taskDefinitionKey("Task_Minimal")
			.list()
			.stream()
			.map(org.camunda.bpm.engine.task.Task::getId)
			.toList();
	}

}
