package org.cyl.excellence.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.cyl.excellence.engine.BenchmarkApplication;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a benchmark, run with
 * {@code ./mvnw -Pbenchmark test -Dtest=FanOutBenchmark}. A campaign over a generated
 * organisation of {@code -Dbranches=} branches of {@code -DmembersPerBranch=} members,
 * approved, its fan-out run by the real job executors (on for this benchmark) of
 * {@code -Dnodes=} nodes on the same database (default 2: the benchmark's application and
 * a second node in a Spring context of its own in the same JVM,
 * {@link BenchmarkApplication#secondNode}; {@code -Dnodes=1} as before) until every
 * branch's BranchCampaignProcess waits at 召开动员大会 ({@code Task_MobilizeBranch}), and on
 * until the campaign itself waits for its branches (the chunks' ends counted); with the
 * chunks each node ran (the job log's host name). Beside it raw
 * {@code RuntimeService.startProcessInstanceByKey} of BranchCampaignProcess with the
 * variables the fan-out gives, from as many threads as the nodes' job executors may run
 * together, each thread on one node's engine, in the same run on the same database.
 * Prints a table and the JVM's memory at the end (both nodes), with that many open tasks;
 * no timed assertion. {@code -DchunkSize=} (default the application's), {@code -Draw=}
 * (raw starts), {@code -Dthreads=} (raw threads in all, default the job executor's
 * maximum pool times the nodes), {@code -DmemberAccounts=true} (an account for every
 * member, not only the secretaries), {@code -DtimeoutMinutes=}.
 */
class FanOutBenchmark {

	static final int BRANCHES = Integer.getInteger("branches", 10000);

	static final int NODES = Math.max(1, Integer.getInteger("nodes", 2));

	static final int MEMBERS = Integer.getInteger("membersPerBranch", 30);

	static final Integer CHUNK_SIZE = Integer.getInteger("chunkSize");

	static final int RAW = Integer.getInteger("raw", 2000);

	static final Integer THREADS = Integer.getInteger("threads");

	static final boolean MEMBER_ACCOUNTS = Boolean.getBoolean("memberAccounts");

	static final Integer LOCK_TIME = Integer.getInteger("lockTimeMillis");

	static final int TIMEOUT_MINUTES = Integer.getInteger("timeoutMinutes", 240);

	/**
	 * A job taken up this many times without finishing runs longer than the lock time:
	 * each new run makes the one before fail (OptimisticLockingException), for ever.
	 */
	static final int GIVE_UP_AFTER_ACQUISITIONS = 3;

	/** Raw starts before anything is timed, so that both paths run warm. */
	static final int WARMUP = Math.min(RAW, 100);

	/** The job of one chunk (CampaignProcess), and the job that ends its instance. */
	static final String CHUNK = "SubProcess_StartBranches";

	static final String CHUNK_END = "Task_StartBranches";

	@Test
	void fanOut() throws Exception {
		List<String> args = new ArrayList<>(List.of("--camunda.bpm.job-execution.enabled=true"));
		if (LOCK_TIME != null) {
			args.add("--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME);
		}
		if (CHUNK_SIZE != null) {
			args.add("--app.campaign.fan-out-chunk-size=" + CHUNK_SIZE);
		}
		List<BenchmarkApplication> nodes = new ArrayList<>();
		try (BenchmarkApplication app = BenchmarkApplication.start("fanout", node(args, 1))) {
			nodes.add(app);
			try {
				// the other nodes start before the organisation is imported: a node
				// started
				// afterwards synchronises every account into Camunda's identity first
				for (int n = 2; n <= NODES; n++) {
					nodes.add(app.secondNode(node(args, n)));
				}
				run(nodes);
			}
			finally {
				for (BenchmarkApplication other : nodes.subList(1, nodes.size())) {
					other.close();
				}
			}
		}
	}

	/** The arguments of node {@code n}: its host name in the job log. */
	private static String[] node(List<String> args, int n) {
		List<String> all = new ArrayList<>(args);
		all.add("--camunda.bpm.generic-properties.properties.hostname=node-" + n);
		return all.toArray(String[]::new);
	}

	private void run(List<BenchmarkApplication> nodes) throws Exception {
		BenchmarkApplication app = nodes.get(0);
		CampaignTestSupport support = app.bean(CampaignTestSupport.class);
		CampaignRepository campaigns = app.bean(CampaignRepository.class);
		BranchProcesses branchProcesses = app.bean(BranchProcesses.class);
		HistoryService history = app.bean(HistoryService.class);
		JobExecutionProperty executor = app.bean(CamundaBpmProperties.class).getJobExecution();
		JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) app.bean(ProcessEngine.class)
			.getProcessEngineConfiguration()).getJobExecutor();
		int threads = (THREADS != null) ? THREADS : executor.getMaxPoolSize() * nodes.size();
		List<RuntimeService> engines = nodes.stream().map((n) -> n.bean(RuntimeService.class)).toList();
		int chunkSize = app.bean(ListBranchesDelegate.class).chunkSize();
		String loadAtStart = BenchmarkApplication.machine();

		// the organisation: branches of MEMBERS members, the first the secretary
		String prefix = "FO" + System.nanoTime() % 100000;
		long t0 = System.nanoTime();
		support.organization(prefix, BRANCHES, MEMBERS, MEMBER_ACCOUNTS);
		double importSeconds = seconds(t0);
		// as autovacuum would after the import's bulk inserts (this server has it off)
		String statistics = app.analyze();
		List<String> branches = support.jdbc.sql("select code from organization where parent_code = ? order by code")
			.param(prefix + "G")
			.query(String.class)
			.list();

		// the ceiling's branches: those of a second campaign over the same organisation,
		// left waiting for its approval (no campaign_branch rows: the stage listener
		// updates nothing), with the variables the fan-out would give them
		Campaign rawCampaign = campaign(campaigns, support,
				support.startCampaign(prefix + "c", CampaignTestSupport.plan(1)));
		int single = Math.max(1, RAW / 4);
		List<Map<String, Object>> rawVariables = new ArrayList<>();
		t0 = System.nanoTime();
		for (int i = 0; i < WARMUP + RAW + single; i++) {
			rawVariables.add(branchProcesses.startVariables(rawCampaign, branches.get(i % branches.size())));
		}
		double variablesMillis = seconds(t0) * 1000 / rawVariables.size();
		RawStart rawStart = (engine, i) -> engine.startProcessInstanceByKey(CampaignVariables.BRANCH_PROCESS,
				rawCampaign.id() + ":" + branches.get(i % branches.size()) + ((i < branches.size()) ? "" : "#" + i),
				rawVariables.get(i));
		rate(WARMUP, threads, engines, rawStart);

		// the measured line: the campaign approved, the job executors run the fan-out
		ProcessInstance launched = support.startCampaign(prefix + "c", CampaignTestSupport.plan(1));
		Campaign campaign = campaign(campaigns, support, launched);
		long approvedAt = System.currentTimeMillis();
		t0 = System.nanoTime();
		support.complete(support.task(launched.getId(), "Task_ApprovePlan"), Map.of("planDecision", "approve"));
		long waiting = 0;
		double fanOutSeconds = 0;
		double joinedSeconds = 0;
		long lastReport = System.nanoTime();
		Map<String, java.util.Set<Object>> acquisitions = new java.util.HashMap<>();
		while (joinedSeconds == 0) {
			Thread.sleep(250);
			if (fanOutSeconds == 0) {
				waiting = waitingAtFirstTask(support, campaign.id());
				if (waiting >= BRANCHES) {
					fanOutSeconds = seconds(t0);
				}
			}
			if (fanOutSeconds > 0 && support.runtimeService.createExecutionQuery()
				.processInstanceId(launched.getId())
				.activityId("Task_AwaitBranches")
				.count() > 0) {
				joinedSeconds = seconds(t0);
			}
			support.jdbc
				.sql("select id_, lock_exp_time_ from act_ru_job where process_instance_id_ = ?"
						+ " and lock_exp_time_ is not null")
				.param(launched.getId())
				.query((rs, n) -> acquisitions.computeIfAbsent(rs.getString(1), (k) -> new java.util.HashSet<>())
					.add(rs.getTimestamp(2)))
				.list();
			int most = acquisitions.values().stream().mapToInt(java.util.Set::size).max().orElse(0);
			if (most >= GIVE_UP_AFTER_ACQUISITIONS) {
				throw new IllegalStateException("fan-out stopped after " + Math.round(seconds(t0)) + " s: a job of the"
						+ " campaign was acquired " + most + " times (" + waiting + " of " + BRANCHES + " branches"
						+ " waiting): it runs longer than the lock time (" + jobExecutor.getLockTimeInMillis()
						+ " ms), so every run fails with an OptimisticLockingException when the next one takes the job");
			}
			if (seconds(t0) > TIMEOUT_MINUTES * 60.0) {
				throw new IllegalStateException("fan-out not finished after " + TIMEOUT_MINUTES + " minutes: " + waiting
						+ " of " + BRANCHES + " branches waiting");
			}
			if (seconds(lastReport) >= 30) {
				lastReport = System.nanoTime();
				// the tables the fan-out fills, analysed as autovacuum would while they
				// grow (this server has it off): else the planner keeps believing them
				// empty
				app.analyzeGrowing();
				System.out.printf(
						"fan-out: %,d of %,d branches after %.0f s; chunks done per node: %s; most acquisitions of one"
								+ " job: %d; incidents: %d; load average %s%n",
						waiting, BRANCHES, seconds(t0), chunksPerNode(support, launched.getId()), most,
						support.runtimeService.createIncidentQuery().count(), BenchmarkApplication.loadAverage());
			}
		}
		String loadAfterFanOut = BenchmarkApplication.loadAverage();

		// the ceiling: raw starts from as many threads as the nodes' job executors may
		// run together, each thread on one node; and from one thread on one node
		double rawRate = rate(RAW, threads, engines, (engine, i) -> rawStart.start(engine, WARMUP + i));
		double singleRate = rate(single, 1, engines.subList(0, 1),
				(engine, i) -> rawStart.start(engine, WARMUP + RAW + i));

		Map<String, Long> jobs = new java.util.TreeMap<>();
		history.createHistoricJobLogQuery()
			.processInstanceId(launched.getId())
			.creationLog()
			.list()
			.forEach((log) -> jobs.merge(log.getActivityId(), 1L, Long::sum));
		long failures = history.createHistoricJobLogQuery().processInstanceId(launched.getId()).failureLog().count();
		List<String> failureMessages = support.jdbc
			.sql("select act_id_ || ': ' || coalesce(job_exception_msg_, '') || ' × ' || count(*)"
					+ " from act_hi_job_log where process_instance_id_ = ? and job_state_ = 1"
					+ " group by act_id_, job_exception_msg_ order by 1")
			.param(launched.getId())
			.query(String.class)
			.list();
		List<String> perNode = support.jdbc
			.sql("select hostname_, act_id_, count(*), min(timestamp_), max(timestamp_) from act_hi_job_log"
					+ " where process_instance_id_ = ? and job_state_ = 2 and act_id_ in (?, ?)"
					+ " group by hostname_, act_id_ order by hostname_, act_id_ desc")
			.params(launched.getId(), CHUNK, CHUNK_END)
			.query((rs, n) -> String.format(
					"  %-8s %-26s %,5d jobs, the first done %5.1f s, the last %5.1f s after" + " the approval",
					rs.getString(1),
					rs.getString(2).equals(CHUNK) ? "chunks (" + CHUNK + ")" : "their ends (" + CHUNK_END + ")",
					rs.getLong(3), (rs.getTimestamp(4).getTime() - approvedAt) / 1000.0,
					(rs.getTimestamp(5).getTime() - approvedAt) / 1000.0))
			.list();
		long incidents = support.runtimeService.createIncidentQuery().count();
		long openTasks = support.taskService.createTaskQuery().count();
		double fanOutRate = BRANCHES / fanOutSeconds;

		System.out.println();
		System.out.println("=== fan-out (CampaignProcess → BranchCampaignProcess per branch), " + nodes.size()
				+ ((nodes.size() == 1) ? " node" : " nodes (Spring contexts of their own in one JVM)") + ", "
				+ app.database + " ===");
		System.out.println(loadAtStart + " (at the start); " + loadAfterFanOut + " (after the fan-out); "
				+ BenchmarkApplication.loadAverage() + " (at the end)");
		System.out.printf(
				"job executor of each node: core pool %d, max pool %d, queue %d, max jobs per acquisition %d, wait %d ms,"
						+ " max wait %d ms, lock %d ms%n",
				executor.getCorePoolSize(), executor.getMaxPoolSize(), executor.getQueueCapacity(),
				jobExecutor.getMaxJobsPerAcquisition(), jobExecutor.getWaitTimeInMillis(), jobExecutor.getMaxWait(),
				jobExecutor.getLockTimeInMillis());
		System.out.printf("setup: %,d branches × %d members (%,d members; accounts: %s) imported in %.1f s%n", BRANCHES,
				MEMBERS, BRANCHES * MEMBERS, MEMBER_ACCOUNTS ? "every member" : "secretaries only", importSeconds);
		System.out.println("statistics: " + statistics);
		System.out.printf(
				"chunk size %d (%,d chunks); the campaign's jobs by activity: %s; failed job runs: %d%s; incidents: %d%n",
				chunkSize, (BRANCHES + chunkSize - 1) / chunkSize, jobs, failures,
				failureMessages.isEmpty() ? "" : " " + failureMessages, incidents);
		System.out.println("jobs run per node:");
		perNode.forEach(System.out::println);
		System.out.printf(
				"BranchProcesses.startVariables per branch (computed before the raw lines, outside their timing): %.1f ms%n",
				variablesMillis);
		System.out.printf("%-72s %8.1f /s  (%.1f s in all)%n",
				"fan-out by the job executors, approval → every branch at 召开动员大会", fanOutRate, fanOutSeconds);
		System.out.printf("%-72s %8s     (%.1f s in all)%n",
				"  and on until the campaign waits for its branches (every chunk's end)", "", joinedSeconds);
		System.out.printf("%-72s %8.1f /s%n", "raw RuntimeService.startProcessInstanceByKey, " + threads + " threads"
				+ ((nodes.size() == 1) ? "" : " on " + nodes.size() + " nodes") + " (ceiling)", rawRate);
		System.out.printf("%-72s %8.1f /s%n", "raw RuntimeService.startProcessInstanceByKey, 1 thread", singleRate);
		System.out.printf(
				"fan-out / raw: %.2f of %d threads, %.2f of 1 thread (%,d + %,d raw starts after %,d of warm-up)%n",
				fanOutRate / rawRate, threads, fanOutRate / singleRate, RAW, single, WARMUP);
		System.out.printf("open tasks: %,d; memory of the JVM%s: %s%n", openTasks,
				(nodes.size() == 1) ? "" : " (all " + nodes.size() + " nodes)", BenchmarkApplication.memory());
		System.out.println();
	}

	/** Chunks done so far by each node (the job log's host name). */
	private static Map<String, Long> chunksPerNode(CampaignTestSupport support, String campaignInstance) {
		Map<String, Long> done = new java.util.TreeMap<>();
		support.jdbc
			.sql("select hostname_, count(*) from act_hi_job_log where process_instance_id_ = ? and job_state_ = 2"
					+ " and act_id_ = ? group by hostname_")
			.params(campaignInstance, CHUNK)
			.query((rs, n) -> done.put(rs.getString(1), rs.getLong(2)))
			.list();
		return done;
	}

	/** A raw start of branch {@code i} on one node's engine. */
	interface RawStart {

		void start(RuntimeService engine, int i) throws Exception;

	}

	/**
	 * Raw starts {@code 0..count-1} on {@code threads} threads, thread {@code t} on the
	 * engine of node {@code t mod nodes}; returns starts per second.
	 */
	private static double rate(int count, int threads, List<RuntimeService> engines, RawStart step) throws Exception {
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
		try {
			java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
			List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
			long start = System.nanoTime();
			for (int t = 0; t < threads; t++) {
				RuntimeService engine = engines.get(t % engines.size());
				workers.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						step.start(engine, i);
					}
					return null;
				}));
			}
			for (java.util.concurrent.Future<?> worker : workers) {
				worker.get();
			}
			return count / ((System.nanoTime() - start) / 1e9);
		}
		finally {
			pool.shutdown();
		}
	}

	/** Branches of the campaign whose process waits at 召开动员大会. */
	private static long waitingAtFirstTask(CampaignTestSupport support, String campaignId) {
		return support.jdbc.sql(CampaignTestSupport.WAITING_AT_MOBILIZATION)
			.param(campaignId)
			.query(Long.class)
			.single();
	}

	private static Campaign campaign(CampaignRepository campaigns, CampaignTestSupport support,
			ProcessInstance instance) {
		String id = (String) support.runtimeService.getVariable(instance.getId(), CampaignVariables.CAMPAIGN_ID);
		return campaigns.find(id).orElseThrow();
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
