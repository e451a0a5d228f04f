package org.cyl.excellence.campaign;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cyl.excellence.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * CampaignProcess: plan, approval (and its return loop), the fan-out to every branch by
 * chunked jobs that never start a branch twice — the chunks' jobs not exclusive, run at
 * the same moment without colliding, their ends exclusive —, waiting for the last branch,
 * and the summary-stage timer; the withdrawal (撤销活动) before the approval, after the
 * fan-out (also between its chunks) and during the commendation.
 */
@ProcessTest
class CampaignProcessTests {

	private static int counter;

	@Autowired
	CampaignTestSupport support;

	@Autowired
	ProcessEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StartBranchesDelegate startBranches;

	@Autowired
	CampaignWithdrawal withdrawal;

	@Autowired
	ListBranchesDelegate listBranches;

	@Autowired
	PlatformTransactionManager transactions;

	String prefix;

	@BeforeEach
	void newPrefix() {
		init(this.engine);
		this.prefix = "CP" + (++counter) + System.nanoTime() % 100000;
	}

	private ProcessInstance approvedCampaign(int branches) {
		this.support.organization(this.prefix, branches);
		ProcessInstance campaign = this.support.startCampaign(this.prefix + "c", CampaignTestSupport.plan(2));
		assertThat(campaign).isWaitingAt("Task_ApprovePlan");
		assertThat(this.support.taskService
			.getIdentityLinksForTask(this.support.task(campaign.getId(), "Task_ApprovePlan").getId()))
			.anyMatch((l) -> "org1committee".equals(l.getGroupId()));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		return campaign;
	}

	private String campaignId(ProcessInstance campaign) {
		return (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
	}

	@Test
	void approvedPlanStartsOneBranchProcessPerBranchAndWaitsForTheLast() {
		ProcessInstance campaign = approvedCampaign(3);
		String id = campaignId(campaign);
		assertThat(campaign).isWaitingAt("Task_AwaitBranches");
		for (int b = 1; b <= 3; b++) {
			String branch = this.prefix + "B" + b;
			assertThat(this.support.runtimeService.createProcessInstanceQuery()
				.processInstanceBusinessKeyLike("%" + BusinessKeys.branchSuffix(id, branch))
				.count()).isEqualTo(1);
		}
		assertThat(count("campaign_branch where campaign_id = '" + id + "' and stage = 'MOBILIZING'")).isEqualTo(3);

		for (int b = 1; b <= 3; b++) {
			this.support.finishBranch(this.support.branchInstance(id, this.prefix + "B" + b));
			if (b < 3) {
				assertThat(campaign).isWaitingAt("Task_AwaitBranches");
			}
		}
		// the commendation follows (CommendationProcessTests drives it to the end)
		assertThat(campaign).isWaitingAt("CallActivity_Commendation")
			.hasPassedInOrder("Task_RegisterPlan", "Task_ApprovePlan", "Task_ListBranches", "Task_StartBranches",
					"Task_AwaitBranches");
		assertThat(this.support.runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(campaign.getId())
			.processDefinitionKey("CommendationProcess")
			.processInstanceBusinessKeyLike("%" + BusinessKeys.campaignSuffix(id))
			.count()).isEqualTo(1);
	}

	@Test
	void aRetriedChunkNeverStartsABranchTwice() {
		ProcessInstance campaign = approvedCampaign(2);
		String id = campaignId(campaign);
		// the chunk's job runs again (as after a node died): nothing new is started
		org.camunda.bpm.engine.delegate.DelegateExecution execution = org.mockito.Mockito
			.mock(org.camunda.bpm.engine.delegate.DelegateExecution.class);
		org.mockito.Mockito.when(execution.getVariable("campaignId")).thenReturn(id);
		org.mockito.Mockito.when(execution.getVariable("branchChunk")).thenReturn(0);
		this.startBranches.execute(execution);
		this.jdbc.sql("update campaign_branch set process_instance_id = null where campaign_id = ?").param(id).update();
		this.startBranches.execute(execution);
		assertThat(this.support.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(CampaignVariables.BRANCH_PROCESS)
			.processInstanceBusinessKeyLike("%" + BusinessKeys.campaignSuffix(id))
			.count()).isEqualTo(2);
	}

	/**
	 * The job of one chunk of the fan-out: the start of an instance of the sub-process.
	 */
	private static final String CHUNK = "SubProcess_StartBranches";

	/** The job that ends a chunk's instance, after Task_StartBranches. */
	private static final String CHUNK_END = "Task_StartBranches";

	/**
	 * A campaign over {@code branches} branches of one member each, approved, its
	 * branches listed and its multi-instance entered: the chunks' jobs wait.
	 */
	private ProcessInstance campaignAtItsChunks(int branches) {
		this.support.organization(this.prefix, branches, 1, false);
		ProcessInstance campaign = this.support.startCampaign(this.prefix + "c", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		for (String activity : List.of("Task_ListBranches", CHUNK + "#multiInstanceBody")) {
			List<Job> jobs = jobs(campaign, activity);
			assertThat(jobs).as(activity).hasSize(1);
			this.support.managementService.executeJob(jobs.get(0).getId());
		}
		return campaign;
	}

	/** The campaign's jobs at an activity (timers left out). */
	private List<Job> jobs(ProcessInstance campaign, String activityId) {
		return this.support.managementService.createJobQuery()
			.processInstanceId(campaign.getId())
			.activityId(activityId)
			.list()
			.stream()
			.filter((j) -> !(j instanceof TimerEntity))
			.toList();
	}

	private static boolean exclusive(Job job) {
		return ((JobEntity) job).isExclusive();
	}

	private String jobConfiguration(ProcessInstance campaign, String activityId) {
		return this.support.managementService.createJobDefinitionQuery()
			.processDefinitionId(campaign.getProcessDefinitionId())
			.activityIdIn(activityId)
			.list()
			.stream()
			.map(JobDefinition::getJobConfiguration)
			.reduce((a, b) -> a + "," + b)
			.orElse("");
	}

	/**
	 * The campaign's jobs a node's job executor would acquire now, in the batches it
	 * hands to its threads (one thread runs a batch, its jobs one after another): the
	 * engine's own acquisition ({@link AcquireJobsCmd}, the query
	 * {@code selectNextJobsToExecute}), in a transaction rolled back, so that nothing
	 * stays locked. {@code heldElsewhere}: a job locked meanwhile by another node, as its
	 * acquisition would have locked it.
	 */
	private List<Set<String>> acquirable(ProcessInstance campaign, String heldElsewhere) {
		Set<String> ours = Set.copyOf(this.support.managementService.createJobQuery()
			.processInstanceId(campaign.getId())
			.list()
			.stream()
			.map(Job::getId)
			.toList());
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		return new TransactionTemplate(this.transactions).execute((status) -> {
			status.setRollbackOnly();
			if (heldElsewhere != null) {
				this.jdbc.sql("update act_ru_job set lock_owner_ = 'another-node', lock_exp_time_ = ? where id_ = ?")
					.params(new Timestamp(ClockUtil.getCurrentTime().getTime() + 3_600_000), heldElsewhere)
					.update();
			}
			AcquiredJobs acquired = configuration.getCommandExecutorTxRequired()
				.execute(new AcquireJobsCmd(configuration.getJobExecutor(), 10_000));
			return acquired.getJobIdBatches()
				.stream()
				.filter((batch) -> ours.containsAll(batch))
				.map((batch) -> Set.copyOf(batch))
				.toList();
		});
	}

	private String id(List<Job> jobs, int index) {
		return jobs.get(index).getId();
	}

	/**
	 * The fan-out's jobs as the job executor sees them (design.md: tests with a handful
	 * of branches cannot tell a job per chunk from one for all: count the jobs). One job
	 * per chunk, not exclusive: a node acquires every waiting chunk, each a batch for a
	 * thread of its own, even while another node holds one of the campaign's exclusive
	 * jobs. After its chunk, each instance ends in an exclusive job of
	 * Task_StartBranches: a node acquires those together as one batch (one thread, one
	 * after the other), and none while another node holds one; only these update the
	 * multi-instance's counts.
	 */
	@Test
	void chunkJobsAreNotExclusiveAndTheJobsEndingThemAre() {
		int chunkSize = this.listBranches.chunkSize();
		ProcessInstance campaign = campaignAtItsChunks(chunkSize + 1);
		String id = campaignId(campaign);
		List<Job> chunks = jobs(campaign, CHUNK);
		assertThat(chunks).as("one job per chunk").hasSize(2).noneMatch(CampaignProcessTests::exclusive);
		assertThat(chunks).extracting(Job::getExecutionId).doesNotHaveDuplicates();
		assertThat(jobConfiguration(campaign, CHUNK)).isEqualTo("async-before");
		assertThat(this.support.managementService.createJobQuery().processInstanceId(campaign.getId()).list())
			.filteredOn((j) -> !(j instanceof TimerEntity))
			.as("nothing else waits")
			.hasSize(2);
		assertThat(count(started(id))).isZero();
		assertThat(acquirable(campaign, null)).containsExactlyInAnyOrder(Set.of(id(chunks, 0)), Set.of(id(chunks, 1)));

		// one chunk: its branches, and the job that ends its instance, exclusive
		this.support.managementService.executeJob(id(chunks, 0));
		List<Job> ends = jobs(campaign, CHUNK_END);
		assertThat(ends).hasSize(1).allMatch(CampaignProcessTests::exclusive);
		assertThat(jobConfiguration(campaign, CHUNK_END)).isEqualTo("async-after");
		long firstChunk = count(started(id));
		assertThat(firstChunk).isIn(1L, (long) chunkSize);
		// that end held by another node: the other chunk is still taken
		assertThat(acquirable(campaign, id(ends, 0))).containsExactly(Set.of(id(chunks, 1)));

		this.support.managementService.executeJob(id(chunks, 1));
		assertThat(count(started(id))).isEqualTo(chunkSize + 1);
		ends = jobs(campaign, CHUNK_END);
		assertThat(ends).hasSize(2).allMatch(CampaignProcessTests::exclusive);
		assertThat(jobs(campaign, CHUNK)).isEmpty();
		// while another node holds one end, the other is not taken; free, both in one
		// batch
		assertThat(acquirable(campaign, id(ends, 0))).isEmpty();
		assertThat(acquirable(campaign, id(ends, 1))).isEmpty();
		assertThat(acquirable(campaign, null)).containsExactly(Set.of(id(ends, 0), id(ends, 1)));
		assertThat(completedChunks(campaign)).isZero();

		this.support.managementService.executeJob(id(ends, 0));
		assertThat(completedChunks(campaign)).isEqualTo(1);
		assertThat(campaign).isNotWaitingAt("Task_AwaitBranches");
		this.support.managementService.executeJob(id(ends, 1));
		assertThat(campaign).isWaitingAt("Task_AwaitBranches")
			.hasPassedInOrder("Task_ListBranches", "Task_StartBranches", "EndEvent_BranchChunkStarted",
					"Gateway_AllBranchesFinished");
	}

	/** The multi-instance's count of ended chunks (its body's loop variable). */
	private long completedChunks(ProcessInstance campaign) {
		return ((Number) this.support.runtimeService.createVariableInstanceQuery()
			.processInstanceIdIn(campaign.getId())
			.variableName("nrOfCompletedInstances")
			.singleResult()
			.getValue()).longValue();
	}

	/**
	 * Two chunks of one campaign at the same moment on two threads, as on two nodes: each
	 * thread runs its chunk's job ({@code ManagementService.executeJob}) and keeps its
	 * transaction open until the other has run its own, so that both have read and
	 * written everything before either commits. A row written by both would show: the
	 * second writer waits for the first's lock, which waits for the second at the
	 * barrier, until the database gives up (or, without the barrier, an
	 * OptimisticLockingException). Both commit, every branch of both chunks is started
	 * once, no job failed; then the two ends, run one after the other as the job executor
	 * runs exclusive jobs, take the campaign on to wait for its branches.
	 */
	@Test
	void twoChunksRunAtTheSameMomentWithoutColliding() throws Exception {
		int chunkSize = this.listBranches.chunkSize();
		ProcessInstance campaign = campaignAtItsChunks(chunkSize + 1);
		String id = campaignId(campaign);
		List<Job> chunks = jobs(campaign, CHUNK);
		assertThat(chunks).hasSize(2);
		CyclicBarrier bothRan = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		List<Future<?>> runs = new ArrayList<>();
		try {
			for (Job chunk : chunks) {
				runs.add(threads.submit(() -> {
					try {
						new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
							this.support.managementService.executeJob(chunk.getId());
							await(bothRan);
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
			threads.shutdown();
		}
		assertThat(jobs(campaign, CHUNK)).isEmpty();
		assertThat(this.engine.getHistoryService()
			.createHistoricJobLogQuery()
			.processInstanceId(campaign.getId())
			.failureLog()
			.count()).as("failed job runs").isZero();
		assertThat(count(started(id))).isEqualTo(chunkSize + 1);
		assertThat(this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(CampaignVariables.BRANCH_PROCESS)
			.processInstanceBusinessKeyLike("%" + BusinessKeys.campaignSuffix(id))
			.count()).as("branch processes ever started").isEqualTo(chunkSize + 1);
		assertThat(count("campaign_branch where campaign_id = '" + id + "' and stage = 'MOBILIZING'"))
			.isEqualTo(chunkSize + 1);

		// the ends: exclusive, one after the other, none failed or retried
		List<Job> ends = jobs(campaign, CHUNK_END);
		assertThat(ends).hasSize(2).allMatch(CampaignProcessTests::exclusive).allMatch((j) -> j.getRetries() == 3);
		for (Job end : ends) {
			this.support.managementService.executeJob(end.getId());
		}
		assertThat(campaign).isWaitingAt("Task_AwaitBranches");
		assertThat(this.support.managementService.createJobQuery().processInstanceId(campaign.getId()).list())
			.allMatch((j) -> j instanceof TimerEntity);
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (BrokenBarrierException ex) {
			throw new IllegalStateException("the other chunk failed", ex);
		}
	}

	@Test
	void committeeWithoutBranchesGoesStraightToTheCommendation() {
		this.support.organization(this.prefix, 0);
		ProcessInstance campaign = this.support.startCampaign(this.prefix + "c", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		assertThat(campaign).isWaitingAt("CallActivity_Commendation")
			.hasPassed("Gateway_AllBranchesFinished")
			.hasNotPassed("Task_AwaitBranches");
		// nothing to nominate, assess or write: straight to the audit, the notice, the
		// decision
		String id = campaignId(campaign);
		String commendation = this.support.commendationInstance(campaign.getId());
		this.support.nominate(commendation, java.util.List.of(), java.util.List.of());
		this.support.audit(commendation, "APPROVE", java.util.List.of(), null);
		this.support.fireTimer(commendation, "Event_NoticePeriodEnded");
		this.support.issueDecision(commendation, "测团字〔2026〕0号");
		assertThat(campaign).isEnded().hasPassed("Task_CompleteCampaign", "EndEvent_CampaignCompleted");
		assertThat(status(id)).isEqualTo("COMPLETED");
	}

	@Test
	void returnedPlanComesBackWithTheOpinionAndIsApprovedAfterRevision() {
		this.support.organization(this.prefix, 1);
		ProcessInstance campaign = this.support.startCampaign(this.prefix + "c", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "return", "planOpinion", "请增加第二轮承诺"));
		var revise = this.support.task(campaign.getId(), "Task_RevisePlan");
		assertThat(this.support.taskService.getVariable(revise.getId(), "planOpinion")).isEqualTo("请增加第二轮承诺");
		this.support.complete(revise, CampaignTestSupport.plan(2));
		String id = campaignId(campaign);
		assertThat(count("campaign_round where campaign_id = '" + id + "'")).isEqualTo(2);
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		assertThat(campaign).hasPassed("Task_RevisePlan");
		assertThat(count("opinion where campaign_id = '" + id + "' and kind = 'PLAN_APPROVAL'")).isEqualTo(2);
	}

	@Test
	void summaryStageEndingWhileBranchesWorkIsRecorded() {
		ProcessInstance campaign = approvedCampaign(1);
		this.support.fireTimer(campaign.getId(), "BoundaryEvent_SummaryStageEnded");
		assertThat(campaign).hasPassed("Task_RecordLateBranches").isWaitingAt("Task_AwaitBranches");
		assertThat(count("opinion where campaign_id = '" + campaignId(campaign) + "' and kind = 'LATE_BRANCHES'"))
			.isEqualTo(1);
	}

	@Test
	void badPlansAreRefusedAndNothingIsKept() {
		this.support.organization(this.prefix, 1);
		long before = count("campaign");
		Map<String, Object> plan = new java.util.HashMap<>(CampaignTestSupport.plan(1));
		plan.put("mobilizationEnd", plan.get("campaignStart"));
		assertThatThrownBy(() -> this.support.startCampaign(this.prefix + "c", plan)).hasMessageContaining("动员部署结束");
		// stages that began more than a week ago: their time is gone
		Map<String, Object> backdated = new java.util.HashMap<>(CampaignTestSupport.plan(1));
		backdated.put("campaignStart", java.time.LocalDate.now().minusDays(Plan.MAX_DAYS_BACKDATED + 1).toString());
		assertThatThrownBy(() -> this.support.startCampaign(this.prefix + "c", backdated))
			.hasMessageContaining("动员部署开始")
			.hasMessageContaining("天前");
		Map<String, Object> lateRound = new java.util.HashMap<>(CampaignTestSupport.plan(1));
		lateRound.put("round1End", java.time.LocalDate.now().plusDays(300).toString());
		assertThatThrownBy(() -> this.support.startCampaign(this.prefix + "c", lateRound))
			.hasMessageContaining("第一轮截止日期");
		Map<String, Object> negative = new java.util.HashMap<>(CampaignTestSupport.plan(1));
		negative.put("quotaMembers", -1L);
		assertThatThrownBy(() -> this.support.startCampaign(this.prefix + "c", negative))
			.hasMessageContaining("优秀团员名额");
		// a branch secretary is no committee member: may not launch
		assertThatThrownBy(() -> this.support.startCampaign(this.prefix + "s1", CampaignTestSupport.plan(1)))
			.hasMessageContaining("CREATE");
		assertThat(count("campaign")).isEqualTo(before);
		assertThat(this.support.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(CampaignVariables.CAMPAIGN_PROCESS)
			.variableValueEquals("committeeCode", this.prefix)
			.list()).isEmpty();
	}

	private Withdrawal withdraw(String id, String reason) {
		return this.withdrawal.withdraw(id, reason,
				new org.springframework.security.authentication.TestingAuthenticationToken(this.prefix + "c", "demo"));
	}

	private void assertWithdrawn(ProcessInstance campaign, String id, String reason) {
		assertThat(campaign).isEnded()
			.hasPassedInOrder("StartEvent_CampaignWithdrawn", "Task_WithdrawCampaign", "EndEvent_CampaignWithdrawn")
			.hasNotPassed("EndEvent_CampaignCompleted");
		assertThat(status(id)).isEqualTo("WITHDRAWN");
		assertThat(this.jdbc.sql("select withdrawn_by, withdrawal_reason from campaign where id = ?")
			.param(id)
			.query((rs, n) -> rs.getString(1) + "/" + rs.getString(2))
			.single()).isEqualTo(this.prefix + "c/" + reason);
		// the higher committee (the city committee, org1committee) is told who and why
		assertThat(count("notice where username = '" + this.prefix + "h' and text like '%撤销了创先争优活动%撤销人：委员" + this.prefix
				+ "%撤销理由：" + reason + "%'"))
			.isEqualTo(1);
		assertThat(count("notice where username = '" + this.prefix + "c' and text like '%" + reason + "%'"))
			.isEqualTo(1);
	}

	@Test
	void withdrawnBeforeTheApprovalTheApprovalTaskGoes() {
		this.support.organization(this.prefix, 1);
		ProcessInstance campaign = this.support.startCampaign(this.prefix + "c", CampaignTestSupport.plan(1));
		assertThat(campaign).isWaitingAt("Task_ApprovePlan");
		String id = campaignId(campaign);
		Withdrawal done = withdraw(id, "日期填成了上个月");
		assertThat(done.withdrawnBy()).isEqualTo(this.prefix + "c");
		assertWithdrawn(campaign, id, "日期填成了上个月");
		assertThat(campaign).hasNotPassed("Task_ListBranches");
		assertThat(this.support.taskService.createTaskQuery().processInstanceId(campaign.getId()).count()).isZero();
		assertThat(count("campaign_branch where campaign_id = '" + id + "'")).isZero();
	}

	@Test
	void withdrawnAfterTheFanOutEveryBranchEndsWithItsAppraisalAndTasks() {
		ProcessInstance campaign = approvedCampaign(2);
		String id = campaignId(campaign);
		// branch 1 in its mass appraisal (a called process), branch 2 at its first task
		String b1 = this.support.branchInstance(id, this.prefix + "B1");
		this.support.toReview(b1);
		this.support.review(b1, "PASS", "PASS");
		String appraisal = this.support.appraisalInstance(b1);
		String b2 = this.support.branchInstance(id, this.prefix + "B2");
		assertThat(this.support.taskService.createTaskQuery().processInstanceId(b2).count()).isEqualTo(1);

		withdraw(id, "方案重复发起");
		assertWithdrawn(campaign, id, "方案重复发起");
		// the branches end in a batch of the engine, not in the withdrawal's transaction
		this.support.runBatches();
		for (String branch : java.util.List.of(b1, b2, appraisal)) {
			assertThat(this.support.runtimeService.createProcessInstanceQuery().processInstanceId(branch).count())
				.as(branch)
				.isZero();
			assertThat(this.support.taskService.createTaskQuery().processInstanceId(branch).count()).isZero();
		}
		assertThat(this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceId(b2)
			.singleResult()
			.getDeleteReason()).isEqualTo("活动已撤销：方案重复发起");
		// the secretaries of the branches are told too
		assertThat(count("notice where username = '" + this.prefix + "s2' and text like '%方案重复发起%'")).isEqualTo(1);
		// and nothing counted an ended branch as finished
		assertThat(count("campaign_branch where campaign_id = '" + id + "' and stage = 'FINISHED'")).isZero();
	}

	@Test
	void withdrawnBetweenTheFanOutsChunksTheRestIsNeverStarted() {
		int branches = this.listBranches.chunkSize() + 1;
		this.support.organization(this.prefix, branches, 1, false);
		ProcessInstance campaign = this.support.startCampaign(this.prefix + "c", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		String id = campaignId(campaign);
		// the branches listed, the multi-instance entered, then the first chunk's job
		// only
		for (String activity : List.of("Task_ListBranches", CHUNK + "#multiInstanceBody")) {
			this.support.managementService.executeJob(jobs(campaign, activity).get(0).getId());
		}
		Job first = jobs(campaign, CHUNK).stream()
			.filter((j) -> ((Number) this.support.runtimeService.getVariable(j.getExecutionId(), "branchChunk"))
				.intValue() == 0)
			.findFirst()
			.orElseThrow();
		this.support.managementService.executeJob(first.getId());
		assertThat(count(started(id))).isEqualTo(this.listBranches.chunkSize());
		assertThat(jobs(campaign, CHUNK)).hasSize(1);
		assertThat(jobs(campaign, CHUNK_END)).hasSize(1);

		withdraw(id, "名单有误");
		assertWithdrawn(campaign, id, "名单有误");
		assertThat(this.support.managementService.createJobQuery().processInstanceId(campaign.getId()).count())
			.as("the chunk jobs still waiting, and the first chunk's end")
			.isZero();
		// a chunk job that was already running when the withdrawal came starts nothing
		org.camunda.bpm.engine.delegate.DelegateExecution execution = org.mockito.Mockito
			.mock(org.camunda.bpm.engine.delegate.DelegateExecution.class);
		org.mockito.Mockito.when(execution.getVariable("campaignId")).thenReturn(id);
		org.mockito.Mockito.when(execution.getVariable("branchChunk")).thenReturn(1);
		this.startBranches.execute(execution);
		assertThat(count(started(id))).isEqualTo(this.listBranches.chunkSize());
		this.support.runBatches();
		assertThat(this.support.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(CampaignVariables.BRANCH_PROCESS)
			.variableValueEquals(CampaignVariables.CAMPAIGN_ID, id)
			.count()).isZero();
	}

	private static String started(String campaignId) {
		return "campaign_branch where campaign_id = '" + campaignId + "' and process_instance_id is not null";
	}

	@Test
	void withdrawnDuringTheCommendationItEnds() {
		ProcessInstance campaign = approvedCampaign(1);
		String id = campaignId(campaign);
		this.support.finishBranch(this.support.branchInstance(id, this.prefix + "B1"));
		assertThat(campaign).isWaitingAt("CallActivity_Commendation");
		String commendation = this.support.commendationInstance(campaign.getId());
		withdraw(id, "表彰名额有误");
		assertWithdrawn(campaign, id, "表彰名额有误");
		assertThat(this.support.runtimeService.createProcessInstanceQuery().processInstanceId(commendation).count())
			.isZero();
		assertThat(this.support.taskService.createTaskQuery().processInstanceId(commendation).count()).isZero();
		// ended: not again
		assertThatThrownBy(() -> withdraw(id, "再撤一次")).hasMessageContaining("活动已撤销");
	}

	private String status(String id) {
		return this.jdbc.sql("select status from campaign where id = ?").param(id).query(String.class).single();
	}

	private long count(String from) {
		return this.jdbc.sql("select count(*) from " + from).query(Long.class).single();
	}

}
