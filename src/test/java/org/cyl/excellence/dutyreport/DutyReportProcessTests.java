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
 * each reporting to the committee directly above; refused launches write nothing. And the
 * rating table DutyReportRating on its boundaries.
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
		assertThat(launch).isWaitingAt("Task_StartReports#multiInstanceBody");
		// one job for the multi-instance body, then one per chunk (here one)
		this.duty.support.runJobs(launch.getId());
		assertThat(launch).isEnded()
			.hasPassedInOrder("Task_RegisterLaunch", "Task_StartReports", "EndEvent_DutyReportsStarted");
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
