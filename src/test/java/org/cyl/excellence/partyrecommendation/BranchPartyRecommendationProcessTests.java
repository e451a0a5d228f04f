package org.cyl.excellence.partyrecommendation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.cyl.excellence.partyrecommendation.PartyRecommendationTestSupport.candidates;
import static org.cyl.excellence.partyrecommendation.PartyRecommendationTestSupport.keepAll;
import static org.cyl.excellence.partyrecommendation.PartyRecommendationTestSupport.meeting;

/**
 * BranchPartyRecommendationProcess: the happy path, and each detour on its own — nobody
 * proposed, returned by the committee, quorum missed, vote not passed (exactly half of
 * those entitled fails), quota exceeded, the committee departing from the vote with a
 * reason, an objection upheld or dismissed; ineligible and other branches' members
 * refused; the second stage needing the first.
 */
@ProcessTest
class BranchPartyRecommendationProcessTests {

	private static int counter;

	@Autowired
	PartyRecommendationTestSupport party;

	@Autowired
	PartyObjections objections;

	@Autowired
	PartyRecommendations recommendations;

	@Autowired
	ProcessEngine engine;

	@Autowired
	JdbcClient jdbc;

	String prefix;

	String pid;

	ProcessInstance instance;

	@BeforeEach
	void oneBranchLaunched() {
		init(this.engine);
		this.prefix = "PR" + (++counter) + System.nanoTime() % 100000;
		this.party.organization(this.prefix, 1);
		this.party.launch(this.prefix + "c", "ACTIVIST");
		this.pid = this.party.branchInstance(this.prefix + "B1");
		this.instance = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(this.pid)
			.singleResult();
	}

	String member(int k) {
		return this.prefix + "-1-" + k;
	}

	ProcessInstance instance() {
		return this.instance;
	}

	private void refused(String key, Map<String, Object> values, String message) {
		Task task = this.party.task(this.pid, key);
		assertThatThrownBy(() -> this.party.support.complete(task, values)).hasMessageContaining(message);
		assertThat(this.party.task(this.pid, key).getId()).isEqualTo(task.getId());
	}

	@Test
	void branchProposesMeetsChecksNoticesAndRecommends() {
		ProcessInstance instance = instance();
		assertThat(instance).isWaitingAt("Task_ProposeCandidates");
		Task propose = this.party.task(this.pid, "Task_ProposeCandidates");
		assertThat(propose.getAssignee()).isEqualTo(this.prefix + "s1");
		assertThat(propose.getDueDate()).isNotNull();
		assertThat(this.party.support.taskService.getVariable(propose.getId(), "memberQuota")).isEqualTo(2);
		assertThat(this.party.options(propose)).hasSize(10);
		this.party.toNotice(this.pid, member(2), member(3));
		assertThat(instance).isWaitingAt("Event_NoticePeriodEnded");
		assertThat(this.party.status(this.pid, member(2))).isEqualTo("NOTICED");
		this.party.approve(this.pid);
		assertThat(instance).isEnded()
			.hasPassedInOrder("Task_OpenBranch", "Task_ProposeCandidates", "Task_AgreeList", "Task_HoldMeeting",
					"Task_CheckCandidates", "Task_PublishNotice", "Task_CloseObjections", "Task_ApproveRecommendation",
					"EndEvent_Recommended");
		assertThat(this.party.status(this.pid, member(2))).isEqualTo("RECOMMENDED");
		LocalDate today = LocalDate.now();
		var recommendation = this.recommendations.validOn(member(2), RecommendationStage.ACTIVIST, today).orElseThrow();
		assertThat(recommendation.validUntil()).isEqualTo(today.plusYears(2).minusDays(1));
		assertThat(recommendation.isValidOn(today.plusYears(2))).isFalse();
		assertThat(recommendation.partyOrgCode()).isEqualTo("P" + this.prefix);
		assertThat(this.jdbc.sql("select issue_no from party_recommendation_branch where process_instance_id = ?")
			.param(this.pid)
			.query(String.class)
			.single()).isEqualTo("测团字〔2026〕16号");
	}

	@Test
	void aRecommendedMemberIsNotProposedAgainAndMayGoOnAsDevelopmentCandidate() {
		this.party.toNotice(this.pid, member(2));
		this.party.approve(this.pid);
		this.party.launch(this.prefix + "c", "ACTIVIST");
		String again = this.party.branchInstance(this.prefix + "B1");
		assertThat(again).isNotEqualTo(this.pid);
		Task propose = this.party.task(again, "Task_ProposeCandidates");
		assertThat(this.party.options(propose)).hasSize(9).doesNotContain(member(2));
		assertThat((String) this.party.support.taskService.getVariable(propose.getId(), "eligibilitySummary"))
			.contains("已有有效的入党积极分子推荐");
		this.party.launch(this.prefix + "c", "DEVELOPMENT");
		String development = this.party.branchInstance(this.prefix + "B1");
		Task second = this.party.task(development, "Task_ProposeCandidates");
		assertThat(this.party.options(second)).containsExactly(member(2));
		assertThatThrownBy(() -> this.party.support.complete(second, candidates(member(3))))
			.hasMessageContaining("没有有效的入党积极分子推荐");
	}

	@Test
	void proposingNobodyEndsTheRound() {
		this.party.complete(this.pid, "Task_ProposeCandidates", Map.of());
		assertThat(instance()).isEnded().hasPassed("EndEvent_NoCandidates");
	}

	@Test
	void committeeReturnsTheListWithAnOpinion() {
		this.party.complete(this.pid, "Task_ProposeCandidates", candidates(member(2)));
		Task agree = this.party.task(this.pid, "Task_AgreeList");
		assertThat(agree.getAssignee()).isEqualTo(this.prefix + "g");
		assertThat((String) this.party.support.taskService.getVariable(agree.getId(), "candidateList"))
			.contains(member(2));
		refused("Task_AgreeList", Map.of("listDecision", "return"), "退回时必须填写");
		this.party.complete(this.pid, "Task_AgreeList", Map.of("listDecision", "return", "listOpinion", "请再听取团员意见"));
		assertThat(instance()).isWaitingAt("Task_ProposeCandidates");
		Task again = this.party.task(this.pid, "Task_ProposeCandidates");
		assertThat(this.party.support.taskService.getVariable(again.getId(), "returnOpinion")).isEqualTo("请再听取团员意见");
		this.party.complete(this.pid, "Task_ProposeCandidates", candidates(member(4)));
		this.party.complete(this.pid, "Task_AgreeList", Map.of("listDecision", "agree"));
		assertThat(instance()).isWaitingAt("Task_HoldMeeting");
		assertThat(this.jdbc.sql("select count(*) from party_recommendation where process_instance_id = ?")
			.param(this.pid)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void quotaOfTwentyPercentIsEnforced() {
		refused("Task_ProposeCandidates", candidates(member(2), member(3), member(4)), "超过本支部推优名额（2 名");
		refused("Task_ProposeCandidates", candidates(member(2), member(2)), "重复");
	}

	@Test
	void onlyEligibleMembersOfTheBranchMayBeProposed() {
		LocalDate today = LocalDate.now();
		// the dates are judged on the launch day (today): an 18th birthday today is
		// eligible, tomorrow's is not; the same for a year in the League and six months
		// since the application
		this.party.dates(member(2), today.minusYears(18), today.minusYears(1), today.minusMonths(6));
		this.party.dates(member(3), today.minusYears(18).plusDays(1), today.minusYears(2), today.minusYears(1));
		this.party.dates(member(4), today.minusYears(20), today.minusYears(1).plusDays(1), today.minusYears(1));
		this.party.dates(member(5), today.minusYears(20), today.minusYears(2), today.minusMonths(6).plusDays(1));
		this.party.dates(member(6), today.minusYears(20), today.minusYears(2), null);
		refused("Task_ProposeCandidates", candidates(member(3)), "未满 18 周岁");
		refused("Task_ProposeCandidates", candidates(member(4)), "团龄不满 12 个月");
		refused("Task_ProposeCandidates", candidates(member(5)), "递交入党申请书不满 6 个月");
		refused("Task_ProposeCandidates", candidates(member(6)), "未登记递交入党申请书日期");
		refused("Task_ProposeCandidates", candidates(this.prefix + "-9-1"), "不是本支部团员");
		this.party.complete(this.pid, "Task_ProposeCandidates", candidates(member(2)));
		assertThat(instance()).isWaitingAt("Task_AgreeList");
	}

	@Test
	void meetingWithoutMoreThanHalfPresentIsHeldAgain() {
		this.party.complete(this.pid, "Task_ProposeCandidates", candidates(member(2)));
		this.party.complete(this.pid, "Task_AgreeList", Map.of("listDecision", "agree"));
		Task first = this.party.task(this.pid, "Task_HoldMeeting");
		assertThat(this.party.support.taskService.getVariable(first.getId(), "entitled")).isEqualTo(10);
		// exactly half present: not valid
		this.party.complete(this.pid, "Task_HoldMeeting", meeting(5, 5));
		assertThat(instance()).isWaitingAt("Task_HoldMeeting");
		assertThat(this.party.status(this.pid, member(2))).isEqualTo("PROPOSED");
		Task again = this.party.task(this.pid, "Task_HoldMeeting");
		assertThat((String) this.party.support.taskService.getVariable(again.getId(), "meetingNote")).contains("重新召开");
		this.party.complete(this.pid, "Task_HoldMeeting", meeting(6, 6));
		assertThat(instance()).isWaitingAt("Task_CheckCandidates");
		assertThat(this.jdbc.sql("select meetings_held from party_recommendation_branch where process_instance_id = ?")
			.param(this.pid)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aCandidatePassesOnlyWithMoreThanHalfOfThoseEntitled() {
		this.party.complete(this.pid, "Task_ProposeCandidates", candidates(member(2), member(3)));
		this.party.complete(this.pid, "Task_AgreeList", Map.of("listDecision", "agree"));
		refused("Task_HoldMeeting", meeting(6, 7, 6), "超过实到人数");
		Map<String, Object> notPresented = meeting(6, 6, 6);
		notPresented.put("presented2", false);
		refused("Task_HoldMeeting", notPresented, "自我介绍");
		Map<String, Object> future = meeting(6, 6, 6);
		future.put("meetingDate", LocalDate.now().plusDays(1).toString());
		refused("Task_HoldMeeting", future, "不能晚于今天");
		// 6 present of 10: 6 yes votes pass, 5 (half of those entitled) do not
		this.party.complete(this.pid, "Task_HoldMeeting", meeting(6, 6, 5));
		assertThat(this.party.status(this.pid, member(2))).isEqualTo("PASSED");
		assertThat(this.party.status(this.pid, member(3))).isEqualTo("NOT_PASSED");
		Task check = this.party.task(this.pid, "Task_CheckCandidates");
		assertThat(this.party.support.taskService.getVariable(check.getId(), "checkCount")).isEqualTo(1);
	}

	@Test
	void nobodyPassingEndsTheRound() {
		this.party.complete(this.pid, "Task_ProposeCandidates", candidates(member(2)));
		this.party.complete(this.pid, "Task_AgreeList", Map.of("listDecision", "agree"));
		this.party.complete(this.pid, "Task_HoldMeeting", meeting(10, 5));
		assertThat(instance()).isEnded().hasPassed("EndEvent_NonePassed");
	}

	@Test
	void committeeMayDropACandidateWhoPassedWithAReason() {
		this.party.complete(this.pid, "Task_ProposeCandidates", candidates(member(2), member(3)));
		this.party.complete(this.pid, "Task_AgreeList", Map.of("listDecision", "agree"));
		this.party.complete(this.pid, "Task_HoldMeeting", meeting(8, 8, 8));
		Map<String, Object> noReason = new HashMap<>(Map.of("keep1", "keep", "keep2", "drop"));
		refused("Task_CheckCandidates", noReason, "须写明理由");
		this.party.complete(this.pid, "Task_CheckCandidates",
				Map.of("keep1", "keep", "keep2", "drop", "reason2", "考察期间发现其近期表现不够突出"));
		assertThat(this.party.status(this.pid, member(3))).isEqualTo("DROPPED");
		assertThat(instance()).isWaitingAt("Event_NoticePeriodEnded");
	}

	@Test
	void droppingEveryCandidateEndsTheRound() {
		this.party.complete(this.pid, "Task_ProposeCandidates", candidates(member(2)));
		this.party.complete(this.pid, "Task_AgreeList", Map.of("listDecision", "agree"));
		this.party.complete(this.pid, "Task_HoldMeeting", meeting(8, 8));
		this.party.complete(this.pid, "Task_CheckCandidates", Map.of("keep1", "drop", "reason1", "考察中发现违纪情况"));
		assertThat(instance()).isEnded().hasPassed("EndEvent_NoneKept");
	}

	@Test
	void upheldObjectionRemovesTheCandidate() {
		this.party.toNotice(this.pid, member(2), member(3));
		long id = candidateId(member(2));
		this.objections.file(this.pid, id, "王明", "13800138000", "该同学本学期有违纪情况，请核实。", "10.0.0.1");
		Task verify = this.party.task(this.pid, "Task_VerifyObjection");
		assertThat(verify.getAssignee()).isEqualTo(this.prefix + "g");
		refused("Task_VerifyObjection", Map.of("verdict", "UPHOLD"), "核查情况");
		this.party.complete(this.pid, "Task_VerifyObjection", Map.of("verdict", "UPHOLD", "finding", "经核实情况属实"));
		assertThat(this.party.status(this.pid, member(2))).isEqualTo("REMOVED");
		assertThatThrownBy(
				() -> this.objections.file(this.pid, id, "王明", "13800138000", "该同学本学期有违纪情况，请核实。", "10.0.0.1"))
			.hasMessageContaining("已不在公示名单中");
		this.party.approve(this.pid);
		assertThat(this.party.status(this.pid, member(2))).isEqualTo("REMOVED");
		assertThat(this.party.status(this.pid, member(3))).isEqualTo("RECOMMENDED");
		assertThat(instance()).isEnded().hasPassed("Task_RemoveCandidate", "EndEvent_CandidateRemoved");
	}

	@Test
	void dismissedObjectionKeepsTheCandidate() {
		this.party.toNotice(this.pid, member(2));
		assertThatThrownBy(() -> this.objections.file(this.pid, candidateId(member(2)), "某同学", "13800138000",
				"该同学本学期有违纪情况，请核实。", "10.0.0.1"))
			.hasMessageContaining("匿名");
		this.objections.file(this.pid, candidateId(member(2)), "王明", "13800138000", "该同学本学期有违纪情况，请核实。", "10.0.0.1");
		this.party.complete(this.pid, "Task_VerifyObjection", Map.of("verdict", "DISMISS", "finding", "经核实情况不属实"));
		assertThat(instance()).hasPassed("EndEvent_ObjectionDismissed");
		this.party.approve(this.pid);
		assertThat(this.party.status(this.pid, member(2))).isEqualTo("RECOMMENDED");
	}

	@Test
	void everyCandidateRemovedEndsWithoutRecommendation() {
		this.party.toNotice(this.pid, member(2));
		this.objections.file(this.pid, candidateId(member(2)), "王明", "13800138000", "该同学本学期有违纪情况，请核实。", "10.0.0.1");
		this.party.complete(this.pid, "Task_VerifyObjection", Map.of("verdict", "UPHOLD", "finding", "经核实情况属实"));
		this.party.support.fireTimer(this.pid, "Event_NoticePeriodEnded");
		assertThat(instance()).isEnded().hasPassed("EndEvent_AllRemoved");
		assertThat(this.jdbc.sql("select status from party_recommendation_branch where process_instance_id = ?")
			.param(this.pid)
			.query(String.class)
			.single()).isEqualTo("NONE");
		assertThatThrownBy(() -> this.objections.file(this.pid, candidateId(member(2)), "王明", "13800138000",
				"该同学本学期有违纪情况，请核实。", "10.0.0.1"))
			.hasMessageContaining("公示期已满");
	}

	@Test
	void everyUserTaskHasADueDateAndIsPlacedAtTheBranch() {
		this.party.toNotice(this.pid, member(2));
		this.objections.file(this.pid, candidateId(member(2)), "王明", "13800138000", "该同学本学期有违纪情况，请核实。", "10.0.0.1");
		Task verify = this.party.task(this.pid, "Task_VerifyObjection");
		assertThat(verify.getDueDate()).isNotNull();
		assertThat(this.party.support.taskService.getVariable(verify.getId(), "branchCode"))
			.isEqualTo(this.prefix + "B1");
		// the supervision's timeout listener waits on the due date (overdueTaskListener)
		assertThat(this.party.support.managementService.createJobQuery()
			.processInstanceId(this.pid)
			.timers()
			.activityId("Task_VerifyObjection")
			.count()).isEqualTo(1);
	}

	long candidateId(String leagueNo) {
		return this.jdbc.sql("select id from party_recommendation where process_instance_id = ? and league_no = ?")
			.params(this.pid, leagueNo)
			.query(Long.class)
			.single();
	}

}
