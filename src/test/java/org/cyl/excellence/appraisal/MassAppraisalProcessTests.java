package org.cyl.excellence.appraisal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cyl.excellence.ProcessTest;
import org.cyl.excellence.appraisal.AppraisalRepository.Appraisal;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * MassAppraisalProcess on its own: published, criticised and rectified, repeated for too
 * few ballots, closed by its timer; exact tallies; the ballot links' rules, also under 50
 * concurrent submissions.
 */
@ProcessTest
class MassAppraisalProcessTests {

	private static int counter;

	@Autowired
	CampaignTestSupport support;

	@Autowired
	ProcessEngine engine;

	@Autowired
	BallotService ballots;

	@Autowired
	BallotTokens tokens;

	@Autowired
	AppraisalRepository appraisals;

	ProcessInstance appraisal;

	@BeforeEach
	void appraisalOfABranch() {
		init(this.engine);
		this.appraisal = this.support.startAppraisal("MA" + (++counter) + System.nanoTime() % 100000);
	}

	private String initiate(int ballotCount) {
		return this.support.initiateAppraisal(this.appraisal.getId(), ballotCount);
	}

	private void cast(String appraisalId, int ballot, String... answers) {
		this.ballots.submit(this.tokens.token(appraisalId, ballot), List.of(answers), null);
	}

	private void castAll(String appraisalId, int from, int count, String answer) {
		for (int i = from; i < from + count; i++) {
			cast(appraisalId, i, Collections.nCopies(5, answer).toArray(String[]::new));
		}
	}

	private void closeEarly() {
		this.support.runtimeService.createMessageCorrelation("AppraisalClosedEarly")
			.processInstanceId(this.appraisal.getId())
			.correlate();
	}

	@Test
	void satisfiedMassesGetTheResultsPublished() {
		String id = initiate(5);
		castAll(id, 0, 5, "SATISFIED");
		closeEarly();
		assertThat(this.appraisal).isEnded()
			.hasPassedInOrder("Task_InitiateAppraisal", "Task_IssueBallots", "Task_CollectBallots", "Task_TallyBallots",
					"Task_DecideOutcome", "Task_PublishResults", "EndEvent_AppraisalPublished");
		Appraisal result = this.appraisals.find(id).orElseThrow();
		assertThat(result.grade()).isEqualTo("好");
		assertThat(result.outcome()).isEqualTo("PUBLISH");
		assertThat(result.status()).isEqualTo("CLOSED");
	}

	@Test
	void tallyAndRatesAreExact() {
		String id = initiate(10);
		// overall (the last item): 3 满意, 2 比较满意, 2 基本满意, 1 不满意 of 8 cast, 10 issued
		String[] overall = { "SATISFIED", "SATISFIED", "SATISFIED", "FAIRLY", "FAIRLY", "BASIC", "BASIC",
				"DISSATISFIED" };
		for (int i = 0; i < overall.length; i++) {
			cast(id, i, "SATISFIED", "FAIRLY", "BASIC", "DISSATISFIED", overall[i]);
		}
		closeEarly();
		Appraisal result = this.appraisals.find(id).orElseThrow();
		assertThat(result.ballotsCast()).isEqualTo(8);
		assertThat(result.participation()).isEqualByComparingTo("0.8");
		assertThat(result.satisfaction()).isEqualByComparingTo("0.625");
		assertThat(result.dissatisfaction()).isEqualByComparingTo("0.125");
		assertThat(result.grade()).isEqualTo("一般");
		List<AppraisalRepository.TallyRow> tally = this.appraisals.tally(id);
		assertThat(tally).hasSize(5);
		assertThat(tally.get(0)).extracting("satisfied", "fairly", "basic", "dissatisfied").containsExactly(8, 0, 0, 0);
		assertThat(tally.get(3)).extracting("satisfied", "fairly", "basic", "dissatisfied").containsExactly(0, 0, 0, 8);
		assertThat(tally.get(4).item()).isEqualTo("总体评价");
		assertThat(tally.get(4)).extracting("satisfied", "fairly", "basic", "dissatisfied").containsExactly(3, 2, 2, 1);
	}

	@Test
	void dissatisfiedMassesLeadToCriticismAndRectification() {
		String id = initiate(4);
		castAll(id, 0, 2, "DISSATISFIED");
		castAll(id, 2, 2, "BASIC");
		closeEarly();
		assertThat(this.appraisal).hasPassed("Task_PublishCriticism").isWaitingAt("Task_RectifyAfterAppraisal");
		var rectify = this.support.task(this.appraisal.getId(), "Task_RectifyAfterAppraisal");
		assertThat((String) this.support.taskService.getVariable(rectify.getId(), "appraisalSummary")).contains("差",
				"通报批评");
		assertThatThrownBy(() -> this.support.complete(rectify, Map.of())).hasMessageContaining("整改措施");
		this.support.complete(rectify, Map.of("appraisalMeasures", "逐条回应群众意见，每月开展一次志愿服务"));
		assertThat(this.appraisal).isEnded().hasPassed("EndEvent_AppraisalRectified");
		assertThat(this.appraisals.find(id).orElseThrow().outcome()).isEqualTo("CRITICISE");
	}

	@Test
	void theTaskNamesWhatIsAppraisedInWhichCampaign() {
		var task = this.support.task(this.appraisal.getId(), "Task_InitiateAppraisal");
		var local = this.support.taskService.getVariablesLocal(task.getId());
		assertThat(local.get("branchName")).isEqualTo("测试支部1");
		assertThat(local.get("appraisalSubject")).isEqualTo("测试支部1");
		assertThat(local.get("campaignTitle")).isEqualTo(CampaignTestSupport.plan(1).get("title"));
		assertThat(local.get("appraisalRepeatReason")).isNull();
		String id = initiate(10);
		// organised by the committee its task was offered to (the 团总支 here)
		assertThat(this.appraisals.find(id).orElseThrow().committeeCode()).endsWith("G");
	}

	@Test
	void tooFewBallotsRepeatTheAppraisal() {
		String first = initiate(10);
		castAll(first, 0, 4, "SATISFIED");
		closeEarly();
		assertThat(this.appraisal).isWaitingAt("Task_InitiateAppraisal");
		assertThat(this.appraisals.find(first).orElseThrow().outcome()).isEqualTo("REPEAT");
		// the task says why it came back
		var again = this.support.task(this.appraisal.getId(), "Task_InitiateAppraisal");
		assertThat((String) this.support.taskService.getVariableLocal(again.getId(), "appraisalRepeatReason"))
			.contains("第1轮", "发出选票 10 张", "收回 4 张", "参评率 40%", "重新组织评议");
		String second = initiate(4);
		assertThat(this.appraisals.find(second).orElseThrow().round()).isEqualTo(2);
		// 3 of 4 比较满意 on the overall item: satisfaction 75%
		castAll(second, 0, 3, "FAIRLY");
		castAll(second, 3, 1, "BASIC");
		closeEarly();
		assertThat(this.appraisal).isEnded();
		assertThat(this.appraisals.find(second).orElseThrow().grade()).isEqualTo("较好");
	}

	@Test
	void theClosingTimeClosesTheAppraisal() {
		String id = initiate(2);
		castAll(id, 0, 2, "SATISFIED");
		this.support.fireTimer(this.appraisal.getId(), "BoundaryEvent_AppraisalClosed");
		assertThat(this.appraisal).isEnded().hasPassed("Task_TallyBallots");
		assertThat(this.ballots.open(this.tokens.token(id, 0)).state()).isEqualTo(BallotService.State.USED);
	}

	@Test
	void badInitiationsAreRefused() {
		var task = this.support.task(this.appraisal.getId(), "Task_InitiateAppraisal");
		Map<String, Object> values = new HashMap<>();
		values.put("ballotCount", 0L);
		values.put("opensAt", LocalDate.now().toString());
		values.put("closesAt", LocalDate.now().plusDays(7).toString());
		values.put("publishScope", "BRANCH");
		assertThatThrownBy(() -> this.support.complete(task, values)).hasMessageContaining("选票数量");
		values.put("ballotCount", 10L);
		values.put("closesAt", LocalDate.now().minusDays(1).toString());
		assertThatThrownBy(() -> this.support.complete(task, values)).hasMessageContaining("评议截止日期");
		values.put("closesAt", LocalDate.now().plusDays(3).toString());
		values.put("publishScope", "EVERYONE");
		assertThatThrownBy(() -> this.support.complete(task, values)).hasMessageContaining("结果公布范围");
		assertThat(this.appraisal).isWaitingAt("Task_InitiateAppraisal");
	}

	@Test
	void aBallotLinkCountsOnceAndOnlyWhileOpen() {
		String id = initiate(3);
		String token = this.tokens.token(id, 0);
		assertThat(this.ballots.open(token).state()).isEqualTo(BallotService.State.OPEN);
		assertThatThrownBy(() -> this.ballots.submit(token, List.of("SATISFIED"), null))
			.isInstanceOf(BallotService.Refused.class);
		assertThatThrownBy(() -> this.ballots.submit(token,
				List.of("SATISFIED", "X", "SATISFIED", "SATISFIED", "SATISFIED"), null))
			.isInstanceOf(BallotService.Refused.class);
		cast(id, 0, "SATISFIED", "SATISFIED", "SATISFIED", "SATISFIED", "SATISFIED");
		assertThat(this.ballots.open(token).state()).isEqualTo(BallotService.State.USED);
		assertThatThrownBy(() -> cast(id, 0, "BASIC", "BASIC", "BASIC", "BASIC", "BASIC"))
			.isInstanceOf(BallotService.Refused.class);
		// forged tokens are unknown; another appraisal's numbering does not work either
		assertThat(this.ballots.open("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").state())
			.isEqualTo(BallotService.State.UNKNOWN);
		assertThat(this.ballots.open(this.tokens.token("another", 0)).state()).isEqualTo(BallotService.State.UNKNOWN);
		assertThat(this.ballots.open(this.tokens.token(id, 3)).state()).isEqualTo(BallotService.State.UNKNOWN);
		closeEarly();
		assertThat(this.ballots.open(this.tokens.token(id, 1)).state()).isEqualTo(BallotService.State.CLOSED);
		assertThatThrownBy(() -> cast(id, 1, "BASIC", "BASIC", "BASIC", "BASIC", "BASIC"))
			.isInstanceOf(BallotService.Refused.class);
		assertThat(this.appraisals.answers(id)).hasSize(1);
		// nothing links the ballot to its token
		assertThat(this.support.jdbc.sql("select count(*) from ballot where answers like ? or comment like ?")
			.params("%" + token + "%", "%" + token + "%")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void fiftyConcurrentSubmissionsOfOneLinkCountOnce() throws Exception {
		String id = initiate(2);
		String token = this.tokens.token(id, 1);
		List<String> answers = Collections.nCopies(5, "SATISFIED");
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			Callable<Boolean> submit = () -> {
				start.await();
				try {
					this.ballots.submit(token, answers, null);
					return true;
				}
				catch (BallotService.Refused refused) {
					return false;
				}
			};
			results.add(pool.submit(submit));
		}
		start.countDown();
		int counted = 0;
		for (Future<Boolean> result : results) {
			counted += result.get() ? 1 : 0;
		}
		pool.shutdown();
		assertThat(counted).isEqualTo(1);
		assertThat(this.appraisals.answers(id)).hasSize(1);
	}

}
