package org.cyl.excellence.partyrecommendation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
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
 * PartyRecommendationProcess: a committee member launches a round for the committee's
 * subtree, one branch process per branch started by chunk jobs (never twice); refused
 * launches leave nothing.
 */
@ProcessTest
class PartyRecommendationProcessTests {

	private static int counter;

	@Autowired
	PartyRecommendationTestSupport party;

	@Autowired
	ProcessEngine engine;

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
		assertThat(launch).isWaitingAt("Task_StartBranches#multiInstanceBody");
		assertThat(launch.getBusinessKey()).startsWith("推优入党（入党积极分子）·测试团委" + this.prefix);
		// one chunk (two branches): the multi-instance body's job, then the chunk's
		List<Job> jobs = this.party.support.managementService.createJobQuery().processInstanceId(launch.getId()).list();
		assertThat(jobs).hasSize(1);
		this.party.support.runJobs(launch.getId());
		assertThat(launch).isEnded()
			.hasPassedInOrder("Task_RegisterLaunch", "Task_StartBranches", "EndEvent_BranchesStarted");
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
