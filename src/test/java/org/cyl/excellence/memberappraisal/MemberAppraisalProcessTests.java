package org.cyl.excellence.memberappraisal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cyl.excellence.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * MemberAppraisalProcess: a committee member of a 团总支 or 团委 launches the year's
 * appraisal; one job per chunk of branches starts a BranchMemberAppraisalProcess for
 * each; the launch then ends. Refused: a member or a secretary who is no committee
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

	String prefix;

	@BeforeEach
	void twoBranches() {
		init(this.engine);
		this.prefix = "ML" + (++counter) + System.nanoTime() % 100000;
		this.appraisals.support.organization(this.prefix, 2);
	}

	private long branchInstances() {
		return this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(MemberAppraisalVariables.BRANCH_PROCESS)
			.processInstanceBusinessKeyLike("%（" + this.prefix + "B%")
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
		assertThat(launch).isWaitingAt("Task_StartBranchAppraisals");
		// asyncBefore on the loop characteristics: one job per chunk (two branches, one
		// chunk)
		assertThat(this.engine.getManagementService().createJobQuery().processInstanceId(launch.getId()).count())
			.isEqualTo(1);
		assertThat(this.engine.getRuntimeService().getVariable(launch.getId(), "committeeCode"))
			.isEqualTo(this.prefix + "G");
		assertThat(branchInstances()).isZero();
		this.appraisals.support.runJobs(launch.getId());
		assertThat(launch).isEnded()
			.hasPassedInOrder("StartEvent_AppraisalLaunched", "Task_RegisterAppraisal", "Task_StartBranchAppraisals",
					"EndEvent_BranchAppraisalsStarted");
		assertThat(branchInstances()).isEqualTo(2);
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
