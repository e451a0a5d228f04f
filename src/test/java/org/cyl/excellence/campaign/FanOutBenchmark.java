package org.cyl.excellence.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
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
 * approved, its fan-out run by the real job executor (on for this benchmark) until every
 * branch's BranchCampaignProcess waits at 召开动员大会 ({@code Task_MobilizeBranch}); beside
 * raw {@code RuntimeService.startProcessInstanceByKey} of BranchCampaignProcess with the
 * variables the fan-out gives, from as many threads as the job executor may run, in the
 * same run on the same database. Prints a table and the application's memory at the end,
 * with that many open tasks; no timed assertion. {@code -DchunkSize=} (default the
 * application's), {@code -Draw=} (raw starts), {@code -Dthreads=} (raw threads, default
 * the job executor's maximum pool), {@code -DmemberAccounts=true} (an account for every
 * member, not only the secretaries), {@code -DtimeoutMinutes=}.
 */
class FanOutBenchmark {

	static final int BRANCHES = Integer.getInteger("branches", 10000);

	static final int MEMBERS = Integer.getInteger("membersPerBranch", 30);

	static final Integer CHUNK = Integer.getInteger("chunkSize");

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

	@Test
	void fanOut() throws Exception {
		List<String> args = new ArrayList<>(List.of("--camunda.bpm.job-execution.enabled=true"));
		if (LOCK_TIME != null) {
			args.add("--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME);
		}
		if (CHUNK != null) {
			args.add("--app.campaign.fan-out-chunk-size=" + CHUNK);
		}
		try (BenchmarkApplication app = BenchmarkApplication.start("fanout", args.toArray(String[]::new))) {
			run(app);
		}
	}

	private void run(BenchmarkApplication app) throws Exception {
		CampaignTestSupport support = app.bean(CampaignTestSupport.class);
		CampaignRepository campaigns = app.bean(CampaignRepository.class);
		BranchProcesses branchProcesses = app.bean(BranchProcesses.class);
		HistoryService history = app.bean(HistoryService.class);
		JobExecutionProperty executor = app.bean(CamundaBpmProperties.class).getJobExecution();
		JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) app.bean(ProcessEngine.class)
			.getProcessEngineConfiguration()).getJobExecutor();
		int threads = (THREADS != null) ? THREADS : executor.getMaxPoolSize();
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
		BenchmarkApplication.Step rawStart = (i) -> support.runtimeService.startProcessInstanceByKey(
				CampaignVariables.BRANCH_PROCESS,
				rawCampaign.id() + ":" + branches.get(i % branches.size()) + ((i < branches.size()) ? "" : "#" + i),
				rawVariables.get(i));
		BenchmarkApplication.rate(WARMUP, threads, rawStart);

		// the measured line: the campaign approved, the job executor runs the fan-out
		ProcessInstance launched = support.startCampaign(prefix + "c", CampaignTestSupport.plan(1));
		Campaign campaign = campaign(campaigns, support, launched);
		t0 = System.nanoTime();
		support.complete(support.task(launched.getId(), "Task_ApprovePlan"), Map.of("planDecision", "approve"));
		long waiting = 0;
		long lastReport = System.nanoTime();
		Map<String, java.util.Set<Object>> acquisitions = new java.util.HashMap<>();
		while (waiting < BRANCHES) {
			Thread.sleep(250);
			waiting = waitingAtFirstTask(support, campaign.id());
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
				// grow
				// (this server has it off): else the planner keeps believing them empty
				app.analyzeGrowing();
				System.out.printf(
						"fan-out: %,d of %,d branches after %.0f s; most acquisitions of one job: %d;"
								+ " incidents: %d%n",
						waiting, BRANCHES, seconds(t0), most, support.runtimeService.createIncidentQuery().count());
			}
		}
		double fanOutSeconds = seconds(t0);

		// the ceiling: raw starts from as many threads as the job executor may run, and
		// from one (the chunks run one after the other)
		double rawRate = BenchmarkApplication.rate(RAW, threads, (i) -> rawStart.run(WARMUP + i));
		double singleRate = BenchmarkApplication.rate(single, 1, (i) -> rawStart.run(WARMUP + RAW + i));

		Map<String, Long> jobs = new java.util.TreeMap<>();
		history.createHistoricJobLogQuery()
			.processInstanceId(launched.getId())
			.creationLog()
			.list()
			.forEach((log) -> jobs.merge(log.getActivityId(), 1L, Long::sum));
		long failures = history.createHistoricJobLogQuery().processInstanceId(launched.getId()).failureLog().count();
		long incidents = support.runtimeService.createIncidentQuery().count();
		long openTasks = support.taskService.createTaskQuery().count();
		double fanOutRate = BRANCHES / fanOutSeconds;

		System.out.println();
		System.out
			.println("=== fan-out (CampaignProcess → BranchCampaignProcess per branch), " + app.database + " ===");
		System.out.println(loadAtStart + " (at the start); " + BenchmarkApplication.loadAverage() + " (at the end)");
		System.out.printf(
				"job executor: core pool %d, max pool %d, queue %d, max jobs per acquisition %d, wait %d ms, lock %d ms%n",
				executor.getCorePoolSize(), executor.getMaxPoolSize(), executor.getQueueCapacity(),
				jobExecutor.getMaxJobsPerAcquisition(), jobExecutor.getWaitTimeInMillis(),
				jobExecutor.getLockTimeInMillis());
		System.out.printf("setup: %,d branches × %d members (%,d members; accounts: %s) imported in %.1f s%n", BRANCHES,
				MEMBERS, BRANCHES * MEMBERS, MEMBER_ACCOUNTS ? "every member" : "secretaries only", importSeconds);
		System.out.println("statistics: " + statistics);
		System.out.printf(
				"chunk size %d (%,d chunks); the campaign's jobs by activity: %s; failed job runs: %d; incidents: %d%n",
				chunkSize, (BRANCHES + chunkSize - 1) / chunkSize, jobs, failures, incidents);
		System.out.printf(
				"BranchProcesses.startVariables per branch (computed before the raw lines, outside their timing): %.1f ms%n",
				variablesMillis);
		System.out.printf("%-72s %8.1f /s  (%.1f s in all)%n",
				"fan-out by the job executor, approval → every branch at 召开动员大会", fanOutRate, fanOutSeconds);
		System.out.printf("%-72s %8.1f /s%n",
				"raw RuntimeService.startProcessInstanceByKey, " + threads + " threads (ceiling)", rawRate);
		System.out.printf("%-72s %8.1f /s%n", "raw RuntimeService.startProcessInstanceByKey, 1 thread", singleRate);
		System.out.printf(
				"fan-out / raw: %.2f of %d threads, %.2f of 1 thread (%,d + %,d raw starts after %,d of warm-up)%n",
				fanOutRate / rawRate, threads, fanOutRate / singleRate, RAW, single, WARMUP);
		System.out.printf("open tasks: %,d; memory: %s%n", openTasks, BenchmarkApplication.memory());
		System.out.println();
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
