package org.cyl.excellence.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.ExcellenceCampaignApplication;
import org.cyl.excellence.ProcessTest;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application with the {@code postgres} profile on a fresh PostgreSQL database of its
 * own (see {@link PostgresTestServer}; dropped afterwards): the migrations and the engine
 * come up, the fan-out starts every branch once even when a chunk's job runs twice at the
 * same moment, two chunks of one campaign run at the same moment without waiting for each
 * other, as do two chunks of each standing duty's fan-out, one ballot link counts once
 * under 50 concurrent submissions, and the last two branches finishing at the same moment
 * move the campaign on once. Skipped, with a message, where no PostgreSQL server is
 * reachable.
 */
@EnabledIfPostgres
class PostgresTests {

	private static String database;

	private static ConfigurableApplicationContext context;

	private static CampaignTestSupport support;

	private static JdbcClient jdbc;

	private static int counter;

	@BeforeAll
	static void startOnAFreshDatabase() throws Exception {
		database = PostgresTestServer.createDatabase();
		context = new SpringApplicationBuilder(ExcellenceCampaignApplication.class).web(WebApplicationType.NONE)
			.run("--spring.profiles.active=postgres", "--spring.datasource.url=" + PostgresTestServer.urlOf(database),
					"--spring.datasource.username=" + PostgresTestServer.USER,
					"--spring.datasource.password=" + PostgresTestServer.PASSWORD,
					"--camunda.bpm.process-engine-name=postgrestests", "--camunda.bpm.job-execution.enabled=false",
					"--app.demo-data.campaign=false", "--app.campaign.fan-out-chunk-size=2",
					"--app.standing-duties.fan-out-chunk-size=2", "--spring.autoconfigure.exclude=" + ProcessTest.REST,
					// the losing run of a job run twice at once is expected to fail: not
					// logged
					"--logging.level.org.camunda.bpm.engine.context=off");
		support = context.getBean(CampaignTestSupport.class);
		jdbc = context.getBean(JdbcClient.class);
	}

	@AfterAll
	static void dropTheDatabase() throws Exception {
		if (context != null) {
			context.close();
		}
		if (database != null) {
			PostgresTestServer.dropDatabase(database);
		}
	}

	private static String prefix() {
		return "PG" + (++counter) + System.nanoTime() % 100000;
	}

	/** The versions of every migration the application ships, in order. */
	private static List<String> migrationVersions() {
		try {
			return java.util.Arrays
				.stream(new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
					.getResources("classpath:db/migration/**/V*__*.sql"))
				.map((resource) -> resource.getFilename().substring(1, resource.getFilename().indexOf("__")))
				.sorted(java.util.Comparator.comparingInt(Integer::parseInt))
				.toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void migrationsAndEngineComeUpOnPostgres() {
		assertThat(jdbc.sql("select version from flyway_schema_history where success order by installed_rank")
			.query(String.class)
			.list()).containsExactlyElementsOf(migrationVersions());
		assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = 'public'"
				+ " and table_name in ('act_ru_execution', 'act_ru_job', 'act_hi_procinst', 'act_id_user', 'act_ge_property')")
			.query(Long.class)
			.single()).isEqualTo(5);
		ProcessEngine engine = context.getBean(ProcessEngine.class);
		assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType())
			.isEqualTo("postgres");
		assertThat(engine.getRepositoryService().createDeploymentQuery().list()).singleElement()
			.satisfies((d) -> assertThat(d.getName()).isEqualTo(ModelDeployment.DEPLOYMENT_NAME));
		assertThat(engine.getRepositoryService().createProcessDefinitionQuery().list())
			.extracting(ProcessDefinition::getKey)
			.contains("CampaignProcess", "BranchCampaignProcess", "MassAppraisalProcess", "CommendationProcess")
			.doesNotHaveDuplicates();
		// the demo organisation (the other tests add organisations of their own),
		// imported
		// and synchronised into Camunda's identity tables
		assertThat(jdbc.sql("select count(*) from member where org_code like '12%'").query(Long.class).single())
			.isEqualTo(92);
		assertThat(engine.getIdentityService().createUserQuery().userId("sec120101").count()).isEqualTo(1);
	}

	/**
	 * Camunda looks up one grant by its type, group, resource type and resource whenever
	 * it offers a task to a group (to widen an existing grant): that lookup reads one
	 * index entry, also for a committee's group holding thousands of grants and with the
	 * statistics taken before they were written (between two of autovacuum's ANALYZE
	 * runs). With PostgresTuning's index holding the resource only as an included column,
	 * the planner took it and read every grant of the group for each lookup: the creation
	 * of 300,000 tasks ran at a seventh of its rate.
	 */
	@Test
	void aGrantIsLookedUpByItsResourceWhateverTheStatistics() {
		String group = "org" + prefix() + "committee";
		String insert = "insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)"
				+ " select ? || n, 1, 1, ?, 7, 'task' || n, 2 from generate_series(?, ?) n";
		try {
			jdbc.sql(insert).params(group, group, 1, 1).update();
			jdbc.sql("analyze act_ru_authorization").update();
			jdbc.sql(insert).params(group, group, 2, 3000).update();
			String plan = String.join("\n",
					jdbc.sql("explain (analyze, costs off) select * from act_ru_authorization"
							+ " where type_ = 1 and group_id_ = ? and resource_type_ = 7 and resource_id_ = 'task1500'")
						.param(group)
						.query(String.class)
						.list());
			assertThat(plan).contains("rows=1 loops=1").doesNotContain("Rows Removed by Filter");
			assertThat(plan.lines().filter((l) -> l.contains("Index Cond"))).singleElement()
				.asString()
				.contains("resource_id_");
		}
		finally {
			jdbc.sql("delete from act_ru_authorization where group_id_ = ?").param(group).update();
		}
	}

	/**
	 * A database on which an earlier version made the grants' indexes with the resource
	 * only included: at start they are dropped, and the indexes of this version made.
	 */
	@Test
	void indexesOfAnEarlierVersionAreReplacedAtStart() {
		for (String name : PostgresTuning.REPLACED) {
			jdbc.sql("create index " + name + " on act_ru_authorization (group_id_, resource_type_, type_)"
					+ " include (perms_, resource_id_)")
				.update();
		}
		for (String name : PostgresTuning.INDEXES.keySet()) {
			jdbc.sql("drop index " + name).update();
		}
		context.getBean(PostgresTuning.class).afterSingletonsInstantiated();
		assertThat(jdbc.sql("select indexname from pg_indexes where indexname like 'excellence\\_%'")
			.query(String.class)
			.list()).containsExactlyInAnyOrderElementsOf(PostgresTuning.INDEXES.keySet());
	}

	/**
	 * Tasklist's task queries as PostgreSQL runs them, rewritten (TaskListQueries: the
	 * authorization check is rewritten on PostgreSQL only; with the indexes of
	 * PostgresTuning): a campaign's branches at their first tasks, one of them claimed,
	 * one whose grants were withdrawn, a secretary allowed every task of the definition
	 * by its key; every filter and a plain task query of the secretaries, the committees,
	 * the reviewer, a manager and the administrator list exactly what each may read
	 * (TaskListQueriesTests#filtersListExactlyWhatTheGrantsAllow).
	 */
	@Test
	void taskListsShowExactlyWhatEachPersonMayRead() {
		assertThat(jdbc.sql("select count(*) from pg_indexes where indexname in (:names)")
			.param("names", PostgresTuning.INDEXES.keySet())
			.query(Long.class)
			.single()).isEqualTo(PostgresTuning.INDEXES.size());
		String prefix = prefix();
		support.organization(prefix, 3);
		ProcessInstance campaign = support.startCampaign(prefix + "c", CampaignTestSupport.plan(1));
		support.complete(support.task(campaign.getId(), "Task_ApprovePlan"), Map.of("planDecision", "approve"));
		support.runJobs(campaign.getId());
		// B1's first task claimed by its secretary, B2's offered to its secretaries
		for (int b = 1; b <= 2; b++) {
			Task first = support.taskService.createTaskQuery()
				.taskCandidateGroup("org" + prefix + "B" + b + "secretary")
				.includeAssignedTasks()
				.singleResult();
			support.taskService.setAssignee(first.getId(), (b == 1) ? prefix + "s1" : null);
		}
		// B3's task offered, but its grants withdrawn: its secretaries may not read it;
		// B2's secretary may read every task of the branches' definition by its key
		ProcessEngine engine = context.getBean(ProcessEngine.class);
		org.camunda.bpm.engine.AuthorizationService authorizations = engine.getAuthorizationService();
		Task withdrawn = support.taskService.createTaskQuery()
			.taskCandidateGroup("org" + prefix + "B3secretary")
			.includeAssignedTasks()
			.singleResult();
		support.taskService.setAssignee(withdrawn.getId(), null);
		authorizations.createAuthorizationQuery()
			.resourceType(org.camunda.bpm.engine.authorization.Resources.TASK)
			.resourceId(withdrawn.getId())
			.list()
			.forEach((grant) -> authorizations.deleteAuthorization(grant.getId()));
		org.camunda.bpm.engine.authorization.Authorization byKey = authorizations
			.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
		byKey.setUserId(prefix + "s2");
		byKey.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION);
		byKey.setResourceId(
				engine.getRepositoryService().getProcessDefinition(withdrawn.getProcessDefinitionId()).getKey());
		byKey.addPermission(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK);
		authorizations.saveAuthorization(byKey);
		int readable = TaskListQueriesTests.filtersListExactlyWhatTheGrantsAllow(engine,
				List.of(prefix + "s1", prefix + "s2", prefix + "s3", prefix + "c", prefix + "g", prefix + "h",
						prefix + "p", "manager", "admin"));
		engine.getIdentityService()
			.setAuthentication(prefix + "s3",
					TaskListQueriesTests.groupsOf(engine.getIdentityService(), prefix + "s3"));
		try {
			assertThat(support.taskService.createTaskQuery().taskId(withdrawn.getId()).count()).isZero();
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
		assertThat(readable).as("the people above may read tasks").isGreaterThanOrEqualTo(3);
	}

	@Test
	void fanOutStartsEveryBranchOnceEvenWhenAChunkRunsTwiceAtOnce() throws Exception {
		String prefix = prefix();
		int branches = 5;
		support.organization(prefix, branches);
		ProcessInstance campaign = support.startCampaign(prefix + "c", CampaignTestSupport.plan(1));
		support.complete(support.task(campaign.getId(), "Task_ApprovePlan"), Map.of("planDecision", "approve"));
		// every job of the campaign (listing the branches, then one per chunk of two) run
		// by
		// two threads at the same moment, as by two job executors: one of them wins
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 20; round++) {
				List<Job> jobs = support.managementService.createJobQuery()
					.processInstanceId(campaign.getId())
					.executable()
					.list()
					.stream()
					.filter((j) -> !(j instanceof org.camunda.bpm.engine.impl.persistence.entity.TimerEntity))
					.toList();
				if (jobs.isEmpty()) {
					break;
				}
				String job = jobs.get(0).getId();
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Boolean>> runs = new ArrayList<>();
				for (int t = 0; t < 2; t++) {
					runs.add(pool.submit(() -> {
						start.await();
						try {
							support.managementService.executeJob(job);
							return true;
						}
						catch (RuntimeException ex) {
							return false;
						}
					}));
				}
				start.countDown();
				int won = 0;
				for (Future<Boolean> run : runs) {
					won += run.get() ? 1 : 0;
				}
				assertThat(won).as("runs of job %s that committed", job).isEqualTo(1);
			}
		}
		finally {
			pool.shutdown();
		}
		String id = (String) support.runtimeService.getVariable(campaign.getId(), "campaignId");
		assertThat(support.tasks(campaign.getId(), "Task_ApprovePlan")).isEmpty();
		assertThat(support.runtimeService.createExecutionQuery()
			.processInstanceId(campaign.getId())
			.activityId("Task_AwaitBranches")
			.count()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from campaign_branch where campaign_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(branches);
		for (int b = 1; b <= branches; b++) {
			String branch = prefix + "B" + b;
			List<ProcessInstance> instances = support.runtimeService.createProcessInstanceQuery()
				.processInstanceBusinessKeyLike("%" + org.cyl.excellence.campaign.BusinessKeys.branchSuffix(id, branch))
				.list();
			assertThat(instances).as("processes of branch %s", branch).hasSize(1);
			assertThat(instances.get(0).getId()).isEqualTo(support.branchInstance(id, branch));
			assertThat(support.tasks(instances.get(0).getId(), "Task_MobilizeBranch")).hasSize(1);
		}
		// one job, one transaction per chunk of two (not the whole fan-out in one), and
		// one job ending each chunk's instance
		for (String activity : List.of("SubProcess_StartBranches", "Task_StartBranches")) {
			assertThat(context.getBean(HistoryService.class)
				.createHistoricJobLogQuery()
				.processInstanceId(campaign.getId())
				.activityIdIn(activity)
				.successLog()
				.count()).as(activity).isEqualTo(3);
		}
		assertThat(context.getBean(HistoryService.class)
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey("BranchCampaignProcess")
			.processInstanceBusinessKeyLike("%" + org.cyl.excellence.campaign.BusinessKeys.campaignSuffix(id))
			.count()).isEqualTo(branches);
	}

	/**
	 * Two chunks of one campaign (chunks of two) on two threads at the same moment, as on
	 * two nodes: each runs its chunk's job and keeps its transaction open until the other
	 * has run its own, so that both have written everything before either commits. On
	 * PostgreSQL a row written by both, or locked by one against the other's write (a
	 * foreign key's check locks the row it refers to), would make the second wait for the
	 * first, which waits at the barrier: the lock timeout set for this test then fails it
	 * instead of hanging. Both commit, four branches started once each, nothing failed.
	 */
	@Test
	void twoChunksOfOneCampaignRunAtOnceWithoutWaitingForEachOther() throws Exception {
		String prefix = prefix();
		support.organization(prefix, 4);
		ProcessInstance campaign = support.startCampaign(prefix + "c", CampaignTestSupport.plan(1));
		support.complete(support.task(campaign.getId(), "Task_ApprovePlan"), Map.of("planDecision", "approve"));
		for (String activity : List.of("Task_ListBranches", "SubProcess_StartBranches#multiInstanceBody")) {
			support.managementService.executeJob(support.managementService.createJobQuery()
				.processInstanceId(campaign.getId())
				.activityId(activity)
				.singleResult()
				.getId());
		}
		List<Job> chunks = support.managementService.createJobQuery()
			.processInstanceId(campaign.getId())
			.activityId("SubProcess_StartBranches")
			.list();
		assertThat(chunks).hasSize(2);
		org.springframework.transaction.support.TransactionTemplate transaction = new org.springframework.transaction.support.TransactionTemplate(
				context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
		java.util.concurrent.CyclicBarrier bothRan = new java.util.concurrent.CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<?>> runs = new ArrayList<>();
		try {
			for (Job chunk : chunks) {
				runs.add(pool.submit(() -> {
					try {
						transaction.executeWithoutResult((status) -> {
							jdbc.sql("set local lock_timeout = '20s'").update();
							support.managementService.executeJob(chunk.getId());
							try {
								bothRan.await();
							}
							catch (InterruptedException | java.util.concurrent.BrokenBarrierException ex) {
								throw new IllegalStateException("the other chunk failed", ex);
							}
						});
					}
					catch (RuntimeException ex) {
						bothRan.reset();
						throw ex;
					}
					return null;
				}));
			}
			for (Future<?> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdown();
		}
		String id = (String) support.runtimeService.getVariable(campaign.getId(), "campaignId");
		assertThat(jdbc.sql("select count(distinct process_instance_id) from campaign_branch where campaign_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(4);
		assertThat(context.getBean(HistoryService.class)
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey("BranchCampaignProcess")
			.processInstanceBusinessKeyLike("%" + org.cyl.excellence.campaign.BusinessKeys.campaignSuffix(id))
			.count()).isEqualTo(4);
		assertThat(context.getBean(HistoryService.class)
			.createHistoricJobLogQuery()
			.processInstanceId(campaign.getId())
			.failureLog()
			.count()).isZero();
		// the two ends, one after the other (exclusive): the campaign waits for its
		// branches
		support.runJobs(campaign.getId());
		assertThat(support.runtimeService.createExecutionQuery()
			.processInstanceId(campaign.getId())
			.activityId("Task_AwaitBranches")
			.count()).isEqualTo(1);
	}

	/**
	 * The standing duties' fan-outs (chunks of two) as the campaign's above: for each,
	 * two chunks of one launch on two threads at the same moment, both transactions open
	 * until both have written, with a lock timeout that fails a collision instead of
	 * hanging (FanOutTestSupport#runAtTheSameMoment): no job failed, every organisation's
	 * process started once, and the chunks' ends, run one after the other, end the
	 * launch.
	 */
	@Test
	void twoChunksOfEachStandingDutyRunAtOnceWithoutWaitingForEachOther() throws Exception {
		org.cyl.excellence.organization.FanOutTestSupport fanOut = context
			.getBean(org.cyl.excellence.organization.FanOutTestSupport.class);
		record Duty(String process, String launcher, Map<String, Object> form, int branches, String chunk,
				String started) {
		}
		// four organisations each: four branches, or three and their 团总支 (who reports
		// too)
		for (Duty duty : List.of(
				new Duty("MemberAppraisalProcess", "g",
						org.cyl.excellence.memberappraisal.MemberAppraisalTestSupport.launch(), 4,
						"SubProcess_StartBranchAppraisals", "BranchMemberAppraisalProcess"),
				new Duty("PartyRecommendationProcess", "c",
						org.cyl.excellence.partyrecommendation.PartyRecommendationTestSupport.launchForm("ACTIVIST"), 4,
						"SubProcess_StartBranches", "BranchPartyRecommendationProcess"),
				new Duty("DutyReportProcess", "c", org.cyl.excellence.dutyreport.DutyReportTestSupport.launchForm(), 3,
						"SubProcess_StartReports", "SecretaryDutyReportProcess"))) {
			String prefix = prefix();
			support.organization(prefix, duty.branches());
			String user = prefix + duty.launcher();
			support.identityService.setAuthentication(user,
					support.identityService.createGroupQuery()
						.groupMember(user)
						.list()
						.stream()
						.map(org.camunda.bpm.engine.identity.Group::getId)
						.toList());
			ProcessInstance launch;
			try {
				launch = support.formService.submitStartForm(support.repositoryService.createProcessDefinitionQuery()
					.processDefinitionKey(duty.process())
					.latestVersion()
					.singleResult()
					.getId(), duty.form());
			}
			finally {
				support.identityService.clearAuthentication();
			}
			fanOut.runOnly(launch.getId(), duty.chunk() + "#multiInstanceBody");
			List<Job> chunks = fanOut.jobs(launch.getId(), duty.chunk());
			assertThat(chunks).as(duty.process()).hasSize(2);
			fanOut.runAtTheSameMoment(chunks, () -> jdbc.sql("set local lock_timeout = '20s'").update());
			assertThat(fanOut.failedJobRuns(launch.getId())).as(duty.process()).isZero();
			assertThat(context.getBean(HistoryService.class)
				.createHistoricProcessInstanceQuery()
				.processDefinitionKey(duty.started())
				.processInstanceBusinessKeyLike("%（" + prefix + "%")
				.count()).as(duty.process()).isEqualTo(4);
			support.runJobs(launch.getId());
			assertThat(support.runtimeService.createProcessInstanceQuery().processInstanceId(launch.getId()).count())
				.as(duty.process() + " ended")
				.isZero();
		}
	}

	@Test
	void fiftyConcurrentSubmissionsOfOneBallotLinkCountOnce() throws Exception {
		ProcessInstance appraisal = support.startAppraisal(prefix());
		String appraisalId = support.initiateAppraisal(appraisal.getId(), 2);
		String token = support.tokens.token(appraisalId, 1);
		List<String> answers = Collections.nCopies(5, "SATISFIED");
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> results = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			Callable<String> submit = () -> {
				start.await();
				try {
					support.ballots.submit(token, answers, null);
					return "counted";
				}
				catch (RuntimeException ex) {
					// BallotService.Refused: the link is used
					return ex.getClass().getSimpleName();
				}
			};
			results.add(pool.submit(submit));
		}
		start.countDown();
		List<String> outcomes = new ArrayList<>();
		for (Future<String> result : results) {
			outcomes.add(result.get());
		}
		pool.shutdown();
		assertThat(outcomes).containsOnly("counted", "Refused").containsOnlyOnce("counted");
		assertThat(jdbc.sql("select count(*) from ballot where appraisal_id = ?")
			.param(appraisalId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from ballot_token where appraisal_id = ? and used")
			.param(appraisalId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void lastTwoBranchesFinishingAtOnceMoveTheCampaignOnOnce() throws Exception {
		String prefix = prefix();
		support.organization(prefix, 2);
		ProcessInstance campaign = support.startCampaign(prefix + "c", CampaignTestSupport.plan(1));
		support.complete(support.task(campaign.getId(), "Task_ApprovePlan"), Map.of("planDecision", "approve"));
		support.runJobs(campaign.getId());
		String id = (String) support.runtimeService.getVariable(campaign.getId(), "campaignId");
		List<Task> last = new ArrayList<>();
		for (int b = 1; b <= 2; b++) {
			String pid = support.branchInstance(id, prefix + "B" + b);
			support.toReview(pid);
			support.review(pid, "PASS", "PASS");
			support.appraise(pid, 4, 4, "SATISFIED");
			last.add(support.task(pid, "Task_RecommendMembers"));
		}
		// both branches' last task completed at the same moment: both sides lock the
		// campaign's row, so exactly one of them sees every branch finished
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> runs = new ArrayList<>();
		for (Task task : last) {
			Map<String, Object> values = support.recommendation(task, 3, 3, List.of(support.memberOptions(task).get(0)),
					List.of(3L));
			runs.add(pool.submit(() -> {
				start.await();
				support.complete(task, values);
				return null;
			}));
		}
		start.countDown();
		for (Future<?> run : runs) {
			run.get();
		}
		pool.shutdown();
		assertThat(jdbc.sql("select count(*) from campaign_branch where campaign_id = ? and stage = 'FINISHED'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(support.runtimeService.createExecutionQuery()
			.processInstanceId(campaign.getId())
			.activityId("CallActivity_Commendation")
			.count()).isEqualTo(1);
		assertThat(support.runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(campaign.getId())
			.processDefinitionKey("CommendationProcess")
			.count()).isEqualTo(1);
	}

}
