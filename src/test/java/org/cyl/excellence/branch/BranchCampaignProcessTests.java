package org.cyl.excellence.branch;

import org.cyl.excellence.campaign.CampaignTestSupport;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
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

/**
 * BranchCampaignProcess: the happy path, and each detour on its own — pledge returned,
 * members not signing by the deadline, review failed → rectification → passed, two
 * failures → 督办, overdue reminder, refused submissions.
 */
@ProcessTest
class BranchCampaignProcessTests {

	private static int counter;

	@Autowired
	CampaignTestSupport support;

	@Autowired
	ProcessEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.cyl.excellence.organization.FanOutTestSupport fanOut;

	String prefix;

	String campaignId;

	String branch;

	String pid;

	ProcessInstance instance;

	@BeforeEach
	void oneBranchInACampaign() {
		init(this.engine);
		this.prefix = "BR" + (++counter) + System.nanoTime() % 100000;
		this.support.organization(this.prefix, 1);
		ProcessInstance campaign = this.support.startCampaign(this.prefix + "c", CampaignTestSupport.plan(1));
		this.campaignId = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		this.branch = this.prefix + "B1";
		this.pid = this.support.branchInstance(this.campaignId, this.branch);
		this.instance = this.support.runtimeService.createProcessInstanceQuery()
			.processInstanceId(this.pid)
			.singleResult();
	}

	@Test
	void bothLeaderReviewsUseOneFormUnderTheirOwnHeading() {
		this.support.toReview(this.pid);
		TaskService tasks = this.engine.getTaskService();
		for (Map.Entry<String, String> review : Map.of("Task_CommitteeReview", "团委点评", "Task_PartyReview", "党组织点评")
			.entrySet()) {
			Task task = tasks.createTaskQuery()
				.processInstanceId(this.pid)
				.taskDefinitionKey(review.getKey())
				.initializeFormKeys()
				.singleResult();
			assertThat(task.getCamundaFormRef().getKey()).isEqualTo("LeaderReview");
			assertThat(tasks.getVariableLocal(task.getId(), "reviewerTitle")).isEqualTo(review.getValue());
		}
	}

	@Test
	void branchGoesThroughPledgesReportAndReview() {
		ProcessInstance instance = instance();
		assertThat(instance).isWaitingAt("Task_MobilizeBranch");
		assertThat(stage()).isEqualTo("MOBILIZING");
		this.support.mobilize(this.pid);
		this.support.draftOrgPledge(this.pid);
		assertThat(instance).isWaitingAt("Task_SignMemberPledge");
		assertThat(stage()).isEqualTo("PLEDGING");
		this.support.signAll(this.pid);
		Task review = this.support.task(this.pid, "Task_ReviewPledges");
		assertThat((String) this.support.taskService.getVariable(review.getId(), "memberPledgeSummary"))
			.contains("已签订个人承诺 3 人");
		this.support.complete(review, Map.of("pledgeDecision", "approve"));
		assertThat(published()).isEqualTo(1);
		this.support.fireTimer(this.pid, "Event_FulfilmentPeriodEnded");
		this.support.evaluate(this.pid);
		this.support.report(this.pid);
		this.support.review(this.pid, "PASS", "PASS");
		assertThat(instance).isWaitingAt("CallActivity_MassAppraisal");
		assertThat(stage()).isEqualTo("APPRAISING");
		// the appraisal carries the branch's readable key (Cockpit lists it by it)
		assertThat(this.support.runtimeService.createProcessInstanceQuery()
			.processInstanceId(this.support.appraisalInstance(this.pid))
			.singleResult()
			.getBusinessKey()).isNotNull().isEqualTo(instance.getBusinessKey());
		this.support.appraise(this.pid, 4, 4, "SATISFIED");
		assertThat(stage()).isEqualTo("APPRAISING");
		this.support.recommend(this.pid);
		assertThat(instance).isEnded()
			.hasPassedInOrder("Task_MobilizeBranch", "Task_DraftOrgPledge", "Task_SignMemberPledge",
					"Task_ReviewPledges", "Task_PublishPledges", "Task_EvaluateFulfilment", "Task_ReportWork",
					"Task_AssessReviews", "CallActivity_MassAppraisal", "Task_RecommendMembers",
					"EndEvent_BranchCampaignCompleted");
		assertThat(stage()).isEqualTo("FINISHED");
		assertThat(count("member_pledge where campaign_id = '" + this.campaignId + "' and fulfilment = 'FULFILLED'"))
			.isEqualTo(3);
		assertThat(
				count("opinion where campaign_id = '" + this.campaignId + "' and branch_code = '" + this.branch + "'"))
			.isEqualTo(3);
	}

	@Test
	void returnedPledgeComesBackWithTheOpinionAndIsReviewedAgain() {
		this.support.mobilize(this.pid);
		this.support.draftOrgPledge(this.pid);
		this.support.signAll(this.pid);
		this.support.complete(this.support.task(this.pid, "Task_ReviewPledges"),
				Map.of("pledgeDecision", "return", "pledgeOpinion", "措施不够具体，请细化到月"));
		Task revise = this.support.task(this.pid, "Task_ReviseOrgPledge");
		assertThat(this.support.taskService.getVariable(revise.getId(), "pledgeOpinion")).isEqualTo("措施不够具体，请细化到月");
		this.support.complete(revise, this.support.orgPledge(revise));
		this.support.complete(this.support.task(this.pid, "Task_ReviewPledges"), Map.of("pledgeDecision", "approve"));
		assertThat(instance()).hasPassed("Task_ReviseOrgPledge", "Task_PublishPledges");
		assertThat(count("branch_document where campaign_id = '" + this.campaignId + "' and kind = 'ORG_PLEDGE'"))
			.isEqualTo(2);
	}

	@Test
	void membersWhoHaveNotSignedWhenTheWindowClosesAreRecordedAsOverdue() {
		this.support.mobilize(this.pid);
		this.support.draftOrgPledge(this.pid);
		Task first = this.support.tasks(this.pid, "Task_SignMemberPledge")
			.stream()
			.filter((t) -> t.getAssignee().equals(this.prefix + "s1"))
			.findFirst()
			.orElseThrow();
		this.support.sign(first);
		this.support.runJobs(this.pid);
		this.support.fireTimer(this.pid, "BoundaryEvent_PledgeWindowClosed");
		assertThat(instance()).hasPassed("Task_RecordUnsignedMembers").isWaitingAt("Task_ReviewPledges");
		assertThat(this.support.tasks(this.pid, "Task_SignMemberPledge")).isEmpty();
		assertThat(count("member_pledge where campaign_id = '" + this.campaignId + "' and status = 'OVERDUE'"))
			.isEqualTo(2);
		Task review = this.support.task(this.pid, "Task_ReviewPledges");
		assertThat((String) this.support.taskService.getVariable(review.getId(), "memberPledgeSummary"))
			.contains("未按期签订");
	}

	@Test
	void failedReviewLeadsToRectificationAndReviewAgain() {
		this.support.toReview(this.pid);
		this.support.review(this.pid, "RECTIFY", "PASS");
		Task rectify = this.support.task(this.pid, "Task_Rectify");
		assertThat(rectify.getDueDate()).isNotNull();
		assertThat(stage()).isEqualTo("RECTIFYING");
		assertThat((String) this.support.taskService.getVariable(rectify.getId(), "reviewFindings")).contains("团委点评",
				"指出问题");
		this.support.complete(rectify, Map.of("rectifyMeasures", "每月开展主题团日", "rectifyResult", "已开展两次"));
		this.support.review(this.pid, "PASS", "PASS");
		this.support.appraise(this.pid, 4, 4, "SATISFIED");
		this.support.recommend(this.pid);
		assertThat(instance()).isEnded().hasPassed("Task_Rectify").hasNotPassed("Task_SuperviseRectification");
	}

	@Test
	void secondFailedReviewGoesToTheHigherCommitteeForSupervision() {
		this.support.toReview(this.pid);
		this.support.review(this.pid, "RECTIFY", "RECTIFY");
		this.support.complete(this.support.task(this.pid, "Task_Rectify"),
				Map.of("rectifyMeasures", "措施一", "rectifyResult", "情况一"));
		this.support.review(this.pid, "PASS", "RECTIFY");
		Task supervise = this.support.task(this.pid, "Task_SuperviseRectification");
		assertThat(this.support.taskService.getIdentityLinksForTask(supervise.getId()))
			.anyMatch((l) -> "org1committee".equals(l.getGroupId())
					|| ("org" + this.prefix + "committee").equals(l.getGroupId()));
		this.support.complete(supervise, Map.of("supervisionOpinion", "请支部书记亲自抓落实"));
		Task rectify = this.support.task(this.pid, "Task_Rectify");
		assertThat((String) this.support.taskService.getVariable(rectify.getId(), "reviewFindings")).contains("督办",
				"亲自抓落实");
		this.support.complete(rectify, Map.of("rectifyMeasures", "措施二", "rectifyResult", "情况二"));
		this.support.review(this.pid, "PASS", "PASS");
		this.support.appraise(this.pid, 4, 4, "SATISFIED");
		this.support.recommend(this.pid);
		assertThat(instance()).isEnded().hasPassed("Task_SuperviseRectification");
	}

	@Test
	void recommendationVoteIsRefusedForEachRuleOfTheMeeting() {
		this.support.toReview(this.pid);
		this.support.review(this.pid, "PASS", "PASS");
		this.support.appraise(this.pid, 4, 4, "SATISFIED");
		Task task = this.support.task(this.pid, "Task_RecommendMembers");
		List<String> members = this.support.memberOptions(task);
		assertThat(members).hasSize(3);
		// a meeting not yet held
		Map<String, Object> future = this.support.recommendation(task, 3, 3, List.of(members.get(0)), List.of(3L));
		future.put("meetingDate", java.time.LocalDate.now().plusDays(1).toString());
		assertThatThrownBy(() -> this.support.complete(task, future)).hasMessageContaining("团员大会日期");
		// present not more than two thirds of those entitled
		assertThatThrownBy(() -> this.support.complete(task,
				this.support.recommendation(task, 3, 2, List.of(members.get(0)), List.of(2L))))
			.hasMessageContaining("三分之二");
		// more yes votes than members present
		assertThatThrownBy(() -> this.support.complete(task,
				this.support.recommendation(task, 3, 3, List.of(members.get(0)), List.of(4L))))
			.hasMessageContaining("超过实到人数");
		// yes votes not more than half of those entitled
		assertThatThrownBy(() -> this.support.complete(task,
				this.support.recommendation(task, 3, 3, List.of(members.get(0)), List.of(1L))))
			.hasMessageContaining("半数");
		// more candidates than the branch's quota (2 in the plan)
		assertThatThrownBy(() -> this.support.complete(task,
				this.support.recommendation(task, 3, 3, members, List.of(3L, 3L, 2L))))
			.hasMessageContaining("超过本支部推荐名额");
		assertThat(count("member_recommendation where campaign_id = '" + this.campaignId + "'")).isZero();
		this.support.complete(task, this.support.recommendation(task, 3, 3, members.subList(0, 2), List.of(3L, 2L)));
		assertThat(instance()).isEnded();
		assertThat(count("member_recommendation where campaign_id = '" + this.campaignId + "'")).isEqualTo(2);
	}

	@Test
	void overdueTaskIsRecordedAndStaysOpen() {
		this.support.fireTimer(this.pid, "Task_MobilizeBranch");
		assertThat(count("overdue_task where campaign_id = '" + this.campaignId + "' and task_name = '制定支部方案并动员'"))
			.isEqualTo(1);
		assertThat(instance()).isWaitingAt("Task_MobilizeBranch");
	}

	@Test
	void refusedSubmissionsLeaveTheTaskOpenAndWriteNothing() {
		Task task = this.support.task(this.pid, "Task_MobilizeBranch");
		Map<String, Object> tooMany = CampaignTestSupport.mobilization();
		tooMany.put("attendance", 4L);
		assertThatThrownBy(() -> this.support.complete(task, tooMany))
			.hasRootCauseInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("参会人数");
		Map<String, Object> missing = CampaignTestSupport.mobilization();
		missing.remove("branchPlan");
		assertThatThrownBy(() -> this.support.complete(task, missing)).hasMessageContaining("支部实施方案");
		// a meeting held before the campaign began, or not yet held
		Map<String, Object> tooEarly = CampaignTestSupport.mobilization();
		tooEarly.put("meetingDate", java.time.LocalDate.now().minusMonths(18).toString());
		assertThatThrownBy(() -> this.support.complete(task, tooEarly)).hasMessageContaining("动员大会日期")
			.hasMessageContaining("不能早于");
		Map<String, Object> future = CampaignTestSupport.mobilization();
		future.put("meetingDate", java.time.LocalDate.now().plusDays(1).toString());
		assertThatThrownBy(() -> this.support.complete(task, future)).hasMessageContaining("将来");
		assertThat(instance()).isWaitingAt("Task_MobilizeBranch");
		assertThat(count("branch_document where campaign_id = '" + this.campaignId + "'")).isZero();
		assertThat(this.support.runtimeService.getVariable(this.pid, "branchPlan")).isNull();

		this.support.mobilize(this.pid);
		Task pledge = this.support.task(this.pid, "Task_DraftOrgPledge");
		Map<String, Object> emptyCommitment = this.support.orgPledge(pledge);
		emptyCommitment.remove("commitment1");
		assertThatThrownBy(() -> this.support.complete(pledge, emptyCommitment)).hasMessageContaining("组织建设好的承诺内容");
		assertThat(instance()).isWaitingAt("Task_DraftOrgPledge");
		assertThat(count("branch_document where campaign_id = '" + this.campaignId + "' and kind = 'ORG_PLEDGE'"))
			.isZero();
	}

	@Test
	void cadreMustAlsoMakeTheHigherStandardCommitment() {
		this.support.mobilize(this.pid);
		this.support.draftOrgPledge(this.pid);
		Task cadre = this.support.tasks(this.pid, "Task_SignMemberPledge")
			.stream()
			.filter((t) -> t.getAssignee().equals(this.prefix + "s1"))
			.findFirst()
			.orElseThrow();
		assertThat(this.support.taskService.getVariable(cadre.getId(), "isCadre")).isEqualTo(true);
		Map<String, Object> pledge = this.support.perItem(cadre, "pledge", (item) -> "带头做到" + item);
		assertThatThrownBy(() -> this.support.complete(cadre, pledge)).hasMessageContaining("团干部更高标准承诺");
		pledge.put("higherStandard", "每月带头开展志愿服务");
		this.support.complete(cadre, pledge);
		assertThat(count("member_pledge where campaign_id = '" + this.campaignId + "' and higher_standard is not null"))
			.isEqualTo(1);
	}

	/**
	 * Two members of the branch sign at the same moment, each in a transaction held open
	 * until the other has signed too (as two phones on two nodes): neither waits for the
	 * other, both commit. The count of signed members (the multi-instance's
	 * {@code nrOfCompletedInstances}) is updated in the job each signature leaves
	 * ({@code asyncAfter} on the loop characteristics, not on the task, which would only
	 * make the whole multi-instance asynchronous); before, both signatures updated it and
	 * the second waited for the first's lock until the database gave up, or answered 409.
	 */
	@Test
	void twoMembersSignAtTheSameMomentWithoutWaitingForEachOther() throws Exception {
		this.support.mobilize(this.pid);
		this.support.draftOrgPledge(this.pid);
		List<Task> signing = this.support.tasks(this.pid, "Task_SignMemberPledge")
			.stream()
			.filter((t) -> !t.getAssignee().equals(this.prefix + "s1"))
			.toList();
		assertThat(signing).hasSize(2);
		List<Runnable> signatures = new java.util.ArrayList<>();
		for (Task task : signing) {
			Map<String, Object> pledge = this.support.perItem(task, "pledge", (item) -> "我承诺" + item);
			signatures.add(() -> this.support.formService.submitTaskForm(task.getId(), pledge));
		}
		this.fanOut.atTheSameMoment(signatures);
		assertThat(count("member_pledge where campaign_id = '" + this.campaignId + "'")).isEqualTo(2);
		// the last member signs, the jobs run: the pledges go to review
		this.support.sign(this.support.task(this.pid, "Task_SignMemberPledge"));
		this.support.runJobs(this.pid);
		assertThat(this.support.tasks(this.pid, "Task_SignMemberPledge")).isEmpty();
		assertThat(this.support.tasks(this.pid, "Task_ReviewPledges")).hasSize(1);
	}

	// ---- steps

	private ProcessInstance instance() {
		return this.instance;
	}

	private String stage() {
		return this.jdbc.sql("select stage from campaign_branch where campaign_id = ? and branch_code = ?")
			.params(this.campaignId, this.branch)
			.query(String.class)
			.single();
	}

	private int published() {
		return count("pledge_publication where campaign_id = '" + this.campaignId + "'");
	}

	private int count(String from) {
		return this.jdbc.sql("select count(*) from " + from).query(Integer.class).single();
	}

}
