package org.cyl.excellence.memberappraisal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cyl.excellence.ProcessTest;
import org.cyl.excellence.organization.FanOutTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * MemberAppraisalProcess: a committee member of a 团总支 or 团委 launches the year's
 * appraisal; one job per chunk of branches starts a BranchMemberAppraisalProcess for each
 * — the chunks' jobs not exclusive, run at the same moment without colliding, their ends
 * exclusive —; the launch then ends. Refused: a member or a secretary who is no committee
 * member, bad deadlines, a second launch of the same year; a branch is appraised once a
 * year even when its 团委 launches after its 团总支.
 */
@ProcessTest
class MemberAppraisalProcessTests {

	private static int counter;

	@Autowired
	MemberAppraisalTestSupport appraisals;

	@Autowired
	ProcessEngine engine;

	@Autowired
	FanOutTestSupport fanOut;

	@Autowired
	JdbcClient jdbc;

	String prefix;

	@BeforeEach
	void twoBranches() {
		init(this.engine);
		this.prefix = "ML" + (++counter) + System.nanoTime() % 100000;
		this.appraisals.support.organization(this.prefix, 2);
	}

	private long branchInstances() {
		return branchInstances(this.prefix);
	}

	/** The branch processes ever started for the branches of {@code prefix}. */
	private long branchInstances(String prefix) {
		return this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(MemberAppraisalVariables.BRANCH_PROCESS)
			.processInstanceBusinessKeyLike("%（" + prefix + "B%")
			.count();
	}

	private ProcessInstance start(String user, Map<String, Object> values) {
		String definition = this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(MemberAppraisalVariables.LAUNCH_PROCESS)
			.latestVersion()
			.singleResult()
			.getId();
		this.engine.getIdentityService()
			.setAuthentication(user,
					this.engine.getIdentityService()
						.createGroupQuery()
						.groupMember(user)
						.list()
						.stream()
						.map(org.camunda.bpm.engine.identity.Group::getId)
						.toList());
		try {
			return this.engine.getFormService().submitStartForm(definition, values);
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
	}

	@Test
	void startsOneBranchProcessPerBranchInChunkJobsAndEnds() {
		ProcessInstance launch = start(this.prefix + "g", MemberAppraisalTestSupport.launch());
		// asyncBefore on the sub-process: the start form's transaction ends at one job,
		// which then makes one job per chunk (two branches, one chunk)
		assertThat(launch).isWaitingAt(CHUNK + "#multiInstanceBody");
		assertThat(this.engine.getManagementService().createJobQuery().processInstanceId(launch.getId()).count())
			.isEqualTo(1);
		assertThat(this.engine.getRuntimeService().getVariable(launch.getId(), "committeeCode"))
			.isEqualTo(this.prefix + "G");
		assertThat(branchInstances()).isZero();
		this.appraisals.support.runJobs(launch.getId());
		assertThat(launch).isEnded()
			.hasPassedInOrder("StartEvent_AppraisalLaunched", "Task_RegisterAppraisal", "StartEvent_BranchChunkTaken",
					"Task_StartBranchAppraisals", "EndEvent_BranchChunkStarted", "EndEvent_BranchAppraisalsStarted");
		assertThat(branchInstances()).isEqualTo(2);
	}

	/**
	 * The job of one chunk of the fan-out: the start of an instance of the sub-process.
	 */
	private static final String CHUNK = "SubProcess_StartBranchAppraisals";

	/** The job that ends a chunk's instance, after Task_StartBranchAppraisals. */
	private static final String CHUNK_END = "Task_StartBranchAppraisals";

	/**
	 * A launch by the 团总支 of {@code <prefix>X}, with one branch more than a chunk holds
	 * (one member each), its multi-instance entered: the two chunks' jobs wait.
	 */
	private ProcessInstance launchAtItsChunks() {
		this.appraisals.support.organization(this.prefix + "X", this.fanOut.chunkSize() + 1, 1, false);
		ProcessInstance launch = start(this.prefix + "Xg", MemberAppraisalTestSupport.launch());
		this.fanOut.runOnly(launch.getId(), CHUNK + "#multiInstanceBody");
		return launch;
	}

	/**
	 * The fan-out's jobs as the job executor sees them: the chunks not exclusive, each
	 * taken on its own; their ends exclusive, taken together
	 * (FanOutTestSupport#chunksApartTheirEndsTogether).
	 */
	@Test
	void chunkJobsAreNotExclusiveAndTheJobsEndingThemAre() {
		ProcessInstance launch = launchAtItsChunks();
		this.fanOut.chunksApartTheirEndsTogether(launch, CHUNK, CHUNK_END, () -> branchInstances(this.prefix + "X"));
		assertThat(launch).isEnded()
			.hasPassedInOrder("Task_RegisterAppraisal", "Task_StartBranchAppraisals", "EndEvent_BranchChunkStarted",
					"EndEvent_BranchAppraisalsStarted");
	}

	/**
	 * Two chunks of one launch at the same moment on two threads, as on two nodes, both
	 * transactions open until both have written: both commit, each organisation started
	 * once (FanOutTestSupport#twoChunksAtTheSameMoment); then the ends end the launch.
	 */
	@Test
	void twoChunksRunAtTheSameMomentWithoutColliding() throws Exception {
		ProcessInstance launch = launchAtItsChunks();
		this.fanOut.twoChunksAtTheSameMoment(launch, CHUNK, CHUNK_END, () -> branchInstances(this.prefix + "X"),
				() -> this.jdbc.sql("""
						select count(*) from member_appraisal_branch b join member_appraisal a on a.id = b.appraisal_id
						where a.process_instance_id = ?""").param(launch.getId()).query(Long.class).single());
		assertThat(launch).isEnded();
	}

	@Test
	void aBranchIsAppraisedOnceAYear() {
		this.appraisals.launch(this.prefix + "g", MemberAppraisalTestSupport.launch());
		// the 团委 above launches too: its branches already have this year's appraisal
		ProcessInstance committee = this.appraisals.launch(this.prefix + "c", MemberAppraisalTestSupport.launch());
		assertThat(committee).isEnded();
		assertThat(branchInstances()).isEqualTo(2);
		assertThatThrownBy(() -> start(this.prefix + "g", MemberAppraisalTestSupport.launch()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("已发起过");
	}

	/**
	 * The 团总支 and its 团委 launch the same year, and their chunks run at the same moment on
	 * two nodes: neither sees the other's uncommitted start of a branch. The database
	 * keeps a branch's appraisal once a year (member_appraisal_branch_once_a_year): the
	 * 团委's chunk waits for the 团总支's and then fails, and taken up again it skips the
	 * branches already started. Each branch has one appraisal, one sheet.
	 */
	@Test
	void aBranchIsAppraisedOnceAYearWhenBothCommitteesLaunchAtTheSameMoment() throws Exception {
		ProcessInstance generalBranch = start(this.prefix + "g", MemberAppraisalTestSupport.launch());
		ProcessInstance committee = start(this.prefix + "c", MemberAppraisalTestSupport.launch());
		this.fanOut.runOnly(generalBranch.getId(), CHUNK + "#multiInstanceBody");
		this.fanOut.runOnly(committee.getId(), CHUNK + "#multiInstanceBody");
		Job first = this.fanOut.jobs(generalBranch.getId(), CHUNK).get(0);
		Job second = this.fanOut.jobs(committee.getId(), CHUNK).get(0);

		try (FanOutTestSupport.HeldOpen firstRun = this.fanOut.holdOpen(() -> this.fanOut.run(first))) {
			Future<?> secondRun = CompletableFuture.runAsync(() -> this.fanOut.run(second));
			// the second waits for the first's branches, or gives up waiting; without the
			// database's key it would start them again, seeing none
			try {
				secondRun.get(2, TimeUnit.SECONDS);
			}
			catch (TimeoutException | ExecutionException ex) {
				// waiting, or failed: both end in the assertions below
			}
			firstRun.commit();
			assertThatThrownBy(() -> secondRun.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
		}
		assertThat(branchInstances()).as("processes ever started").isEqualTo(2);
		// taken up again, as the job executor retries it: the branches are skipped
		this.fanOut.run(this.fanOut.jobs(committee.getId(), CHUNK).get(0));
		this.appraisals.support.runJobs(committee.getId());
		this.appraisals.support.runJobs(generalBranch.getId());
		assertThat(committee).isEnded();
		assertThat(generalBranch).isEnded();
		assertThat(branchInstances()).isEqualTo(2);
		assertThat(this.jdbc.sql("""
				select count(*) from member_appraisal_branch b join member_appraisal a on a.id = b.appraisal_id
				where a.committee_code in (?, ?)""").params(this.prefix, this.prefix + "G").query(Long.class).single())
			.isEqualTo(2);
	}

	@Test
	void onlyCommitteeMembersLaunch() {
		// a secretary and a member have no grant to start it
		for (String user : new String[] { this.prefix + "s1", this.prefix + "m12" }) {
			assertThatThrownBy(() -> start(user, MemberAppraisalTestSupport.launch()))
				.isInstanceOf(AuthorizationException.class);
		}
		// a member of the city committee (a 上级团委) may start the form, and is refused by
		// the application: the appraisal is launched by a 团委 or 团总支
		assertThatThrownBy(() -> start(this.prefix + "h", MemberAppraisalTestSupport.launch()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("只有团委（团总支）委员可以发起");
		assertThat(branchInstances()).isZero();
	}

	@Test
	void badDeadlinesAreRefused() {
		Map<String, Object> past = new HashMap<>(MemberAppraisalTestSupport.launch());
		past.put("selfAssessmentDue", LocalDate.now().minusDays(1).toString());
		assertThatThrownBy(() -> start(this.prefix + "g", past)).hasMessageContaining("个人自评截止日期");
		Map<String, Object> before = new HashMap<>(MemberAppraisalTestSupport.launch());
		before.put("meetingDue", LocalDate.now().plusDays(1).toString());
		assertThatThrownBy(() -> start(this.prefix + "g", before)).hasMessageContaining("不能早于个人自评截止日期");
		Map<String, Object> year = new HashMap<>(MemberAppraisalTestSupport.launch());
		year.put("appraisalYear", 1999L);
		assertThatThrownBy(() -> start(this.prefix + "g", year)).hasMessageContaining("评议年度");
		assertThat(this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(MemberAppraisalVariables.LAUNCH_PROCESS)
			.variableValueEquals("committeeCode", this.prefix + "G")
			.count()).isZero();
	}

}
