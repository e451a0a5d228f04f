package org.cyl.excellence.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.RestTasks;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.cyl.excellence.partyrecommendation.PartyRecommendationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Derived from the deployed models: every user task and start event with a form, in every
 * process of the application's deployment, is submitted by the person whose task it is
 * over {@code /engine-rest} with one variable too many — each variable the process reads
 * in a gateway condition, a candidate-group, candidate-user or assignee expression or a
 * multi-instance collection, the organisation and campaign codes, and an arbitrary one —
 * through {@code submit-form}, {@code complete} and {@code resolve}: refused (400 naming
 * the variable; 403 for resolve, which people never use), with the process's variables,
 * its open tasks and the task's assignee and candidates unchanged. The same submission
 * without it then goes through ({@code submit-form} and {@code complete} alternately). A
 * real campaign is driven through every step and every detour to reach each task; a
 * form-bearing task or start event that the drive does not reach fails the test by name.
 */
@ApplicationTest
class SubmissionBoundaryTests {

	static final String ARBITRARY = "probeArbitrary";

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)(?![\\w(]|\\s+\\()");

	private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
			"lt", "gt", "le", "ge", "div", "mod", "instanceof");

	private static final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	@Autowired
	PartyRecommendationTestSupport party;

	@Autowired
	RepositoryService repository;

	@Autowired
	IdentityService identity;

	/** "Process/Element" of every form-bearing task and start event. */
	final Set<String> withForm = new TreeSet<>();

	/** Form id of each of them. */
	final Map<String, String> formOf = new HashMap<>();

	/** The variables each process's routing reads. */
	final Map<String, Set<String>> routing = new HashMap<>();

	/** Fields of each deployed form. */
	final Map<String, Set<String>> fieldsOf = new HashMap<>();

	final Set<String> probed = new TreeSet<>();

	String prefix;

	int submissions;

	@Test
	void everySubmissionCarriesExactlyWhatItsFormAsks() throws Exception {
		readDeployedModels();
		this.prefix = "SB" + System.nanoTime() % 100000;
		this.support.organization(this.prefix, 2);
		String campaign = start("CampaignProcess", this.prefix + "c", CampaignTestSupport.plan(1));
		this.party.organization(this.prefix + "R", 1);
		String round = start("PartyRecommendationProcess", this.prefix + "Rc",
				PartyRecommendationTestSupport.launchForm("ACTIVIST"));
		this.support.submitThrough(this::probeThenSubmit);
		try {
			// the year's 团员教育评议 first: the campaign's recommendation then finds its
			// candidates' grades on the branch's one sheet of the year
			driveMemberAppraisal();
			drive(campaign);
			driveDutyReport();
			drivePartyRecommendation(round);
		}
		finally {
			this.support.submitThrough(null);
		}
		Set<String> missing = new TreeSet<>(this.withForm);
		missing.removeAll(this.probed);
		assertThat(missing)
			.as("tasks and start events with a form that no valid submission reached: add their step to this test")
			.isEmpty();
	}

	/** Every step and detour of a campaign of two branches. */
	private void drive(String campaign) throws Exception {
		CampaignTestSupport s = this.support;
		s.complete(s.task(campaign, "Task_ApprovePlan"), Map.of("planDecision", "return", "planOpinion", "请增加第二轮承诺"));
		s.complete(s.task(campaign, "Task_RevisePlan"), CampaignTestSupport.plan(1));
		s.complete(s.task(campaign, "Task_ApprovePlan"), Map.of("planDecision", "approve"));
		s.runJobs(campaign);
		String campaignId = (String) s.runtimeService.getVariable(campaign, "campaignId");
		String b1 = s.branchInstance(campaignId, this.prefix + "B1");
		String b2 = s.branchInstance(campaignId, this.prefix + "B2");

		// the first branch takes every detour
		s.mobilize(b1);
		s.draftOrgPledge(b1);
		s.signAll(b1);
		s.complete(s.task(b1, "Task_ReviewPledges"), Map.of("pledgeDecision", "return", "pledgeOpinion", "措施不够具体"));
		Task revise = s.task(b1, "Task_ReviseOrgPledge");
		s.complete(revise, s.orgPledge(revise));
		s.complete(s.task(b1, "Task_ReviewPledges"), Map.of("pledgeDecision", "approve"));
		s.fireTimer(b1, "Event_FulfilmentPeriodEnded");
		s.evaluate(b1);
		s.report(b1);
		s.review(b1, "RECTIFY", "RECTIFY");
		s.complete(s.task(b1, "Task_Rectify"), Map.of("rectifyMeasures", "措施一", "rectifyResult", "情况一"));
		s.review(b1, "PASS", "RECTIFY");
		s.complete(s.task(b1, "Task_SuperviseRectification"), Map.of("supervisionOpinion", "请支部书记亲自抓落实"));
		s.complete(s.task(b1, "Task_Rectify"), Map.of("rectifyMeasures", "措施二", "rectifyResult", "情况二"));
		s.review(b1, "PASS", "PASS");
		String appraisal = s.appraisalInstance(b1);
		s.appraise(b1, 4, 4, "DISSATISFIED");
		s.complete(s.task(appraisal, "Task_RectifyAfterAppraisal"), Map.of("appraisalMeasures", "逐条回应群众意见，每月开展一次志愿服务"));
		s.recommend(b1);
		// the second goes straight through
		s.finishBranch(b2);

		String commendation = s.commendationInstance(campaign);
		s.nominate(commendation, List.of(this.prefix + "B2"), List.of());
		s.assess(commendation, (c) -> "ACCEPT", false);
		s.writeDeeds(commendation);
		s.audit(commendation, "RETURN", List.of(), "请补充走访情况后重新考核");
		s.assess(commendation, (c) -> "ACCEPT", false);
		s.audit(commendation, "APPROVE", List.of(), null);
		object(campaignId);
		s.complete(s.task(commendation, "Task_VerifyObjection"),
				Map.of("objectionVerdict", "DISMISS", "objectionFinding", "经核实，反映的情况不属实"));
		s.fireTimer(commendation, "Event_NoticePeriodEnded");
		s.issueDecision(commendation, "测团字〔2026〕9号");
		assertThat(s.runtimeService.createProcessInstanceQuery().processInstanceId(campaign).count()).isZero();
	}

	/** 推优入党 in a branch of ten members, every detour on the way. */
	private void drivePartyRecommendation(String round) throws Exception {
		CampaignTestSupport s = this.support;
		s.runJobs(round);
		String p = this.prefix + "R";
		String b = this.party.branchInstance(p + "B1");
		s.complete(s.task(b, "Task_ProposeCandidates"), PartyRecommendationTestSupport.candidates(p + "-1-2"));
		s.complete(s.task(b, "Task_AgreeList"), Map.of("listDecision", "return", "listOpinion", "请补充人选"));
		s.complete(s.task(b, "Task_ProposeCandidates"),
				PartyRecommendationTestSupport.candidates(p + "-1-2", p + "-1-3"));
		s.complete(s.task(b, "Task_AgreeList"), Map.of("listDecision", "agree"));
		s.complete(s.task(b, "Task_HoldMeeting"), PartyRecommendationTestSupport.meeting(5, 5, 5));
		s.complete(s.task(b, "Task_HoldMeeting"), PartyRecommendationTestSupport.meeting(9, 8, 8));
		s.complete(s.task(b, "Task_CheckCandidates"), PartyRecommendationTestSupport.keepAll(2));
		String candidate = s.jdbc
			.sql("select id from party_recommendation where process_instance_id = ? and league_no = ?")
			.params(b, p + "-1-3")
			.query(String.class)
			.single();
		HttpResponse<String> filed = TestHttp.anonymous(this.port)
			.post("/public/party-recommendations/" + b, TestHttp.form(Map.of("candidate", candidate, "name", "王明",
					"contact", "13800138000", "content", "该同学本学期有违纪情况，请核实。")), "application/x-www-form-urlencoded");
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
		s.complete(s.task(b, "Task_VerifyObjection"), Map.of("verdict", "DISMISS", "finding", "经核实，反映的情况不属实"));
		s.fireTimer(b, "Event_NoticePeriodEnded");
		s.complete(s.task(b, "Task_ApproveRecommendation"), Map.of("issueNo", "测团字〔2026〕16号"));
		assertThat(s.runtimeService.createProcessInstanceQuery().processInstanceId(b).count()).isZero();
	}

	/** An objection from the public notice (no login), as anyone files it. */
	private void object(String campaignId) throws Exception {
		JsonNode view = json.readTree(as(this.prefix + "c").get("/api/commendations/" + campaignId).body());
		String candidate = view.get("candidates").findValues("id").get(0).asText();
		HttpResponse<String> filed = TestHttp.anonymous(this.port)
			.post("/public/notices/" + campaignId, TestHttp.form(Map.of("candidate", candidate, "name", "王明", "contact",
					"13800138000", "content", "该同学本学期有课程不及格，请核实。")), "application/x-www-form-urlencoded");
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
	}

	/**
	 * 团员教育评议 of the first branch, every step and detour (a meeting without quorum, the
	 * grades returned), the sheet written through its API as the secretary.
	 */
	private void driveMemberAppraisal() throws Exception {
		CampaignTestSupport s = this.support;
		String launch = start("MemberAppraisalProcess", this.prefix + "g",
				org.cyl.excellence.memberappraisal.MemberAppraisalTestSupport.launch());
		s.runJobs(launch);
		String appraisalId = s.jdbc.sql("select id from member_appraisal where process_instance_id = ?")
			.param(launch)
			.query(String.class)
			.single();
		String branch = this.prefix + "B1";
		String b1 = s.jdbc
			.sql("select process_instance_id from member_appraisal_branch where appraisal_id = ? and branch_code = ?")
			.params(appraisalId, branch)
			.query(String.class)
			.single();
		for (Task task : s.tasks(b1, "Task_WriteSelfAssessment")) {
			s.complete(task, Map.of("selfAssessment",
					org.cyl.excellence.memberappraisal.MemberAppraisalTestSupport.text(task.getAssignee())));
		}
		s.runJobs(b1);
		s.complete(s.task(b1, "Task_RecordSelfAssessments"), Map.of("selfAssessmentsConfirmed", true));
		s.complete(s.task(b1, "Task_RecordAppraisalMeeting"),
				Map.of("meetingDate", java.time.LocalDate.now().toString(), "present", 2L));
		sheetLines(appraisalId, branch, (no) -> Map.of("leagueNo", no, "votesExcellent", 0, "votesQualified", 3,
				"votesBasic", 0, "votesUnqualified", 0));
		s.complete(s.task(b1, "Task_RecordAppraisalMeeting"),
				Map.of("meetingDate", java.time.LocalDate.now().toString(), "present", 3L, "ballotsConfirmed", true));
		sheetLines(appraisalId, branch, (no) -> Map.of("leagueNo", no, "grade", "合格"));
		s.complete(s.task(b1, "Task_ProposeMemberGrades"), Map.of("gradesConfirmed", true));
		s.complete(s.task(b1, "Task_ApproveMemberGrades"),
				Map.of("approvalDecision", "return", "approvalOpinion", "请补充互评意见"));
		s.complete(s.task(b1, "Task_ProposeMemberGrades"), Map.of("gradesConfirmed", true));
		s.complete(s.task(b1, "Task_ApproveMemberGrades"), Map.of("approvalDecision", "approve"));
		assertThat(s.runtimeService.createProcessInstanceQuery().processInstanceId(b1).count()).isZero();
	}

	/** Writes a line per member on the branch's appraisal sheet, as its secretary. */
	private void sheetLines(String appraisalId, String branch,
			java.util.function.Function<String, Map<String, Object>> line) throws Exception {
		TestHttp secretary = as(this.prefix + "s1");
		String path = "/api/member-appraisals/" + appraisalId + "/branches/" + branch;
		List<Map<String, Object>> lines = new ArrayList<>();
		json.readTree(secretary.get(path).body())
			.get("lines")
			.forEach((l) -> lines.add(line.apply(l.get("leagueNo").asText())));
		HttpResponse<String> saved = secretary.postJson(path + "/lines", json.writeValueAsString(lines));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
	}

	/** A start form, probed, then submitted as Tasklist's 发起流程 does. */
	private String start(String processKey, String user, Map<String, Object> values) throws Exception {
		ProcessDefinition definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult();
		TestHttp committee = as(user);
		String element = processKey + "/" + startEventWithForm(definition);
		long instances = this.support.runtimeService.createProcessInstanceQuery().count();
		String path = "/engine-rest/process-definition/" + definition.getId();
		for (String extra : extras(element)) {
			Map<String, Object> with = new HashMap<>(values);
			with.put(extra, "org" + this.prefix + "B1member");
			RestTasks.assertRefused(committee.postJson(path + "/submit-form", body(with)), extra);
		}
		assertThat(committee.postJson(path + "/start", body(values)).statusCode()).as("start without the form")
			.isEqualTo(403);
		assertThat(this.support.runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
		HttpResponse<String> started = committee.postJson(path + "/submit-form", body(values));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		this.probed.add(element);
		return json.readTree(started.body()).get("id").asText();
	}

	/**
	 * The duty report (双向述职评议) of the first branch: its secretary appraised 差, the
	 * rectification returned once and accepted.
	 */
	private void driveDutyReport() throws Exception {
		CampaignTestSupport s = this.support;
		String launch = start("DutyReportProcess", this.prefix + "c",
				org.cyl.excellence.dutyreport.DutyReportTestSupport.launchForm());
		s.runJobs(launch);
		String pid = s.jdbc
			.sql("select r.process_instance_id from duty_report r join duty_report_launch l on l.id = r.launch_id"
					+ " where l.process_instance_id = ? and r.org_code = ?")
			.params(launch, this.prefix + "B1")
			.query(String.class)
			.single();
		s.complete(s.task(pid, "Task_WriteReport"),
				Map.of("reportText", org.cyl.excellence.dutyreport.DutyReportTestSupport.report(800)));
		String poll = (String) s.runtimeService.getVariable(pid, "pollId");
		for (int i = 0; i < 2; i++) {
			s.ballots.submit(s.tokens.token(poll, i), List.of("POOR"), null);
		}
		s.complete(s.task(pid, "Task_CommentReport"), Map.of("commentText", "报告对履职不足的分析还不够深入，请补充整改措施。"));
		s.fireTimer(pid, "Event_AppraisalClosed");
		s.complete(s.task(pid, "Task_Rectify"), Map.of("rectifyMeasures", "措施一", "rectifyResult", "情况一"));
		s.complete(s.task(pid, "Task_CheckRectification"), Map.of("checkDecision", "return", "checkOpinion", "请落实到月"));
		s.complete(s.task(pid, "Task_Rectify"), Map.of("rectifyMeasures", "措施二", "rectifyResult", "情况二"));
		s.complete(s.task(pid, "Task_CheckRectification"), Map.of("checkDecision", "accept"));
		assertThat(s.runtimeService.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
	}

	private String startEventWithForm(ProcessDefinition definition) {
		for (StartEvent event : this.repository.getBpmnModelInstance(definition.getId())
			.getModelElementsByType(StartEvent.class)) {
			if (formRef(event) != null) {
				return event.getId();
			}
		}
		throw new AssertionError(definition.getKey() + " has no start form");
	}

	/**
	 * The submitter of every step: the probes, then the valid submission, as the task's
	 * person over REST.
	 */
	private void probeThenSubmit(Task stale, Map<String, Object> values) {
		Task task = this.support.taskService.createTaskQuery().taskId(stale.getId()).singleResult();
		String key = this.repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
		String element = key + "/" + task.getTaskDefinitionKey();
		TestHttp person = as(personOf(task));
		String path = "/engine-rest/task/" + task.getId();
		List<String> extras = this.probed.contains(element) ? List.of(ARBITRARY) : extras(element);
		String before = snapshot(task);
		for (String extra : extras) {
			Map<String, Object> with = new HashMap<>(values);
			with.put(extra, "org" + this.prefix + "B1member");
			RestTasks.assertRefused(person.postJson(path + "/submit-form", body(with)), extra);
			RestTasks.assertRefused(person.postJson(path + "/complete", body(with)), extra);
			assertThat(person.postJson(path + "/resolve", body(with)).statusCode()).as(element + " resolve " + extra)
				.isIn(400, 403);
		}
		assertThat(person.postJson(path + "/resolve", body(values)).statusCode()).as(element + " resolve")
			.isEqualTo(403);
		assertThat(snapshot(task)).as(element + ": nothing written by the refused submissions").isEqualTo(before);
		// complete answers as submit-form does (issue: a member's pledge refused by
		// complete)
		boolean viaComplete = "Task_SignMemberPledge".equals(task.getTaskDefinitionKey())
				|| this.submissions++ % 2 == 1;
		HttpResponse<String> done = person.postJson(path + (viaComplete ? "/complete" : "/submit-form"), body(values));
		assertThat(done.statusCode()).as(element + " " + done.body()).isEqualTo(204);
		assertThat(this.support.taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
		this.probed.add(element);
	}

	/** The variables to try on an element: routing and identity, less its own fields. */
	private List<String> extras(String element) {
		String process = element.substring(0, element.indexOf('/'));
		Set<String> extras = new LinkedHashSet<>(this.routing.get(process));
		extras.addAll(List.of("branchCode", "campaignId", "initiator", ARBITRARY));
		extras.removeAll(this.fieldsOf.getOrDefault(this.formOf.get(element), Set.of()));
		return new ArrayList<>(extras);
	}

	/** Whose task it is: its assignee, else someone of its candidate groups. */
	private String personOf(Task task) {
		if (task.getAssignee() != null) {
			return task.getAssignee();
		}
		for (IdentityLink link : this.support.taskService.getIdentityLinksForTask(task.getId())) {
			if (link.getGroupId() != null && "candidate".equals(link.getType())) {
				List<User> users = this.identity.createUserQuery()
					.memberOfGroup(link.getGroupId())
					.orderByUserId()
					.asc()
					.list();
				for (User user : users) {
					if (user.getId().startsWith(this.prefix)) {
						return user.getId();
					}
				}
				if (!users.isEmpty()) {
					return users.get(0).getId();
				}
			}
		}
		throw new AssertionError("nobody may do " + task.getName());
	}

	/**
	 * What a refused submission must leave alone: the process's variables, its open
	 * tasks, the task's own variables, assignee and candidates.
	 */
	private String snapshot(Task task) {
		Map<String, String> state = new TreeMap<>();
		describe("process.", this.support.runtimeService.getVariablesTyped(task.getProcessInstanceId()), state);
		describe("task.", this.support.taskService.getVariablesLocalTyped(task.getId()), state);
		this.support.taskService.createTaskQuery()
			.processInstanceId(task.getProcessInstanceId())
			.list()
			.forEach((t) -> state.put("open." + t.getId(), t.getTaskDefinitionKey() + ":" + t.getAssignee()));
		this.support.taskService.getIdentityLinksForTask(task.getId())
			.forEach((l) -> state.put("link." + l.getType() + "." + l.getGroupId() + "." + l.getUserId(), ""));
		return state.toString();
	}

	private static void describe(String prefix, VariableMap variables, Map<String, String> state) {
		for (String name : variables.keySet()) {
			TypedValue value = variables.getValueTyped(name);
			state.put(prefix + name,
					(value instanceof JsonValue j) ? j.getValueSerialized() : String.valueOf(value.getValue()));
		}
	}

	/** The form's values as the REST API takes them; checklists as Json. */
	static String body(Map<String, Object> values) {
		ObjectNode body = json.createObjectNode();
		ObjectNode variables = body.putObject("variables");
		values.forEach((k, v) -> {
			if (v instanceof JsonValue j) {
				variables.putObject(k).put("value", j.getValueSerialized()).put("type", "Json");
			}
			else {
				variables.putObject(k).set("value", json.valueToTree(v));
			}
		});
		return body.toString();
	}

	/**
	 * Reads the application's deployment: its processes' form-bearing elements, the
	 * variables their routing reads, its forms' fields.
	 */
	private void readDeployedModels() {
		String deployment = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey("CampaignProcess")
			.latestVersion()
			.singleResult()
			.getDeploymentId();
		for (String resource : this.repository.getDeploymentResourceNames(deployment)) {
			if (resource.endsWith(".form")) {
				try (InputStream in = this.repository.getResourceAsStream(deployment, resource)) {
					JsonNode form = json.readTree(in);
					Set<String> keys = new HashSet<>();
					form.findParents("key").forEach((c) -> keys.add(c.get("key").asText()));
					this.fieldsOf.put(form.get("id").asText(), keys);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		for (ProcessDefinition definition : this.repository.createProcessDefinitionQuery()
			.deploymentId(deployment)
			.list()) {
			BpmnModelInstance model = this.repository.getBpmnModelInstance(definition.getId());
			Set<String> read = new TreeSet<>();
			List<ModelElementInstance> elements = new ArrayList<>();
			elements.addAll(model.getModelElementsByType(UserTask.class));
			elements.addAll(model.getModelElementsByType(StartEvent.class));
			for (ModelElementInstance element : elements) {
				String form = formRef(element);
				if (form != null) {
					String id = definition.getKey() + "/" + element.getAttributeValue("id");
					this.withForm.add(id);
					this.formOf.put(id, form);
				}
				if (element instanceof UserTask task) {
					identifiers(task.getCamundaCandidateGroups(), read);
					identifiers(task.getCamundaCandidateUsers(), read);
					identifiers(task.getCamundaAssignee(), read);
				}
				if (element instanceof StartEvent start && start.getCamundaInitiator() != null) {
					read.add(start.getCamundaInitiator());
				}
			}
			model.getModelElementsByType(ConditionExpression.class)
				.forEach((c) -> identifiers(c.getTextContent(), read));
			for (MultiInstanceLoopCharacteristics loop : model
				.getModelElementsByType(MultiInstanceLoopCharacteristics.class)) {
				identifiers(loop.getCamundaCollection(), read);
				if (loop.getCamundaElementVariable() != null) {
					read.add(loop.getCamundaElementVariable());
				}
			}
			this.routing.put(definition.getKey(), read);
		}
		assertThat(this.withForm).as("the deployment's form-bearing elements").hasSizeGreaterThan(20);
		assertThat(this.routing.get("BranchCampaignProcess")).contains("reviewCommitteeGroup", "partyReviewGroup",
				"secretaryGroup", "pledgeDecision", "reviewPassed", "member");
	}

	private static String formRef(ModelElementInstance element) {
		String ref = element.getAttributeValueNs(CAMUNDA_NS, "formRef");
		return (ref != null) ? ref : element.getAttributeValueNs(CAMUNDA_NS, "formKey");
	}

	/** The variables an expression reads (not the beans' methods, not EL words). */
	static void identifiers(String text, Set<String> into) {
		if (text == null) {
			return;
		}
		Matcher expression = EXPRESSION.matcher(text);
		while (expression.find()) {
			String code = expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "");
			Matcher name = IDENTIFIER.matcher(code);
			while (name.find()) {
				if (!EL_WORDS.contains(name.group(1))) {
					into.add(name.group(1));
				}
			}
		}
	}

	private TestHttp as(String user) {
		return TestHttp.basic(this.port, user, "demo");
	}

}
