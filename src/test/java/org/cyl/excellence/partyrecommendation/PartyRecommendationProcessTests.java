package org.cyl.excellence.partyrecommendation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cyl.excellence.ProcessTest;
import org.cyl.excellence.organization.FanOutTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * PartyRecommendationProcess: a committee member launches a round for the committee's
 * subtree, one branch process per branch started by chunk jobs (never twice) — the
 * chunks' jobs not exclusive, run at the same moment without colliding, their ends
 * exclusive —; refused launches leave nothing.
 */
@ProcessTest
class PartyRecommendationProcessTests {

	private static int counter;

	@Autowired
	PartyRecommendationTestSupport party;

	@Autowired
	ProcessEngine engine;

	@Autowired
	FanOutTestSupport fanOut;

	@Autowired
	PartyRecommendationRepository repository;

	String prefix;

	@BeforeEach
	void twoBranches() {
		init(this.engine);
		this.prefix = "PL" + (++counter) + System.nanoTime() % 100000;
		this.party.organization(this.prefix, 2);
	}

	@Test
	void launchStartsOneBranchProcessPerBranchOfTheSubtree() {
		ProcessInstance launch = this.party.start(this.prefix + "c",
				PartyRecommendationTestSupport.launchForm("ACTIVIST"));
		assertThat(launch).isWaitingAt(CHUNK + "#multiInstanceBody");
		assertThat(launch.getBusinessKey()).startsWith("推优入党（入党积极分子）·测试团委" + this.prefix);
		// one chunk (two branches): the multi-instance body's job, then the chunk's
		List<Job> jobs = this.party.support.managementService.createJobQuery().processInstanceId(launch.getId()).list();
		assertThat(jobs).hasSize(1);
		this.party.support.runJobs(launch.getId());
		assertThat(launch).isEnded()
			.hasPassedInOrder("Task_RegisterLaunch", "StartEvent_BranchChunkTaken", "Task_StartBranches",
					"EndEvent_BranchChunkStarted", "EndEvent_BranchesStarted");
		for (String branch : List.of(this.prefix + "B1", this.prefix + "B2")) {
			String pid = this.party.branchInstance(branch);
			var vars = this.party.support.runtimeService.getVariables(pid);
			assertThat(vars).containsEntry("branchCode", branch)
				.containsEntry("committeeCode", this.prefix + "G")
				.containsEntry("committeeGroup", "org" + this.prefix + "Gcommittee")
				.containsEntry("secretaryGroup", "org" + branch + "secretary")
				.containsEntry("stage", "ACTIVIST");
			assertThat(this.party.task(pid, "Task_ProposeCandidates").getDueDate()).isNotNull();
		}
		assertThat(this.party.support.jdbc
			.sql("select launched_on from party_recommendation_launch where process_instance_id = ?")
			.param(launch.getId())
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.now());
	}

	/**
	 * The job of one chunk of the fan-out: the start of an instance of the sub-process.
	 */
	private static final String CHUNK = "SubProcess_StartBranches";

	/** The job that ends a chunk's instance, after Task_StartBranches. */
	private static final String CHUNK_END = "Task_StartBranches";

	/**
	 * A launch by the committee of {@code <prefix>X}, with one branch more than a chunk
	 * holds (one member each), its multi-instance entered: the two chunks' jobs wait.
	 */
	private ProcessInstance launchAtItsChunks() {
		this.party.support.organization(this.prefix + "X", this.fanOut.chunkSize() + 1, 1, false);
		ProcessInstance launch = this.party.start(this.prefix + "Xc",
				PartyRecommendationTestSupport.launchForm("ACTIVIST"));
		this.fanOut.runOnly(launch.getId(), CHUNK + "#multiInstanceBody");
		return launch;
	}

	/** The branch processes ever started for the branches of {@code <prefix>X}. */
	private long bigBranchInstances() {
		return this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(PartyRecommendationVariables.BRANCH_PROCESS)
			.processInstanceBusinessKeyLike("%（" + this.prefix + "XB%")
			.count();
	}

	/**
	 * The fan-out's jobs as the job executor sees them: the chunks not exclusive, each
	 * taken on its own; their ends exclusive, taken together
	 * (FanOutTestSupport#chunksApartTheirEndsTogether).
	 */
	@Test
	void chunkJobsAreNotExclusiveAndTheJobsEndingThemAre() {
		ProcessInstance launch = launchAtItsChunks();
		this.fanOut.chunksApartTheirEndsTogether(launch, CHUNK, CHUNK_END, this::bigBranchInstances);
		assertThat(launch).isEnded()
			.hasPassedInOrder("Task_RegisterLaunch", "Task_StartBranches", "EndEvent_BranchChunkStarted",
					"EndEvent_BranchesStarted");
	}

	/**
	 * Two chunks of one launch at the same moment on two threads, as on two nodes, both
	 * transactions open until both have written: both commit, each organisation started
	 * once (FanOutTestSupport#twoChunksAtTheSameMoment); then the ends end the launch.
	 */
	@Test
	void twoChunksRunAtTheSameMomentWithoutColliding() throws Exception {
		ProcessInstance launch = launchAtItsChunks();
		this.fanOut.twoChunksAtTheSameMoment(launch, CHUNK, CHUNK_END, this::bigBranchInstances,
				() -> this.party.support.jdbc.sql("""
						select count(distinct b.branch_code) from party_recommendation_branch b
						join party_recommendation_launch l on l.id = b.launch_id where l.process_instance_id = ?""")
					.param(launch.getId())
					.query(Long.class)
					.single());
		assertThat(launch).isEnded();
	}

	@Test
	void aChunkTakenUpAgainStartsNoBranchTwice() {
		ProcessInstance launch = this.party.launch(this.prefix + "c", "ACTIVIST");
		long launchId = (Long) this.party.support.jdbc
			.sql("select id from party_recommendation_launch where process_instance_id = ?")
			.param(launch.getId())
			.query(Long.class)
			.single();
		ProcessInstance other = this.party.start(this.prefix + "c",
				PartyRecommendationTestSupport.launchForm("ACTIVIST"));
		// the same launch's chunk again, as a retried job would run it
		this.party.support.runtimeService.setVariable(other.getId(), "launchId", launchId);
		this.party.support.runJobs(other.getId());
		assertThat(this.party.support.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(PartyRecommendationVariables.BRANCH_PROCESS)
			.variableValueEquals("launchId", launchId)
			.count()).isEqualTo(2);
	}

	/**
	 * A branch's second process in the same launch cannot keep its row: the database
	 * refuses it (party_recommendation_branch_once). A chunk's check for a branch's
	 * process does not see another chunk's start before it commits, and chunks run at the
	 * same time; should the subtree change during the fan-out so that two chunks both
	 * take a branch, the second fails and, taken up again, skips the branch.
	 */
	@Test
	void theDatabaseKeepsOneBranchRowPerLaunch() {
		ProcessInstance launch = this.party.launch(this.prefix + "c", "ACTIVIST");
		long launchId = this.party.support.jdbc
			.sql("select id from party_recommendation_launch where process_instance_id = ?")
			.param(launch.getId())
			.query(Long.class)
			.single();
		assertThatThrownBy(() -> this.repository.openBranch("another-branch-process", launchId, this.prefix + "B1",
				this.prefix + "G"))
			.isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
		assertThat(this.party.support.jdbc
			.sql("select count(*) from party_recommendation_branch where launch_id = ? and branch_code = ?")
			.params(launchId, this.prefix + "B1")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void onlyACommitteeMemberMayLaunchWithSensibleDates() {
		long before = this.party.support.runtimeService.createProcessInstanceQuery().count();
		assertThatThrownBy(
				() -> this.party.start(this.prefix + "s1", PartyRecommendationTestSupport.launchForm("ACTIVIST")))
			.hasMessageContaining("does not have 'CREATE' permission");
		// a 团总支 member launches neither (as for the campaign): Tasklist does not offer
		// it to him, and the application refuses him even where the engine would not
		assertThatThrownBy(
				() -> this.party.start(this.prefix + "g", PartyRecommendationTestSupport.launchForm("ACTIVIST")))
			.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class)
			.hasMessageMatching("(?s).*does not have .*'(CREATE|CREATE_INSTANCE)' permission.*");
		assertThatThrownBy(() -> this.party.support.formService
			.submitStartForm(this.party.support.repositoryService.createProcessDefinitionQuery()
				.processDefinitionKey(PartyRecommendationVariables.LAUNCH_PROCESS)
				.latestVersion()
				.singleResult()
				.getId(), PartyRecommendationTestSupport.launchForm("ACTIVIST")))
			.hasMessageContaining("请登录后在 Tasklist 中发起");
		Map<String, Object> past = PartyRecommendationTestSupport.launchForm("ACTIVIST");
		past.put("proposalDueDate", LocalDate.now().minusDays(1).toString());
		assertThatThrownBy(() -> this.party.start(this.prefix + "c", past)).hasMessageContaining("不能早于今天");
		Map<String, Object> order = PartyRecommendationTestSupport.launchForm("ACTIVIST");
		order.put("meetingDueDate", LocalDate.now().plusDays(1).toString());
		assertThatThrownBy(() -> this.party.start(this.prefix + "c", order)).hasMessageContaining("不能早于提名截止日期");
		Map<String, Object> stage = PartyRecommendationTestSupport.launchForm("MEMBER");
		assertThatThrownBy(() -> this.party.start(this.prefix + "c", stage)).hasMessageContaining("推优阶段");
		assertThat(this.party.support.runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
	}

}
