package org.cyl.excellence.commendation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.ProcessTest;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.cyl.excellence.commendation.CommendationRepository.Candidate;
import org.cyl.excellence.shared.Dates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * CommendationProcess, called by CampaignProcess once every branch has finished:
 * nomination within the DMN's eligibility and the quota, assessment, deeds, the optional
 * appraisal of the list, the audit (approve, strike, return), the public notice with
 * objections (upheld, dismissed, two at once, none after the period) and the decision
 * with its honours.
 */
@ProcessTest
class CommendationProcessTests {

	/** Where the test's objections come from (a documentation address, RFC 5737). */
	private static final String ADDRESS = "192.0.2.1";

	private static int counter;

	@Autowired
	CampaignTestSupport support;

	@Autowired
	ProcessEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CommendationRepository commendations;

	@Autowired
	ObjectionService objections;

	@Autowired
	HonourArchive archive;

	@Autowired
	WorkingDays workingDays;

	String prefix;

	ProcessInstance campaign;

	String campaignId;

	@BeforeEach
	void newPrefix() {
		init(this.engine);
		this.prefix = "CM" + (++counter) + System.nanoTime() % 100000;
	}

	/**
	 * A campaign of two branches that have finished (reviews 好, appraisal 满意, each
	 * branch's first member recommended); returns the CommendationProcess.
	 */
	private String commendation(int branches) {
		this.support.organization(this.prefix, branches);
		this.campaign = this.support.startCampaign(this.prefix + "c", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(this.campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(this.campaign.getId());
		this.campaignId = (String) this.support.runtimeService.getVariable(this.campaign.getId(), "campaignId");
		for (int b = 1; b <= branches; b++) {
			this.support.finishBranch(this.support.branchInstance(this.campaignId, branch(b)));
		}
		assertThat(this.campaign).isWaitingAt("CallActivity_Commendation");
		return this.support.commendationInstance(this.campaign.getId());
	}

	private String branch(int b) {
		return this.prefix + "B" + b;
	}

	/** Nominated, every candidate accepted, deeds written, no appraisal: at the audit. */
	private String atAudit() {
		String pid = commendation(2);
		this.support.nominate(pid, List.of(branch(1)), List.of(branch(2)));
		this.support.assess(pid, (c) -> "ACCEPT", false);
		this.support.writeDeeds(pid);
		assertThat(processInstance(pid)).isWaitingAt("Task_AuditCandidates");
		return pid;
	}

	/** Approved by the audit: the public notice runs. */
	private String atNotice() {
		String pid = atAudit();
		this.support.audit(pid, "APPROVE", List.of(), null);
		assertThat(processInstance(pid)).isWaitingAt("Event_NoticePeriodEnded");
		return pid;
	}

	private ProcessInstance processInstance(String pid) {
		return this.support.runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult();
	}

	private List<Candidate> candidates(String status) {
		return this.commendations.candidates(this.campaignId, status);
	}

	private Candidate member(int b) {
		return this.commendations.candidates(this.campaignId)
			.stream()
			.filter((c) -> !c.isOrganization() && c.orgCode().equals(branch(b)))
			.findFirst()
			.orElseThrow();
	}

	private Candidate organization(int b) {
		return this.commendations.candidates(this.campaignId)
			.stream()
			.filter((c) -> c.isOrganization() && c.orgCode().equals(branch(b)))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void fromNominationToDecisionTheHonoursAreArchivedAndTheCampaignCompletes() {
		String pid = commendation(2);
		Task nominate = this.support.task(pid, "Task_NominateOrganizations");
		assertThat(this.support.taskService.getIdentityLinksForTask(nominate.getId()))
			.anyMatch((l) -> ("orgP" + this.prefix + "reviewer").equals(l.getGroupId()));
		assertThat((String) this.support.taskService.getVariable(nominate.getId(), "eligibilityTable"))
			.contains("测试支部1", "可推荐");
		this.support.nominate(pid, List.of(branch(1)), List.of(branch(2)));

		// two organisations and each branch's recommended member, in one batch
		assertThat(this.commendations.candidates(this.campaignId)).hasSize(4)
			.extracting(Candidate::title)
			.containsExactly("五四红旗团组织", "先进团组织", "优秀共青团员", "优秀共青团员");
		this.support.assess(pid, (c) -> "ACCEPT", false);
		assertThat(this.support.tasks(pid, "Task_WriteDeeds")).hasSize(2);
		this.support.writeDeeds(pid);
		assertThat(candidates("ACCEPTED")).allMatch((c) -> c.deeds() != null && c.deeds().length() >= 50);

		this.support.audit(pid, "APPROVE", List.of(), null);
		var notice = this.commendations.find(this.campaignId).orElseThrow();
		assertThat(notice.noticeFrom()).isEqualTo(LocalDate.now());
		assertThat(notice.noticeUntil()).isEqualTo(this.workingDays.lastDayOf(LocalDate.now(), 5));
		assertThat(notice.objectionsOpen()).isTrue();

		this.support.fireTimer(pid, "Event_NoticePeriodEnded");
		assertThat(this.commendations.find(this.campaignId).orElseThrow().objectionsOpen()).isFalse();
		this.support.issueDecision(pid, "测团字〔2026〕" + counter + "号");

		assertThat(processInstance(pid)).isNull();
		assertThat(this.campaign).isEnded()
			.hasPassedInOrder("CallActivity_Commendation", "Task_CompleteCampaign", "EndEvent_CampaignCompleted");
		List<HonourArchive.Honour> honours = this.archive.search(null, null, null, null)
			.stream()
			.filter((h) -> this.campaignId.equals(h.campaignId()))
			.toList();
		assertThat(honours).hasSize(4)
			.extracting(HonourArchive.Honour::holderName)
			.containsExactlyInAnyOrder("测试支部1", "测试支部2", "团员11", "团员21");
		assertThat(honours).allMatch((h) -> h.level().equals("测试团委" + this.prefix));
		assertThat(this.support.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("CommendationProcess")
			.processInstanceBusinessKeyLike(
					"%" + org.cyl.excellence.campaign.BusinessKeys.campaignSuffix(this.campaignId))
			.count()).isZero();
	}

	@Test
	void nominationIsRefusedForAnIneligibleBranchATitleTwiceOrBeyondTheQuota() {
		this.support.organization(this.prefix, 3);
		Map<String, Object> plan = new java.util.HashMap<>(CampaignTestSupport.plan(1));
		plan.put("quotaOrganizations", 2L);
		this.campaign = this.support.startCampaign(this.prefix + "c", plan);
		this.support.complete(this.support.task(this.campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(this.campaign.getId());
		this.campaignId = (String) this.support.runtimeService.getVariable(this.campaign.getId(), "campaignId");
		for (int b = 1; b <= 3; b++) {
			String branchPid = this.support.branchInstance(this.campaignId, branch(b));
			this.support.toReview(branchPid);
			this.support.review(branchPid, "PASS", "PASS");
			if (b == 3) {
				// 3 of 5 satisfied: 60%, graded 一般 — not eligible by the default table
				String sub = this.support.appraisalInstance(branchPid);
				String appraisalId = this.support.initiateAppraisal(sub, 5);
				int items = ((String) this.support.runtimeService.getVariable(sub, "appraisalItems")).split("、").length;
				for (int i = 0; i < 5; i++) {
					this.support.ballots.submit(this.support.tokens.token(appraisalId, i),
							Collections.nCopies(items, (i < 3) ? "SATISFIED" : "BASIC"), null);
				}
				this.support.runtimeService.createMessageCorrelation("AppraisalClosedEarly")
					.processInstanceId(sub)
					.correlate();
			}
			else {
				this.support.appraise(branchPid, 4, 4, "SATISFIED");
			}
			this.support.recommend(branchPid);
		}
		String pid = this.support.commendationInstance(this.campaign.getId());
		Task task = this.support.task(pid, "Task_NominateOrganizations");
		assertThat((String) this.support.taskService.getVariable(task.getId(), "eligibilityTable"))
			.contains("不可推荐：群众评议等次低于较好");

		assertThatThrownBy(() -> this.support.nominate(pid, List.of(branch(3)), List.of()))
			.hasMessageContaining("不符合推荐条件");
		assertThatThrownBy(() -> this.support.nominate(pid, List.of(branch(1)), List.of(branch(1))))
			.hasMessageContaining("只能推荐一种称号");
		assertThatThrownBy(() -> this.support.nominate(pid, List.of(branch(1), branch(2)), List.of("nope")))
			.hasMessageContaining("不是本次活动的团支部");
		assertThat(this.commendations.candidates(this.campaignId)).isEmpty();
		assertThat(processInstance(pid)).isWaitingAt("Task_NominateOrganizations");

		this.support.nominate(pid, List.of(branch(1)), List.of(branch(2)));
		assertThat(this.commendations.candidates(this.campaignId)).hasSize(5);
	}

	@Test
	void aMemberNotAppraisedExcellentThisYearIsNoCandidate() {
		String pid = commendation(2);
		String second = this.jdbc
			.sql("select league_no from member_recommendation where campaign_id = ? and branch_code = ?")
			.params(this.campaignId, branch(2))
			.query(String.class)
			.single();
		org.cyl.excellence.memberappraisal.MemberAppraisalTestSupport.regrade(this.jdbc, second, "合格");
		this.support.nominate(pid, List.of(), List.of());
		assertThat(this.commendations.candidates(this.campaignId)).filteredOn((c) -> !c.isOrganization())
			.extracting(Candidate::orgCode)
			.containsExactly(branch(1));
	}

	@Test
	void nominationBeyondTheQuotaIsRefused() {
		String pid = commendation(2);
		this.jdbc.sql("update campaign set quota_organizations = 1 where id = ?").param(this.campaignId).update();
		assertThatThrownBy(() -> this.support.nominate(pid, List.of(branch(1)), List.of(branch(2))))
			.hasMessageContaining("超过先进组织名额（1 个）");
		assertThat(this.commendations.candidates(this.campaignId)).isEmpty();
	}

	@Test
	void assessmentNeedsAReasonForEachAndKeepsWithinTheMemberQuota() {
		String pid = commendation(2);
		this.support.nominate(pid, List.of(), List.of());
		Task task = this.support.task(pid, "Task_AssessCandidates");
		Map<String, Object> values = this.support.assessment(task, (c) -> "ACCEPT", false);
		values.remove("reason2");
		Map<String, Object> noReason = values;
		assertThatThrownBy(() -> this.support.complete(task, noReason)).hasMessageContaining("的考核理由");

		this.jdbc.sql("update campaign set quota_members = 1 where id = ?").param(this.campaignId).update();
		assertThatThrownBy(() -> this.support.complete(task, this.support.assessment(task, (c) -> "ACCEPT", false)))
			.hasMessageContaining("超过优秀共青团员名额（1 名）");
		assertThat(candidates("NOMINATED")).hasSize(2);

		// one accepted, one rejected: only the accepted one's branch writes deeds
		this.support.complete(task,
				this.support.assessment(task, (c) -> c.contains("团员11") ? "ACCEPT" : "REJECT", false));
		assertThat(candidates("REJECTED")).singleElement()
			.satisfies((c) -> assertThat(c.statusReason()).isEqualTo("事迹不够突出"));
		assertThat(this.support.tasks(pid, "Task_WriteDeeds")).singleElement()
			.satisfies((t) -> assertThat(this.support.taskService.getIdentityLinksForTask(t.getId()))
				.anyMatch((l) -> ("org" + branch(1) + "secretary").equals(l.getGroupId())));
	}

	@Test
	void deedsAreRefusedWhenTooShort() {
		String pid = commendation(1);
		this.support.nominate(pid, List.of(branch(1)), List.of());
		this.support.assess(pid, (c) -> "ACCEPT", false);
		Task task = this.support.task(pid, "Task_WriteDeeds");
		assertThat(this.support.taskService.getVariable(task.getId(), "deedsCount")).isEqualTo(2);
		assertThatThrownBy(() -> this.support.complete(task, Map.of("deeds1", "太短", "deeds2", "太短")))
			.hasMessageContaining("至少 50 个字");
		assertThat(candidates("ACCEPTED")).allMatch((c) -> c.deeds() == null);
	}

	@Test
	void manyCandidatesAreAssessedInBatchesOfTen() {
		String pid = commendation(12);
		this.support.nominate(pid, List.of(), List.of());
		assertThat(this.support.runtimeService.getVariable(pid, "assessmentBatches")).isEqualTo(List.of(1, 2));
		Task first = this.support.task(pid, "Task_AssessCandidates");
		assertThat(this.support.taskService.getVariable(first.getId(), "candidateCount")).isEqualTo(10);
		assertThat(this.support.taskService.getVariable(first.getId(), "lastBatch")).isEqualTo(false);
		this.support.assess(pid, (c) -> "ACCEPT", false);
		assertThat(candidates("ACCEPTED")).hasSize(12);
		assertThat(this.support.tasks(pid, "Task_WriteDeeds")).hasSize(12);
	}

	@Test
	void theMassesAppraiseTheCandidateListWhenTheCommitteeAsks() {
		String pid = commendation(1);
		this.support.nominate(pid, List.of(branch(1)), List.of());
		this.support.assess(pid, (c) -> "ACCEPT", true);
		this.support.writeDeeds(pid);
		assertThat(processInstance(pid)).isWaitingAt("CallActivity_AppraiseCandidates");
		String appraisal = this.support.runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(pid)
			.singleResult()
			.getId();
		assertThat((String) this.support.runtimeService.getVariable(appraisal, "appraisalItems"))
			.isEqualTo("五四红旗团组织 测试支部1、优秀共青团员 团员11、总体评价");
		Task initiate = this.support.task(appraisal, "Task_InitiateAppraisal");
		assertThat((String) this.support.taskService.getVariableLocal(initiate.getId(), "appraisalSubject"))
			.isEqualTo("测试团委" + this.prefix + "拟表彰对象（候选名单）");
		String appraisalId = this.support.initiateAppraisal(appraisal, 4);
		// organised by the committee whose commendation it is, not the one above it
		assertThat(this.support.jdbc.sql("select committee_code from appraisal where id = ?")
			.param(appraisalId)
			.query(String.class)
			.single()).isEqualTo(this.prefix);
		for (int i = 0; i < 4; i++) {
			this.support.ballots.submit(this.support.tokens.token(appraisalId, i),
					List.of("SATISFIED", (i < 3) ? "SATISFIED" : "DISSATISFIED", "SATISFIED"), null);
		}
		this.support.runtimeService.createMessageCorrelation("AppraisalClosedEarly")
			.processInstanceId(appraisal)
			.correlate();
		Task audit = this.support.task(pid, "Task_AuditCandidates");
		assertThat((String) this.support.taskService.getVariable(audit.getId(), "candidateList"))
			.contains("五四红旗团组织 测试支部1（", "群众满意率：100%")
			.contains("优秀共青团员 团员11（", "群众满意率：75%");
	}

	@Test
	void theAuditStrikesCandidatesWithItsReason() {
		String pid = atAudit();
		Candidate struck = member(2);
		assertThatThrownBy(() -> this.support.audit(pid, "STRIKE", List.of(String.valueOf(struck.id())), null))
			.hasMessageContaining("审核意见");
		assertThatThrownBy(() -> this.support.audit(pid, "STRIKE", List.of(), "事迹与实际不符"))
			.hasMessageContaining("至少选择一名");
		assertThat(candidates("ACCEPTED")).hasSize(4);

		this.support.audit(pid, "STRIKE", List.of(String.valueOf(struck.id())), "团员21的事迹与实际不符");
		assertThat(this.commendations.candidate(struck.id()).orElseThrow().status()).isEqualTo("STRUCK");
		assertThat(this.commendations.candidate(struck.id()).orElseThrow().statusReason()).isEqualTo("团员21的事迹与实际不符");
		this.support.fireTimer(pid, "Event_NoticePeriodEnded");
		this.support.issueDecision(pid, "测团字〔2026〕1号");
		assertThat(this.archive.search(null, null, null, struck.leagueNo())).isEmpty();
		assertThat(this.archive.search(null, null, null, member(1).leagueNo())).hasSize(1);
	}

	@Test
	void theAuditReturnsTheListAndTheCommitteeAssessesAgainWithTheOpinion() {
		String pid = atAudit();
		this.support.audit(pid, "RETURN", List.of(), "请补充走访情况后重新考核");
		assertThat(processInstance(pid)).isWaitingAt("Task_AssessCandidates");
		Task again = this.support.task(pid, "Task_AssessCandidates");
		assertThat(this.support.taskService.getVariable(again.getId(), "returnedOpinion")).isEqualTo("请补充走访情况后重新考核");
		assertThat(candidates("NOMINATED")).hasSize(4);
		// deeds already written stay: no branch writes again
		this.support.assess(pid, (c) -> "ACCEPT", false);
		assertThat(this.support.tasks(pid, "Task_WriteDeeds")).isEmpty();
		assertThat(processInstance(pid)).isWaitingAt("Task_AuditCandidates");
		this.support.audit(pid, "APPROVE", List.of(), null);
		assertThat(processInstance(pid)).isWaitingAt("Event_NoticePeriodEnded");
	}

	@Test
	void anUpheldObjectionWithdrawsTheCandidateAndHoldsTheNoticeOpenUntilVerified() {
		String pid = atNotice();
		Candidate target = member(1);
		long id = this.objections.file(this.campaignId, target.id(), "王明", "13800138000", "该同学本学期有两门课程不及格，与优秀团员标准不符。",
				ADDRESS);
		Task verify = this.support.task(pid, "Task_VerifyObjection");
		assertThat((String) this.support.taskService.getVariable(verify.getId(), "objectionSummary")).contains("团员11",
				"王明", "13800138000");
		assertThat(this.support.taskService.getVariable(verify.getId(), "objectionContent"))
			.isEqualTo("该同学本学期有两门课程不及格，与优秀团员标准不符。");
		assertThat((String) this.support.taskService.getVariable(verify.getId(), "candidateDeeds")).contains("志愿服务");

		// the period ends: no new objection, but the notice waits for the verification
		this.support.fireTimer(pid, "Event_NoticePeriodEnded");
		assertThat(processInstance(pid)).isWaitingAt("Task_VerifyObjection");
		assertThat(this.support.tasks(pid, "Task_IssueDecision")).isEmpty();
		assertThatThrownBy(() -> this.objections.file(this.campaignId, member(2).id(), "李华", "13900139000",
				"公示期满以后提出的异议内容。", ADDRESS))
			.isInstanceOf(ObjectionService.RefusedException.class)
			.hasMessageContaining("公示期已满");

		this.support.complete(verify, Map.of("objectionVerdict", "UPHOLD", "objectionFinding", "经教务处核实，成绩属实"));
		assertThat(this.commendations.candidate(target.id()).orElseThrow().status()).isEqualTo("WITHDRAWN");
		assertThat(this.commendations.candidate(target.id()).orElseThrow().statusReason()).contains("经教务处核实，成绩属实");
		assertThat(this.commendations.objection(id).orElseThrow().status()).isEqualTo("UPHELD");
		this.support.issueDecision(pid, "测团字〔2026〕2号");
		assertThat(this.archive.search(null, null, null, target.leagueNo())).isEmpty();
		assertThat(processInstance(pid)).isNull();
	}

	@Test
	void aDismissedObjectionKeepsTheCandidateAndTheFinding() {
		String pid = atNotice();
		Candidate target = organization(1);
		long id = this.objections.file(this.campaignId, target.id(), "赵强", "zhao@example.cn", "该支部组织生活会次数不足，不应评为红旗团支部。",
				ADDRESS);
		this.support.complete(this.support.task(pid, "Task_VerifyObjection"),
				Map.of("objectionVerdict", "DISMISS", "objectionFinding", "查阅会议记录，组织生活会按时召开"));
		assertThat(this.commendations.objection(id).orElseThrow().status()).isEqualTo("DISMISSED");
		assertThat(this.commendations.objection(id).orElseThrow().finding()).isEqualTo("查阅会议记录，组织生活会按时召开");
		assertThat(this.commendations.candidate(target.id()).orElseThrow().status()).isEqualTo("ACCEPTED");
		assertThat(processInstance(pid)).isWaitingAt("Event_NoticePeriodEnded");
		this.support.fireTimer(pid, "Event_NoticePeriodEnded");
		this.support.issueDecision(pid, "测团字〔2026〕3号");
		assertThat(this.archive.search(null, null, target.orgCode(), null)).extracting(HonourArchive.Honour::title)
			.containsExactlyInAnyOrder("五四红旗团组织", "优秀共青团员");
	}

	@Test
	void twoObjectionsAtOnceAreVerifiedEachOnItsOwn() {
		String pid = atNotice();
		long first = this.objections.file(this.campaignId, member(1).id(), "王明", "13800138000", "第一件异议：成绩不符合要求。",
				ADDRESS);
		long second = this.objections.file(this.campaignId, member(2).id(), "李华", "010-12345678", "第二件异议：未参加志愿服务。",
				ADDRESS);
		List<Task> tasks = this.support.tasks(pid, "Task_VerifyObjection");
		assertThat(tasks).hasSize(2)
			.extracting((t) -> ((Number) this.support.taskService.getVariable(t.getId(), "objectionId")).longValue())
			.containsExactlyInAnyOrder(first, second);
		this.support.fireTimer(pid, "Event_NoticePeriodEnded");
		for (Task t : tasks) {
			long id = ((Number) this.support.taskService.getVariable(t.getId(), "objectionId")).longValue();
			this.support.complete(t, Map.of("objectionVerdict", (id == first) ? "DISMISS" : "UPHOLD",
					"objectionFinding", (id == first) ? "不属实" : "属实"));
			if (id == first) {
				assertThat(this.support.tasks(pid, "Task_IssueDecision")).isEmpty();
			}
		}
		assertThat(this.commendations.candidate(member(1).id()).orElseThrow().status()).isEqualTo("ACCEPTED");
		assertThat(this.commendations.candidate(member(2).id()).orElseThrow().status()).isEqualTo("WITHDRAWN");
		assertThat(processInstance(pid)).isWaitingAt("Task_IssueDecision");
	}

	@Test
	void oneAddressFilesAtMostFiveObjectionsADayAndNothingMoreIsStored() {
		String pid = atNotice();
		for (int i = 1; i <= 5; i++) {
			this.objections.file(this.campaignId, member(1).id(), "王明" + "甲乙丙丁戊".charAt(i - 1), "13800138000",
					"第" + i + "件异议：该同学成绩不符合要求。", "198.51.100.7");
		}
		assertThatThrownBy(() -> this.objections.file(this.campaignId, member(2).id(), "李华", "13900139000",
				"第六件异议：该同学未参加志愿服务。", "198.51.100.7"))
			.isInstanceOf(ObjectionService.RefusedException.class)
			.hasMessageContaining("24 小时内对本公示最多提出 5 件异议")
			.extracting((ex) -> ((ObjectionService.RefusedException) ex).status())
			.isEqualTo(429);
		assertThat(this.commendations.objections(this.campaignId)).hasSize(5);
		assertThat(this.support.tasks(pid, "Task_VerifyObjection")).hasSize(5);
		// another address is not held back by this one
		this.objections.file(this.campaignId, member(2).id(), "李华", "13900139000", "该同学未参加志愿服务，请核实。", "198.51.100.8");
		assertThat(this.support.tasks(pid, "Task_VerifyObjection")).hasSize(6);
	}

	@Test
	void aNoticeTakesAtMostTwentyObjectionsAnHourFromAllAddresses() {
		String pid = atNotice();
		for (int i = 1; i <= 20; i++) {
			this.objections.file(this.campaignId, member(1).id(), "王明", "13800138000", "第" + i + "件异议：该同学成绩不符合要求。",
					"203.0.113." + i);
		}
		assertThatThrownBy(() -> this.objections.file(this.campaignId, member(1).id(), "李华", "13900139000",
				"第二十一件异议：该同学未参加志愿服务。", "203.0.113.99"))
			.hasMessageContaining("1 小时内收到的异议已达 20 件的上限");
		assertThat(this.commendations.objections(this.campaignId)).hasSize(20);
		assertThat(this.support.tasks(pid, "Task_VerifyObjection")).hasSize(20);
	}

	@Test
	void signaturesThatNameNobodyAreRefusedAsAnonymous() {
		String pid = atNotice();
		for (String name : List.of("匿名", "某同学", "一群众", "知情人")) {
			assertThatThrownBy(() -> this.objections.file(this.campaignId, member(1).id(), name, "13800138000",
					"该同学本学期有两门课程不及格，与优秀团员标准不符。", ADDRESS))
				.as(name)
				.hasMessageContaining("视同匿名");
		}
		assertThat(this.commendations.objections(this.campaignId)).isEmpty();
		assertThat(this.support.tasks(pid, "Task_VerifyObjection")).isEmpty();
	}

	@Test
	void anonymousOrVagueObjectionsAreRefusedAndNothingIsStored() {
		String pid = atNotice();
		long candidate = member(1).id();
		assertThatThrownBy(() -> this.objections.file(this.campaignId, candidate, " ", "", "匿名举报该同学不符合条件。", ADDRESS))
			.hasMessageContaining("匿名异议不予受理");
		assertThatThrownBy(
				() -> this.objections.file(this.campaignId, candidate, "王明", "微信号abc", "该同学不符合优秀团员条件。", ADDRESS))
			.hasMessageContaining("联系方式");
		assertThatThrownBy(() -> this.objections.file(this.campaignId, candidate, "王明", "13800138000", "不同意", ADDRESS))
			.hasMessageContaining("10 到 2000 个字");
		assertThatThrownBy(
				() -> this.objections.file(this.campaignId, 987654321L, "王明", "13800138000", "该同学不符合优秀团员条件。", ADDRESS))
			.hasMessageContaining("公示名单");
		assertThat(this.commendations.objections(this.campaignId)).isEmpty();
		assertThat(this.support.tasks(pid, "Task_VerifyObjection")).isEmpty();
	}

	@Test
	void theNoticeRunsForWorkingDaysOverAWeekendAndAHoliday() {
		String pid = atNotice();
		Date ends = (Date) this.support.runtimeService.getVariable(pid, "noticeEnds");
		assertThat(ends).isEqualTo(Dates.endOf(this.workingDays.lastDayOf(LocalDate.now(), 5)));
		assertThat(this.support.managementService.createJobQuery()
			.processInstanceId(pid)
			.timers()
			.activityId("Event_NoticePeriodEnded")
			.singleResult()
			.getDuedate()).isEqualTo(ends);

		// published on a Thursday with the next Monday a holiday: Fri, Tue, Wed, Thu, Fri
		LocalDate thursday = LocalDate.of(2026, 9, 24);
		assertThat(thursday.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
		WorkingDays calendar = new WorkingDays(List.of("2026-09-28"), List.of());
		PublishNoticeDelegate delegate = new PublishNoticeDelegate(this.commendations, calendar, 5) {
			@Override
			LocalDate today() {
				return thursday;
			}
		};
		DelegateExecution execution = Mockito.mock(DelegateExecution.class);
		Mockito.when(execution.getVariable("campaignId")).thenReturn(this.campaignId);
		delegate.execute(execution);
		var notice = this.commendations.find(this.campaignId).orElseThrow();
		assertThat(notice.noticeFrom()).isEqualTo(thursday);
		assertThat(notice.noticeUntil()).isEqualTo(LocalDate.of(2026, 10, 2));
		Mockito.verify(execution).setVariable("noticeEnds", Dates.endOf(LocalDate.of(2026, 10, 2)));
		List<LocalDate> counted = new ArrayList<>();
		for (LocalDate d = thursday.plusDays(1); !d.isAfter(notice.noticeUntil()); d = d.plusDays(1)) {
			if (calendar.isWorkingDay(d)) {
				counted.add(d);
			}
		}
		assertThat(counted).hasSize(5).doesNotContain(LocalDate.of(2026, 9, 28));
	}

}
