package org.cyl.excellence.dutyreport;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
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
 * DutyReportProcess: a committee member launches the year's duty report for the subtree
 * and every 团支部, 团总支 and 团委 below gets its secretary's report, started by chunk jobs,
 * each reporting to the committee directly above — the chunks' jobs not exclusive, run at
 * the same moment without colliding, their ends exclusive —; refused launches write
 * nothing. And the rating table DutyReportRating on its boundaries.
 */
@ProcessTest
class DutyReportProcessTests {

	private static int counter;

	@Autowired
	DutyReportTestSupport duty;

	@Autowired
	ProcessEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FanOutTestSupport fanOut;

	String prefix;

	@BeforeEach
	void aCommitteeWithAGeneralBranchAndTwoBranches() {
		init(this.engine);
		this.prefix = "DL" + (++counter) + System.nanoTime() % 100000;
		this.duty.support.organization(this.prefix, 2);
	}

	@Test
	void everyOrganisationBelowReportsToTheCommitteeDirectlyAbove() {
		ProcessInstance launch = this.duty.launch(this.prefix + "c", DutyReportTestSupport.launchForm());
		assertThat(launch).isWaitingAt(CHUNK + "#multiInstanceBody");
		// one job for the multi-instance body, then one per chunk (here one)
		this.duty.support.runJobs(launch.getId());
		assertThat(launch).isEnded()
			.hasPassedInOrder("Task_RegisterLaunch", "StartEvent_ReportChunkTaken", "Task_StartReports",
					"EndEvent_ReportChunkStarted", "EndEvent_DutyReportsStarted");
		String launchId = launchId(launch);
		List<String> reporting = this.jdbc
			.sql("select org_code || '>' || committee_code from duty_report where launch_id = ? order by org_code")
			.param(launchId)
			.query(String.class)
			.list();
		// the 团总支 reports to the committee, its branches to the 团总支 (书记抓、抓书记)
		assertThat(reporting).containsExactly(this.prefix + "B1>" + this.prefix + "G",
				this.prefix + "B2>" + this.prefix + "G", this.prefix + "G>" + this.prefix);
		String general = this.duty.reportInstance(launchId, this.prefix + "G");
		Map<String, Object> variables = this.engine.getRuntimeService().getVariables(general);
		assertThat(variables).containsEntry("orgCode", this.prefix + "G")
			.containsEntry("committeeCode", this.prefix)
			.containsEntry("secretaryGroup", "org" + this.prefix + "Gsecretary")
			.containsEntry("committeeGroup", "org" + this.prefix + "committee");
		assertThat(this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(general)
			.singleResult()
			.getBusinessKey()).contains(this.prefix + "G").contains("年述职#" + launchId.substring(0, 8));
		// a chunk taken up again starts nobody twice
		assertThat(this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(DutyReportVariables.SECRETARY_PROCESS)
			.variableValueEquals("dutyLaunchId", launchId)
			.count()).isEqualTo(3);
	}

	/**
	 * The job of one chunk of the fan-out: the start of an instance of the sub-process.
	 */
	private static final String CHUNK = "SubProcess_StartReports";

	/** The job that ends a chunk's instance, after Task_StartReports. */
	private static final String CHUNK_END = "Task_StartReports";

	/**
	 * A launch by the committee of {@code <prefix>X}, whose 团总支 and its branches are one
	 * organisation more than a chunk holds (the branches of one member each), its
	 * multi-instance entered: the two chunks' jobs wait.
	 */
	private ProcessInstance launchAtItsChunks() {
		this.duty.support.organization(this.prefix + "X", this.fanOut.chunkSize(), 1, false);
		ProcessInstance launch = this.duty.launch(this.prefix + "Xc", DutyReportTestSupport.launchForm());
		this.fanOut.runOnly(launch.getId(), CHUNK + "#multiInstanceBody");
		return launch;
	}

	/**
	 * The secretaries' processes ever started for the organisations of {@code <prefix>X}.
	 */
	private long bigReportInstances() {
		return this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(DutyReportVariables.SECRETARY_PROCESS)
			.processInstanceBusinessKeyLike("%（" + this.prefix + "X%")
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
		this.fanOut.chunksApartTheirEndsTogether(launch, CHUNK, CHUNK_END, this::bigReportInstances);
		assertThat(launch).isEnded()
			.hasPassedInOrder("Task_RegisterLaunch", "Task_StartReports", "EndEvent_ReportChunkStarted",
					"EndEvent_DutyReportsStarted");
	}

	/**
	 * Two chunks of one launch at the same moment on two threads, as on two nodes, both
	 * transactions open until both have written: both commit, each organisation started
	 * once (FanOutTestSupport#twoChunksAtTheSameMoment); then the ends end the launch.
	 */
	@Test
	void twoChunksRunAtTheSameMomentWithoutColliding() throws Exception {
		ProcessInstance launch = launchAtItsChunks();
		this.fanOut.twoChunksAtTheSameMoment(launch, CHUNK, CHUNK_END, this::bigReportInstances, () -> this.jdbc.sql("""
				select count(*) from duty_report r join duty_report_launch l on l.id = r.launch_id
				where l.process_instance_id = ?""").param(launch.getId()).query(Long.class).single());
		assertThat(launch).isEnded();
	}

	@Test
	void onlyACommitteeMemberLaunchesAndOnlyWithSensibleDates() {
		int launches = count();
		// a branch secretary may not start it at all
		assertThatThrownBy(() -> this.duty.launch(this.prefix + "s1", DutyReportTestSupport.launchForm()))
			.isInstanceOf(AuthorizationException.class);
		Map<String, Object> late = DutyReportTestSupport.launchForm();
		late.put("reportDueOn", LocalDate.now().minusDays(1).toString());
		assertThatThrownBy(() -> this.duty.launch(this.prefix + "c", late)).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("不能早于今天");
		Map<String, Object> closesFirst = DutyReportTestSupport.launchForm();
		closesFirst.put("appraisalClosesOn", LocalDate.now().plusDays(7).toString());
		assertThatThrownBy(() -> this.duty.launch(this.prefix + "c", closesFirst))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("应晚于");
		Map<String, Object> shortPeriod = DutyReportTestSupport.launchForm();
		shortPeriod.put("rectifyDays", 6L);
		assertThatThrownBy(() -> this.duty.launch(this.prefix + "c", shortPeriod))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("整改期限");
		// a variable the form does not ask for
		Map<String, Object> extra = DutyReportTestSupport.launchForm();
		extra.put("committeeCode", "1");
		assertThatThrownBy(() -> this.duty.launch(this.prefix + "c", extra)).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("committeeCode");
		assertThat(count()).isEqualTo(launches);
	}

	@Test
	void ratingTableDecidesOnItsBoundaries() {
		assertThat(rate(30.0, 0)).isEqualTo("POOR");
		assertThat(rate(29.99, 70)).isEqualTo("GOOD");
		assertThat(rate(29.99, 60)).isEqualTo("GOOD");
		assertThat(rate(10, 59.99)).isEqualTo("FAIR");
		assertThat(rate(40, 60)).isEqualTo("POOR");
		assertThat(rate(0, 0)).isEqualTo("FAIR");
	}

	private String rate(double poorPercent, double goodPercent) {
		return this.engine.getDecisionService()
			.evaluateDecisionTableByKey("DutyReportRating",
					Variables.createVariables()
						.putValue("poorPercent", poorPercent)
						.putValue("goodPercent", goodPercent))
			.getSingleEntry();
	}

	private String launchId(ProcessInstance launch) {
		return (String) this.engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(launch.getId())
			.variableName("dutyLaunchId")
			.singleResult()
			.getValue();
	}

	private int count() {
		return this.jdbc.sql("select count(*) from duty_report_launch").query(Integer.class).single();
	}

}
