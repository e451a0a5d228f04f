package org.cyl.excellence.dutyreport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.ProcessTest;
import org.cyl.excellence.appraisal.BallotService;
import org.cyl.excellence.appraisal.BallotTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * SecretaryDutyReportProcess: the happy path (report, comment, members' appraisal, 好),
 * participation on its boundary (exactly two thirds valid; one fewer repeats, and a
 * repeated round too low is invalid), 差 → 限期整改 returned once and accepted, with its due
 * date supervised, and the refusals: a short report, another branch's secretary, a member
 * writing the secretary's report, extra variables, used ballot links and links of another
 * poll; nothing links a ballot to a person.
 */
@ProcessTest
class SecretaryDutyReportProcessTests {

	private static int counter;

	@Autowired
	DutyReportTestSupport duty;

	@Autowired
	ProcessEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BallotService ballots;

	@Autowired
	BallotTokens tokens;

	@Autowired
	DutyReports reports;

	ProcessInstance instance;

	String prefix;

	String branch;

	String pid;

	String reportId;

	@BeforeEach
	void aBranchOfFourWhoseSecretaryReports() {
		init(this.engine);
		this.prefix = "DR" + (++counter) + System.nanoTime() % 100000;
		// one branch of four members (the secretary and three who appraise), under a
		// 团总支 under the committee
		this.duty.support.organization(this.prefix, 2, 4, true);
		ProcessInstance launch = this.duty.launch(this.prefix + "c", DutyReportTestSupport.launchForm());
		this.duty.support.runJobs(launch.getId());
		String launchId = (String) this.engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(launch.getId())
			.variableName("dutyLaunchId")
			.singleResult()
			.getValue();
		this.branch = this.prefix + "B1";
		this.pid = this.duty.reportInstance(launchId, this.branch);
		this.reportId = (String) this.engine.getRuntimeService().getVariable(this.pid, "dutyReportId");
		this.instance = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(this.pid)
			.singleResult();
	}

	@Test
	void secretaryReportsIsCommentedAndAppraisedGood() {
		ProcessInstance instance = instance();
		assertThat(instance).isWaitingAt("Task_WriteReport");
		Task write = task("Task_WriteReport");
		// the branch's one secretary has it from the start, due when the launch said
		assertThat(write.getAssignee()).isEqualTo(this.prefix + "s1");
		assertThat(write.getDueDate()).isNotNull();
		writeReport(800);
		assertThat(instance).isWaitingAt("Task_CommentReport", "Event_AppraisalClosed");
		// the three members with accounts find their ballot link on the 工作台
		assertThat(ballotNotices()).hasSize(3).allSatisfy((link) -> assertThat(link).startsWith("/ballot/"));
		vote("GOOD", "GOOD", "FAIR");
		comment();
		closeAppraisal();
		assertThat(instance).isEnded()
			.hasPassedInOrder("Task_WriteReport", "Task_OpenAppraisal", "Task_TallyAppraisal", "Task_RateSecretary",
					"Task_RecordResult", "EndEvent_DutyReportCompleted");
		assertThat(column("rating")).isEqualTo("GOOD");
		assertThat(column("status")).isEqualTo("DONE");
		assertThat(column("secretary")).isEqualTo(this.prefix + "s1");
		assertThat(column("commented_by")).isEqualTo(this.prefix + "g");
		// reported upward: the committee above (the 团总支's committee member) is told
		assertThat(count("notice where username = ? and text like '%述职评议结果：好%'", this.prefix + "g")).isEqualTo(1);
		// kept on the record
		DutyReports.Row row = this.reports.ofOrganization(this.branch).get(0);
		assertThat(row.rating()).isEqualTo("好");
		assertThat(row.good()).isEqualTo(2);
		assertThat(row.fair()).isEqualTo(1);
	}

	@Test
	void exactlyTwoThirdsTakingPartIsValid() {
		writeReport(900);
		vote("GOOD", "FAIR");
		comment();
		closeAppraisal();
		assertThat(instance()).isEnded().hasPassed("Task_RateSecretary");
		assertThat(column("rating")).isEqualTo("FAIR");
		assertThat(this.jdbc.sql("select ballots_cast from duty_report where id = ?")
			.param(this.reportId)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void oneFewerThanTwoThirdsRepeatsOnceThenIsInvalid() {
		writeReport(800);
		List<String> firstRound = ballotNotices();
		vote("POOR");
		closeAppraisal();
		// repeated with new ballots: the first round's links count no more
		assertThat(instance()).isWaitingAt("Task_CommentReport", "Event_AppraisalClosed");
		assertThat(this.engine.getRuntimeService().getVariable(this.pid, "appraisalRound")).isEqualTo(2);
		assertThatThrownBy(() -> this.ballots.submit(token(firstRound.get(1)), List.of("GOOD"), null))
			.isInstanceOf(RuntimeException.class);
		assertThat(ballotNotices()).hasSize(6);
		vote("POOR");
		comment();
		closeAppraisal();
		assertThat(instance()).isEnded().hasPassed("EndEvent_DutyReportCompleted").hasNotPassed("Task_RateSecretary");
		// invalid: no rating, hence no rectification, and reported upward as such
		assertThat(column("rating")).isEqualTo("INVALID");
		assertThat(count("notice where username = ? and text like '%无效%'", this.prefix + "g")).isEqualTo(1);
	}

	@Test
	void secretaryAppraisedPoorRectifiesUntilTheCommitteeAccepts() {
		writeReport(800);
		vote("POOR", "POOR", "GOOD");
		comment();
		closeAppraisal();
		assertThat(instance()).isWaitingAt("Task_Rectify");
		assertThat(column("rating")).isEqualTo("POOR");
		assertThat(column("status")).isEqualTo("RECTIFYING");
		Task rectify = task("Task_Rectify");
		assertThat(rectify.getAssignee()).isEqualTo(this.prefix + "s1");
		// supervised: due by the launch's period, with the overdue timer of 督查
		assertThat(rectify.getDueDate()).isNotNull();
		assertThat(this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(this.pid)
			.timers()
			.activityId("Task_Rectify")
			.count()).isEqualTo(1);
		this.duty.support.fireTimer(this.pid, "Task_Rectify");
		assertThat(instance()).isWaitingAt("Task_Rectify");
		assertThat((String) this.engine.getTaskService().getVariable(rectify.getId(), "rectifyFindings"))
			.contains("差 2");
		this.duty.submitAs(this.prefix + "s1", rectify,
				Map.of("rectifyMeasures", "每月讲一次团课，落实“三会两制一课”", "rectifyResult", "已召开专题组织生活会，征求团员意见"));
		Task check = task("Task_CheckRectification");
		// returning needs a reason
		assertThatThrownBy(() -> this.duty.submitAs(this.prefix + "g", check,
				Map.of("checkDecision", "return", "checkOpinion", "")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("验收意见");
		this.duty.submitAs(this.prefix + "g", check,
				Map.of("checkDecision", "return", "checkOpinion", "整改措施还要落到每月的具体安排"));
		Task again = task("Task_Rectify");
		assertThat((String) this.engine.getTaskService().getVariable(again.getId(), "rectifyFindings"))
			.contains("整改措施还要落到每月的具体安排");
		this.duty.submitAs(this.prefix + "s1", again,
				Map.of("rectifyMeasures", "团课排到十二月，每月第一周", "rectifyResult", "本月团课已开，团员满意"));
		this.duty.submitAs(this.prefix + "g", task("Task_CheckRectification"), Map.of("checkDecision", "accept"));
		assertThat(instance()).isEnded().hasPassed("EndEvent_DutyReportRectified");
		assertThat(column("status")).isEqualTo("DONE");
		assertThat(count("duty_rectification where report_id = ?", this.reportId)).isEqualTo(2);
	}

	@Test
	void reportUnderEightHundredCharactersIsRefused() {
		Task write = task("Task_WriteReport");
		String short799 = DutyReportTestSupport.report(799);
		// 799 Chinese characters are 2397 bytes: counted as characters, refused
		assertThat(short799.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(800);
		assertThatThrownBy(() -> this.duty.submitAs(this.prefix + "s1", write, Map.of("reportText", short799)))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("不能少于 800 个字");
		// padding with spaces does not make it longer
		assertThatThrownBy(
				() -> this.duty.submitAs(this.prefix + "s1", write, Map.of("reportText", short799 + "     ")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("现有 799 个字");
		assertThat(instance()).isWaitingAt("Task_WriteReport");
		assertThat(column("report_text")).isNull();
		assertThat(ballotNotices()).isEmpty();
	}

	@Test
	void onlyTheBranchsSecretaryWritesItsReport() {
		Task write = task("Task_WriteReport");
		Map<String, Object> report = Map.of("reportText", DutyReportTestSupport.report(800));
		// another branch's secretary, and a member of the branch itself
		for (String other : List.of(this.prefix + "s2", this.prefix + "m12")) {
			assertThatThrownBy(() -> this.duty.submitAs(other, write, report))
				.isInstanceOf(AuthorizationException.class);
		}
		// the secretary himself with one variable too many
		assertThatThrownBy(() -> this.duty.submitAs(this.prefix + "s1", write,
				Map.of("reportText", DutyReportTestSupport.report(800), "rectify", true)))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("rectify");
		assertThat(instance()).isWaitingAt("Task_WriteReport");
		assertThat(column("report_text")).isNull();
		assertThat(this.engine.getRuntimeService().getVariable(this.pid, "rectify")).isNull();
	}

	@Test
	void aBallotLinkCountsOnceAndOnlyInItsOwnPoll() {
		writeReport(800);
		List<String> links = ballotNotices();
		String pollId = (String) this.engine.getRuntimeService().getVariable(this.pid, "pollId");
		this.ballots.submit(token(links.get(0)), List.of("GOOD"), null);
		// used
		assertThatThrownBy(() -> this.ballots.submit(token(links.get(0)), List.of("POOR"), null))
			.isInstanceOf(RuntimeException.class);
		// a link of another poll (the second branch's) counts there, never here
		String other = this.duty.reportInstance(launchId(), this.prefix + "B2");
		this.duty.submitAs(this.prefix + "s2", task(other, "Task_WriteReport"),
				Map.of("reportText", DutyReportTestSupport.report(800)));
		String otherPoll = (String) this.engine.getRuntimeService().getVariable(other, "pollId");
		this.ballots.submit(this.tokens.token(otherPoll, 0), List.of("POOR"), null);
		// a made-up ballot number beyond those issued is no link
		assertThatThrownBy(() -> this.ballots.submit(this.tokens.token(pollId, 3), List.of("GOOD"), null))
			.isInstanceOf(RuntimeException.class);
		// an answer off the scale (the mass appraisal's) is refused
		assertThatThrownBy(() -> this.ballots.submit(token(links.get(1)), List.of("SATISFIED"), null))
			.isInstanceOf(RuntimeException.class);
		assertThat(count("ballot where appraisal_id = ?", pollId)).isEqualTo(1);
		assertThat(count("ballot where appraisal_id = ?", otherPoll)).isEqualTo(1);
	}

	@Test
	void nothingLinksABallotToAPerson() {
		writeReport(800);
		vote("POOR", "GOOD", "GOOD");
		String pollId = (String) this.engine.getRuntimeService().getVariable(this.pid, "pollId");
		// a ballot holds its answers only: no token, person or time
		List<String> columns = this.jdbc
			.sql("select column_name from information_schema.columns where lower(table_name) = 'ballot'")
			.query(String.class)
			.list()
			.stream()
			.map(String::toLowerCase)
			.toList();
		assertThat(columns).containsExactlyInAnyOrder("id", "appraisal_id", "answers", "comment");
		// the tokens are kept only as hashes, and the duty report keeps counts only
		for (String link : ballotNotices()) {
			assertThat(count("ballot_token where token_hash = ?", token(link))).isZero();
		}
		List<String> reportColumns = this.jdbc
			.sql("select column_name from information_schema.columns where lower(table_name) = 'duty_report'")
			.query(String.class)
			.list()
			.stream()
			.map(String::toLowerCase)
			.toList();
		assertThat(reportColumns).doesNotContain("answers", "token_hash", "voter");
		assertThat(count("ballot where appraisal_id = ?", pollId)).isEqualTo(3);
	}

	// --- steps

	private void writeReport(int length) {
		this.duty.submitAs(this.prefix + "s1", task("Task_WriteReport"),
				Map.of("reportText", DutyReportTestSupport.report(length)));
	}

	private void vote(String... answers) {
		List<String> links = currentRoundLinks();
		for (int i = 0; i < answers.length; i++) {
			this.ballots.submit(token(links.get(i)), List.of(answers[i]), null);
		}
	}

	private void comment() {
		this.duty.submitAs(this.prefix + "g", task("Task_CommentReport"),
				Map.of("commentText", "报告实事求是，学习部分较扎实，履职部分要补充团员发展的具体数字。"));
	}

	private void closeAppraisal() {
		this.duty.support.fireTimer(this.pid, "Event_AppraisalClosed");
	}

	private List<String> ballotNotices() {
		return this.jdbc.sql("select link from notice where username like ? and link like '/ballot/%' order by id")
			.param(this.prefix + "m1%")
			.query(String.class)
			.list();
	}

	private List<String> currentRoundLinks() {
		List<String> all = ballotNotices();
		return new ArrayList<>(all.subList(all.size() - 3, all.size()));
	}

	private static String token(String link) {
		return link.substring("/ballot/".length());
	}

	private String launchId() {
		return (String) this.engine.getRuntimeService().getVariable(this.pid, "dutyLaunchId");
	}

	private ProcessInstance instance() {
		return this.instance;
	}

	private Task task(String key) {
		return task(this.pid, key);
	}

	private Task task(String processInstanceId, String key) {
		return this.duty.support.task(processInstanceId, key);
	}

	private String column(String name) {
		return this.jdbc.sql("select " + name + " from duty_report where id = ?")
			.param(this.reportId)
			.query(String.class)
			.list()
			.get(0);
	}

	private int count(String from, Object... params) {
		return this.jdbc.sql("select count(*) from " + from).params(params).query(Integer.class).single();
	}

}
