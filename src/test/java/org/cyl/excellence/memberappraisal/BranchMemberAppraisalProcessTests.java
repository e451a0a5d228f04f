package org.cyl.excellence.memberappraisal;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.ProcessTest;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * BranchMemberAppraisalProcess: the happy path, and each detour on its own — the
 * self-assessment deadline closing with members missing, a meeting without quorum held
 * again, a departure from the vote with and without a reason, 优秀 beyond the share, grades
 * returned by the committee above — and the refusals (another branch's secretary, a
 * member, incomplete sheets, bad values).
 */
@ProcessTest
class BranchMemberAppraisalProcessTests {

	private static int counter;

	@Autowired
	MemberAppraisalTestSupport appraisals;

	@Autowired
	MemberGrades memberGrades;

	@Autowired
	ProcessEngine engine;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.cyl.excellence.organization.FanOutTestSupport fanOut;

	CampaignTestSupport support;

	String prefix;

	String appraisalId;

	String branch;

	String secretary;

	String pid;

	void oneLaunch(int membersPerBranch, boolean memberAccounts) {
		init(this.engine);
		this.support = this.appraisals.support;
		this.prefix = "MA" + (++counter) + System.nanoTime() % 100000;
		this.support.organization(this.prefix, 2, membersPerBranch, memberAccounts);
		ProcessInstance launch = this.appraisals.launch(this.prefix + "g", MemberAppraisalTestSupport.launch());
		this.appraisalId = this.appraisals.jdbc.sql("select id from member_appraisal where process_instance_id = ?")
			.param(launch.getId())
			.query(String.class)
			.single();
		this.branch = this.prefix + "B1";
		this.secretary = this.prefix + "s1";
		this.pid = this.appraisals.branchInstance(this.appraisalId, this.branch);
	}

	@BeforeEach
	void threeMembersPerBranch() {
		oneLaunch(3, true);
	}

	private Task task(String key) {
		return this.support.task(this.pid, key);
	}

	private void toMeeting() {
		this.appraisals.writeAll(this.pid);
		this.support.complete(task("Task_RecordSelfAssessments"), Map.of("selfAssessmentsConfirmed", true));
	}

	private void toProposal() {
		toMeeting();
		this.appraisals.votes(this.appraisalId, this.branch, this.secretary, 0, 3, 0, 0);
		this.support.complete(task("Task_RecordAppraisalMeeting"), MemberAppraisalTestSupport.meeting(3));
	}

	private ProcessInstance instance() {
		return this.support.runtimeService.createProcessInstanceQuery().processInstanceId(this.pid).singleResult();
	}

	@Test
	void gradesTheBranchAndRecordsThemOnTheMembers() {
		ProcessInstance running = instance();
		List<Task> writing = this.support.tasks(this.pid, "Task_WriteSelfAssessment");
		assertThat(writing).extracting(Task::getAssignee)
			.containsExactlyInAnyOrder(this.prefix + "s1", this.prefix + "m12", this.prefix + "m13");
		assertThat(writing).allSatisfy((t) -> assertThat(t.getDueDate()).isNotNull());
		assertThat(this.support.runtimeService.getVariable(this.pid, "branchCode")).isEqualTo(this.branch);
		assertThat(this.support.runtimeService.getVariable(this.pid, "committeeCode")).isEqualTo(this.prefix + "G");
		this.appraisals.writeAll(this.pid);
		Task record = task("Task_RecordSelfAssessments");
		assertThat(record.getAssignee()).isEqualTo(this.secretary);
		assertThat(this.support.taskService.getVariable(record.getId(), "sheetPath"))
			.isEqualTo("/member-appraisals/" + this.appraisalId + "/branches/" + this.branch);
		this.support.complete(record, Map.of("selfAssessmentsConfirmed", true));
		this.appraisals.votes(this.appraisalId, this.branch, this.secretary, 1, 2, 0, 0);
		this.support.complete(task("Task_RecordAppraisalMeeting"), MemberAppraisalTestSupport.meeting(3));
		// 团员11 is the vote's 合格; the committee keeps every vote
		this.appraisals.grades(this.appraisalId, this.branch, this.secretary, Map.of());
		this.support.complete(task("Task_ProposeMemberGrades"), Map.of("gradesConfirmed", true));
		Task approve = task("Task_ApproveMemberGrades");
		assertThat(this.support.taskService.getIdentityLinksForTask(approve.getId()))
			.anySatisfy((l) -> assertThat(l.getGroupId()).isEqualTo("org" + this.prefix + "Gcommittee"));
		assertThat(this.memberGrades.gradeOf(this.prefix + "-1-1", java.time.LocalDate.now().getYear())).isEmpty();
		this.support.complete(approve, Map.of("approvalDecision", "approve"));
		assertThat(running).isEnded();
		assertThat(this.memberGrades.gradeOf(this.prefix + "-1-1", java.time.LocalDate.now().getYear())).contains("合格");
		assertThat(this.memberGrades.gradesOf(this.branch, java.time.LocalDate.now().getYear()))
			.extracting(MemberGrades.MemberGrade::registrationAllowed)
			.containsExactly(true, true, true);
		assertThat(running).hasPassedInOrder("Task_PrepareBranchAppraisal", "Task_WriteSelfAssessment",
				"Task_RecordSelfAssessments", "Task_RecordAppraisalMeeting", "Task_ProposeMemberGrades",
				"Task_ApproveMemberGrades", "Task_RecordGrades", "EndEvent_BranchAppraisalCompleted");
	}

	/**
	 * Two members write their self-assessments at the same moment, each transaction held
	 * open until the other has written too: neither waits for the other. The
	 * multi-instance's count is updated in the job each one leaves ({@code asyncAfter} on
	 * the loop characteristics); then the secretary records them as before.
	 */
	@Test
	void twoMembersWriteAtTheSameMomentWithoutWaitingForEachOther() throws Exception {
		List<Task> writing = this.support.tasks(this.pid, "Task_WriteSelfAssessment")
			.stream()
			.filter((t) -> !t.getAssignee().equals(this.secretary))
			.toList();
		assertThat(writing).hasSize(2);
		this.fanOut.atTheSameMoment(writing.stream()
			.<Runnable>map((task) -> () -> this.support.formService.submitTaskForm(task.getId(),
					Map.of("selfAssessment", "本年度认真学习，积极参加组织生活和志愿服务。")))
			.toList());
		this.appraisals.writeAll(this.pid);
		assertThat(this.support.tasks(this.pid, "Task_WriteSelfAssessment")).isEmpty();
		assertThat(task("Task_RecordSelfAssessments").getAssignee()).isEqualTo(this.secretary);
	}

	@Test
	void theSecretaryRecordsWhatMembersMissedAfterTheDeadline() {
		Task first = this.support.tasks(this.pid, "Task_WriteSelfAssessment").get(0);
		this.support.complete(first, Map.of("selfAssessment", MemberAppraisalTestSupport.text("本人")));
		this.support.runJobs(this.pid);
		this.support.fireTimer(this.pid, "BoundaryEvent_SelfAssessmentClosed");
		assertThat(this.support.tasks(this.pid, "Task_WriteSelfAssessment")).isEmpty();
		Task record = task("Task_RecordSelfAssessments");
		assertThatThrownBy(() -> this.support.complete(record, Map.of("selfAssessmentsConfirmed", true)))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("尚未登记齐全");
		// the member's own writing cannot be overwritten by the secretary
		MemberAppraisalRepository.Entry own = this.appraisals.sheet(this.appraisalId, this.branch, this.secretary)
			.entries()
			.stream()
			.filter((e) -> e.username() != null && e.username().equals(first.getAssignee()))
			.findFirst()
			.orElseThrow();
		assertThatThrownBy(() -> this.appraisals.sheets.save(this.appraisalId, this.branch,
				List.of(new AppraisalSheet.Line(own.leagueNo(), MemberAppraisalTestSupport.text("代写"), null, null, null,
						null, null, null)),
				MemberAppraisalTestSupport.as(this.secretary)))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("已由本人提交");
		this.appraisals.recordMissing(this.appraisalId, this.branch, this.secretary);
		this.support.complete(task("Task_RecordSelfAssessments"), Map.of("selfAssessmentsConfirmed", true));
		assertThat(task("Task_RecordAppraisalMeeting")).isNotNull();
	}

	@Test
	void membersWithoutAccountsAreRecordedByTheSecretary() {
		oneLaunch(3, false);
		assertThat(this.support.tasks(this.pid, "Task_WriteSelfAssessment")).extracting(Task::getAssignee)
			.containsExactly(this.secretary);
		this.appraisals.writeAll(this.pid);
		this.appraisals.recordMissing(this.appraisalId, this.branch, this.secretary);
		assertThat(this.appraisals.sheet(this.appraisalId, this.branch, this.secretary).entries())
			.allSatisfy((e) -> assertThat(e.selfAssessment()).isNotNull());
		this.support.complete(task("Task_RecordSelfAssessments"), Map.of("selfAssessmentsConfirmed", true));
		assertThat(task("Task_RecordAppraisalMeeting")).isNotNull();
	}

	@Test
	void aMeetingOfExactlyTwoThirdsIsHeldAgain() {
		toMeeting();
		this.appraisals.votes(this.appraisalId, this.branch, this.secretary, 0, 2, 0, 0);
		// 2 of 3 is exactly two thirds: not more, the meeting is invalid
		this.support.complete(task("Task_RecordAppraisalMeeting"), MemberAppraisalTestSupport.meeting(2));
		assertThat(this.engine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(this.pid)
			.activityId("Task_RecordAppraisalMeeting")
			.count()).isEqualTo(2);
		assertThat(this.appraisals.sheet(this.appraisalId, this.branch, this.secretary).entries())
			.allSatisfy((e) -> assertThat(e.hasVotes()).isFalse());
		assertThat(this.appraisals.sheet(this.appraisalId, this.branch, this.secretary).sheet().meetingsHeld())
			.isEqualTo(1);
		// a valid meeting without every member's votes is refused
		assertThatThrownBy(
				() -> this.support.complete(task("Task_RecordAppraisalMeeting"), MemberAppraisalTestSupport.meeting(3)))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("尚未登记齐全");
		// more ballots than members present is refused
		this.appraisals.votes(this.appraisalId, this.branch, this.secretary, 1, 3, 0, 0);
		assertThatThrownBy(
				() -> this.support.complete(task("Task_RecordAppraisalMeeting"), MemberAppraisalTestSupport.meeting(3)))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("超过实到人数");
		this.appraisals.votes(this.appraisalId, this.branch, this.secretary, 0, 3, 0, 0);
		this.support.complete(task("Task_RecordAppraisalMeeting"), MemberAppraisalTestSupport.meeting(3));
		assertThat(task("Task_ProposeMemberGrades")).isNotNull();
	}

	@Test
	void theQuorumRuleIsMoreThanTwoThirds() {
		assertThat(AppraisalMeetingListener.quorate(2, 3)).isFalse();
		assertThat(AppraisalMeetingListener.quorate(3, 3)).isTrue();
		assertThat(AppraisalMeetingListener.quorate(20, 30)).isFalse();
		assertThat(AppraisalMeetingListener.quorate(21, 30)).isTrue();
		assertThat(AppraisalMeetingListener.quorate(0, 0)).isFalse();
	}

	@Test
	void theCommitteeDepartsFromTheVoteOnlyWithAReason() {
		toProposal();
		String member = this.prefix + "-1-2";
		this.appraisals.grades(this.appraisalId, this.branch, this.secretary, Map.of(member, new String[] { "基本合格" }));
		assertThatThrownBy(
				() -> this.support.complete(task("Task_ProposeMemberGrades"), Map.of("gradesConfirmed", true)))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("与测评结果（合格）不一致，须写明理由");
		assertThat(task("Task_ProposeMemberGrades")).isNotNull();
		this.appraisals.grades(this.appraisalId, this.branch, this.secretary,
				Map.of(member, new String[] { "基本合格", "全年三次无故缺席组织生活，经支委会研究定为基本合格" }));
		this.support.complete(task("Task_ProposeMemberGrades"), Map.of("gradesConfirmed", true));
		this.support.complete(task("Task_ApproveMemberGrades"), Map.of("approvalDecision", "approve"));
		assertThat(this.memberGrades.gradeOf(member, java.time.LocalDate.now().getYear())).contains("基本合格");
	}

	@Test
	void gradesReturnedByTheCommitteeAboveAreProposedAgain() {
		toProposal();
		this.appraisals.grades(this.appraisalId, this.branch, this.secretary, Map.of());
		this.support.complete(task("Task_ProposeMemberGrades"), Map.of("gradesConfirmed", true));
		assertThatThrownBy(
				() -> this.support.complete(task("Task_ApproveMemberGrades"), Map.of("approvalDecision", "return")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("退回意见");
		this.support.complete(task("Task_ApproveMemberGrades"),
				Map.of("approvalDecision", "return", "approvalOpinion", "请补充各团员的互评意见"));
		Task again = task("Task_ProposeMemberGrades");
		assertThat(this.support.taskService.getVariable(again.getId(), "returnOpinion")).isEqualTo("请补充各团员的互评意见");
		assertThat(this.memberGrades.gradesOf(this.branch, java.time.LocalDate.now().getYear())).isEmpty();
		this.support.complete(again, Map.of("gradesConfirmed", true));
		this.support.complete(task("Task_ApproveMemberGrades"), Map.of("approvalDecision", "approve"));
		assertThat(instance()).isNull();
	}

	@Test
	void excellentBeyondThirtyPercentIsRefused() {
		oneLaunch(10, true);
		this.appraisals.writeAll(this.pid);
		this.support.complete(task("Task_RecordSelfAssessments"), Map.of("selfAssessmentsConfirmed", true));
		this.appraisals.votes(this.appraisalId, this.branch, this.secretary, 8, 2, 0, 0);
		this.support.complete(task("Task_RecordAppraisalMeeting"), MemberAppraisalTestSupport.meeting(10));
		// the vote makes all ten 优秀: the committee must bring it to three
		this.appraisals.grades(this.appraisalId, this.branch, this.secretary, Map.of());
		assertThatThrownBy(
				() -> this.support.complete(task("Task_ProposeMemberGrades"), Map.of("gradesConfirmed", true)))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("不得超过本支部团员总数的 30%");
		java.util.Map<String, String[]> grades = new java.util.HashMap<>();
		for (int k = 4; k <= 10; k++) {
			grades.put(this.prefix + "-1-" + k, new String[] { "合格", "按支部委员会比例要求调整" });
		}
		this.appraisals.grades(this.appraisalId, this.branch, this.secretary, grades);
		this.support.complete(task("Task_ProposeMemberGrades"), Map.of("gradesConfirmed", true));
		assertThat(task("Task_ApproveMemberGrades")).isNotNull();
	}

	@Test
	void thirtyPercentOfTenIsThreeNotFour() {
		GradeRules rules = new GradeRules(this.engine.getDecisionService());
		assertThat(rules.quota(3, 10).get("allowed")).isEqualTo(true);
		assertThat(rules.quota(4, 10).get("allowed")).isEqualTo(false);
		assertThat(rules.quota(0, 1).get("allowed")).isEqualTo(true);
		assertThat(rules.quota(1, 3).get("allowed")).isEqualTo(false);
		assertThat(rules.quota(9, 30).get("allowed")).isEqualTo(true);
		assertThat(rules.quota(10, 30).get("allowed")).isEqualTo(false);
	}

	@Test
	void anotherBranchsSecretaryAndAMemberCannotWorkTheBranchsSheetOrTasks() {
		this.appraisals.writeAll(this.pid);
		Task record = task("Task_RecordSelfAssessments");
		for (String stranger : List.of(this.prefix + "s2", this.prefix + "m12")) {
			assertThatThrownBy(() -> this.appraisals.sheet(this.appraisalId, this.branch, stranger))
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> this.appraisals.votes(this.appraisalId, this.branch, stranger, 0, 3, 0, 0))
				.isInstanceOf(AccessDeniedException.class);
			List<String> groups = this.support.identityService.createGroupQuery()
				.groupMember(stranger)
				.list()
				.stream()
				.map(org.camunda.bpm.engine.identity.Group::getId)
				.toList();
			this.support.identityService.setAuthentication(stranger, groups);
			try {
				assertThatThrownBy(() -> this.support.formService.submitTaskForm(record.getId(),
						Map.of("selfAssessmentsConfirmed", true)))
					.isInstanceOf(AuthorizationException.class);
			}
			finally {
				this.support.identityService.clearAuthentication();
			}
		}
		// the committee above reads the sheet but does not write it
		assertThat(this.appraisals.sheet(this.appraisalId, this.branch, this.prefix + "g").editable()).isFalse();
		assertThatThrownBy(() -> this.appraisals.votes(this.appraisalId, this.branch, this.prefix + "g", 0, 3, 0, 0))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(task("Task_RecordSelfAssessments")).isNotNull();
	}

	@Test
	void theSheetRefusesBadValuesAndWritesNothing() {
		toMeeting();
		List<MemberAppraisalRepository.Entry> entries = this.appraisals
			.sheet(this.appraisalId, this.branch, this.secretary)
			.entries();
		String first = entries.get(0).leagueNo();
		assertThatThrownBy(() -> this.appraisals.sheets.save(this.appraisalId, this.branch,
				List.of(new AppraisalSheet.Line(first, null, 1, 1, 1, 0, null, null),
						new AppraisalSheet.Line(entries.get(1).leagueNo(), null, -1, 1, 1, 0, null, null)),
				MemberAppraisalTestSupport.as(this.secretary)))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("应在 0 到 10000 之间");
		assertThatThrownBy(() -> this.appraisals.sheets.save(this.appraisalId, this.branch,
				List.of(new AppraisalSheet.Line("NOPE", null, 1, 1, 1, 0, null, null)),
				MemberAppraisalTestSupport.as(this.secretary)))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("不在本支部");
		// grades belong to a later step
		assertThat(this.appraisals.sheet(this.appraisalId, this.branch, this.secretary).entries())
			.allSatisfy((e) -> assertThat(e.hasVotes()).isFalse());
		assertThatThrownBy(() -> this.support.complete(task("Task_RecordAppraisalMeeting"),
				Map.of("meetingDate", java.time.LocalDate.now().plusDays(1).toString(), "present", 3L)))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("不能晚于今天");
		assertThatThrownBy(() -> this.support.complete(task("Task_RecordAppraisalMeeting"),
				Map.of("meetingDate", java.time.LocalDate.now().toString(), "present", 4L)))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("实到人数");
	}

	@Test
	void overdueTasksStayOpen() {
		Task writing = this.support.tasks(this.pid, "Task_WriteSelfAssessment").get(0);
		org.camunda.bpm.engine.runtime.Job timer = this.support.managementService.createJobQuery()
			.processInstanceId(this.pid)
			.timers()
			.activityId("Task_WriteSelfAssessment")
			.list()
			.get(0);
		this.support.managementService.executeJob(timer.getId());
		assertThat(this.support.taskService.createTaskQuery().taskId(writing.getId()).count()).isEqualTo(1);
		// recorded for supervision (督查) like a campaign's task, with no campaign
		assertThat(this.jdbc.sql("select branch_code, campaign_id from overdue_task where task_id = ?")
			.param(writing.getId())
			.query((rs, n) -> rs.getString(1) + "/" + rs.getString(2))
			.list()).containsExactly(this.branch + "/null");
	}

}
