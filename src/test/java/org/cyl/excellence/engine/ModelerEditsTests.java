package org.cyl.excellence.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.RestTasks;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.TestHttp.NamedBytes;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three common edits of README "Changing the rules", each deployed ALONE over REST as
 * Camunda Modeler deploys (multipart, source {@code Camunda Modeler}, HTTP Basic as an
 * administrator): what they change, what they leave alone, and that the application's
 * deployment step at a restart deploys nothing over them. The edits are made to the
 * application's own files, as an administrator would open them in Modeler. Each test
 * deletes what it deployed, so the application's models are in force again for the other
 * tests of the shared context.
 */
@ApplicationTest
class ModelerEditsTests {

	private static final ObjectMapper json = new ObjectMapper();

	private static int counter;

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ModelDeployment modelDeployment;

	private final List<String> deployed = new ArrayList<>();

	@AfterEach
	void undeploy() {
		for (String id : this.deployed) {
			this.engine.getRepositoryService().deleteDeployment(id, true);
		}
	}

	private static String prefix(String kind) {
		return kind + (++counter) + System.nanoTime() % 10000;
	}

	/**
	 * Raising 好's line from 90% to 95% in AppraisalOutcome.dmn: an appraisal closed
	 * afterwards is graded by the new table, also one that was running already; one
	 * graded before keeps its grade.
	 */
	@Test
	void anEditedDecisionTableGradesTheAppraisalsClosedFromThenOn() throws IOException {
		ProcessInstance before = this.support.startAppraisal(prefix("MEa"));
		String gradedBefore = ninetyPercentSatisfied(before);
		closeEarly(before);
		ProcessInstance running = this.support.startAppraisal(prefix("MEb"));
		String gradedAfter = ninetyPercentSatisfied(running);
		assertThat(grade(gradedBefore)).isEqualTo("好");

		String table = text("bpmn/appraisal/AppraisalOutcome.dmn");
		String raised = table.replace("<text>&gt;= 0.9</text>", "<text>&gt;= 0.95</text>")
			.replace("满意率 90% 及以上：好", "满意率 95% 及以上：好");
		assertThat(raised).isNotEqualTo(table);
		deploy("修改群众评议等次", Map.of("AppraisalOutcome.dmn", raised));

		closeEarly(running);
		assertThat(grade(gradedAfter)).isEqualTo("较好");
		assertThat(grade(gradedBefore)).as("not regraded").isEqualTo("好");
		assertThat(latestSource("ACT_RE_DECISION_DEF", "AppraisalOutcome")).isEqualTo("Camunda Modeler");
		restartsDeployNothing();
		assertThat(latestSource("ACT_RE_DECISION_DEF", "AppraisalOutcome")).isEqualTo("Camunda Modeler");
	}

	/**
	 * A corrected label and a new optional field in InitiateAppraisal.form: a task
	 * created afterwards shows them, and its submission may set the new field — the
	 * fields a request may set follow the form version the task uses — but still nothing
	 * else.
	 */
	@Test
	void anEditedFormIsWhatTheTasksShowFromThenOn() throws IOException {
		String form = text("forms/appraisal/InitiateAppraisal.form");
		String edited = form.replace("\"label\": \"选票数量\"", "\"label\": \"发放选票数量（张）\"").replace("\"components\": [", """
				"components": [
				    {
				      "id": "Field_InitiationNote",
				      "type": "textfield",
				      "key": "initiationNote",
				      "label": "备注",
				      "validate": { "maxLength": 200 }
				    },""");
		assertThat(edited).contains("发放选票数量（张）", "initiationNote");
		deploy("修改发起群众评议表单", Map.of("InitiateAppraisal.form", edited));

		String prefix = prefix("MEf");
		ProcessInstance appraisal = this.support.startAppraisal(prefix);
		TestHttp committee = TestHttp.basic(this.port, prefix + "g", "demo");
		String task = RestTasks.task(committee, appraisal.getId(), "Task_InitiateAppraisal");
		HttpResponse<String> shown = committee.get("/engine-rest/task/" + task + "/deployed-form");
		assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
		assertThat(shown.body()).contains("发放选票数量（张）", "initiationNote").doesNotContain("\"选票数量\"");
		assertThat(committee.get("/tasks/" + task).body()).as("the task page of 工作台").contains("发放选票数量（张）");

		Map<String, Object> values = new LinkedHashMap<>(initiation());
		values.put("appraisalCommitteeGroup", "admins");
		RestTasks.assertRefused(
				committee.postJson("/engine-rest/task/" + task + "/submit-form", RestTasks.form(values)),
				"appraisalCommitteeGroup");
		values.remove("appraisalCommitteeGroup");
		values.put("initiationNote", "按新表单发起");
		RestTasks.submit(committee, task, values);
		assertThat(this.support.runtimeService.getVariable(appraisal.getId(), "appraisalId")).isNotNull();

		restartsDeployNothing();
		assertThat(latestSource("ACT_RE_CAMFORMDEF", "InitiateAppraisal")).isEqualTo("Camunda Modeler");
	}

	/**
	 * One more user task in BranchCampaignProcess (学习活动方案, before the mobilisation) with
	 * its new form: a campaign launched afterwards reaches it through Tasklist's path,
	 * one launched before does not — until an administrator migrates its branch process
	 * as Cockpit does, which then keeps its place and goes on.
	 */
	@Test
	void anEditedProcessRunsForTheCampaignsLaunchedFromThenOn() throws IOException {
		String old = prefix("MEo");
		this.support.organization(old, 1);
		String oldBranch = launchAndApprove(old);
		ProcessDefinition oldDefinition = definitionOf(oldBranch);

		deploy("增加学习活动方案", Map.of("BranchCampaignProcess.bpmn", withStudyTask(), "BranchStudy.form", STUDY_FORM));

		String fresh = prefix("MEn");
		this.support.organization(fresh, 1);
		String newBranch = launchAndApprove(fresh);
		ProcessDefinition newDefinition = definitionOf(newBranch);
		assertThat(newDefinition.getVersion()).isGreaterThan(oldDefinition.getVersion());

		TestHttp secretary = TestHttp.basic(this.port, fresh + "s1", "demo");
		String study = RestTasks.task(secretary, newBranch, "Task_StudyPlan");
		assertThat(secretary.get("/engine-rest/task/" + study + "/deployed-form").body()).contains("学习体会");
		RestTasks.assertRefused(secretary.postJson("/engine-rest/task/" + study + "/submit-form", "{\"variables\":{}}"),
				"学习体会");
		assertThat(this.support.managementService.createJobQuery()
			.processInstanceId(newBranch)
			.timers()
			.activityId("Task_StudyPlan")
			.count()).as("督查's timer on the due date").isEqualTo(1);
		RestTasks.submit(secretary, study, Map.of("studyNotes", "全体团员学习了活动方案"));
		RestTasks.task(secretary, newBranch, "Task_MobilizeBranch");

		TestHttp oldSecretary = TestHttp.basic(this.port, old + "s1", "demo");
		assertThat(this.support.tasks(oldBranch, "Task_StudyPlan")).isEmpty();
		RestTasks.task(oldSecretary, oldBranch, "Task_MobilizeBranch");

		// Cockpit's migration of the running branch process to the new version
		TestHttp admin = TestHttp.basic(this.port, "admin", "admin");
		HttpResponse<String> plan = admin.postJson("/engine-rest/migration/generate",
				json.createObjectNode()
					.put("sourceProcessDefinitionId", oldDefinition.getId())
					.put("targetProcessDefinitionId", newDefinition.getId())
					.put("updateEventTriggers", true)
					.toString());
		assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
		var execute = json.createObjectNode();
		execute.set("migrationPlan", json.readTree(plan.body()));
		execute.putArray("processInstanceIds").add(oldBranch);
		execute.put("skipCustomListeners", false).put("skipIoMappings", false);
		HttpResponse<String> migrated = admin.postJson("/engine-rest/migration/execute", execute.toString());
		assertThat(migrated.statusCode()).as(migrated.body()).isEqualTo(204);
		assertThat(definitionOf(oldBranch).getId()).isEqualTo(newDefinition.getId());
		String mobilize = RestTasks.task(oldSecretary, oldBranch, "Task_MobilizeBranch");
		RestTasks.submit(oldSecretary, mobilize, CampaignTestSupport.mobilization());
		assertThat(this.support.tasks(oldBranch, "Task_MobilizeBranch")).isEmpty();

		restartsDeployNothing();
		assertThat(latestSource("ACT_RE_PROCDEF", "BranchCampaignProcess")).isEqualTo("Camunda Modeler");
	}

	private static final String STUDY_FORM = """
			{
			  "executionPlatform": "Camunda Platform",
			  "executionPlatformVersion": "7.24.0",
			  "schemaVersion": 16,
			  "id": "BranchStudy",
			  "type": "default",
			  "components": [
			    { "id": "Text_Heading", "type": "text", "text": "## 学习活动方案" },
			    { "id": "Field_StudyNotes", "type": "textarea", "key": "studyNotes", "label": "学习体会",
			      "validate": { "required": true, "maxLength": 500 } }
			  ]
			}
			""";

	/**
	 * BranchCampaignProcess with 学习活动方案 between its start and 制定支部方案并动员, as an
	 * administrator draws it in Modeler: the secretary's task with its form, due with the
	 * mobilisation.
	 */
	private static String withStudyTask() throws IOException {
		BpmnModelInstance model;
		try (InputStream in = new ClassPathResource("bpmn/branch/BranchCampaignProcess.bpmn").getInputStream()) {
			model = Bpmn.readModelFromStream(in);
		}
		Process process = model.getModelElementById("BranchCampaignProcess");
		StartEvent start = model.getModelElementById("StartEvent_BranchStarted");
		SequenceFlow toMobilize = model.getModelElementById("SequenceFlow_ToMobilize");
		UserTask study = model.newInstance(UserTask.class);
		study.setId("Task_StudyPlan");
		study.setName("学习活动方案");
		study.setCamundaCandidateGroups("${secretaryGroup}");
		study.setCamundaFormRef("BranchStudy");
		study.setCamundaFormRefBinding("latest");
		study.setCamundaDueDate("${mobilizationDue}");
		// 督查's listener on the due date, as on every task of the application
		CamundaTaskListener overdue = model.newInstance(CamundaTaskListener.class);
		overdue.setAttributeValue("id", "TaskListener_StudyPlanOverdue");
		overdue.setCamundaEvent("timeout");
		overdue.setCamundaDelegateExpression("${overdueTaskListener}");
		TimerEventDefinition timer = model.newInstance(TimerEventDefinition.class);
		TimeDate due = model.newInstance(TimeDate.class);
		due.setTextContent("${mobilizationDue}");
		timer.setTimeDate(due);
		overdue.getTimeouts().add(timer);
		study.builder().addExtensionElement(overdue);
		process.addChildElement(study);
		SequenceFlow toStudy = model.newInstance(SequenceFlow.class);
		toStudy.setId("SequenceFlow_ToStudyPlan");
		process.addChildElement(toStudy);
		toStudy.setSource(start);
		toStudy.setTarget(study);
		start.getOutgoing().remove(toMobilize);
		start.getOutgoing().add(toStudy);
		study.getIncoming().add(toStudy);
		toMobilize.setSource(study);
		study.getOutgoing().add(toMobilize);
		return Bpmn.convertToString(model);
	}

	/**
	 * Launches a campaign of the committee through Tasklist's path and approves its plan.
	 */
	private String launchAndApprove(String prefix) throws IOException {
		TestHttp committee = TestHttp.basic(this.port, prefix + "c", "demo");
		String definition = this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey("CampaignProcess")
			.latestVersion()
			.singleResult()
			.getId();
		HttpResponse<String> started = committee.postJson(
				"/engine-rest/process-definition/" + definition + "/submit-form",
				RestTasks.form(CampaignTestSupport.plan(1)));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		String campaign = json.readTree(started.body()).get("id").asText();
		TestHttp approver = TestHttp.basic(this.port, prefix + "h", "demo");
		RestTasks.submit(approver, RestTasks.task(approver, campaign, "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(campaign);
		String campaignId = (String) this.support.runtimeService.getVariable(campaign, "campaignId");
		return this.support.branchInstance(campaignId, prefix + "B1");
	}

	private ProcessDefinition definitionOf(String processInstanceId) {
		String id = this.support.runtimeService.createProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult()
			.getProcessDefinitionId();
		return this.engine.getRepositoryService().getProcessDefinition(id);
	}

	/** Initiates with 10 ballots; 9 answer 满意 overall, 1 基本满意: 90% satisfied. */
	private String ninetyPercentSatisfied(ProcessInstance appraisal) {
		String id = this.support.initiateAppraisal(appraisal.getId(), 10);
		for (int i = 0; i < 10; i++) {
			List<String> answers = new ArrayList<>(Collections.nCopies(4, "SATISFIED"));
			answers.add((i < 9) ? "SATISFIED" : "BASIC");
			this.support.ballots.submit(this.support.tokens.token(id, i), answers, null);
		}
		return id;
	}

	private String grade(String appraisalId) {
		return this.support.jdbc.sql("select grade from appraisal where id = ?")
			.param(appraisalId)
			.query(String.class)
			.single();
	}

	private void closeEarly(ProcessInstance appraisal) {
		this.support.runtimeService.createMessageCorrelation("AppraisalClosedEarly")
			.processInstanceId(appraisal.getId())
			.correlate();
	}

	private static Map<String, Object> initiation() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("ballotCount", 5);
		values.put("opensAt", LocalDate.now().toString());
		values.put("closesAt", LocalDate.now().plusDays(7).toString());
		values.put("publishScope", "BRANCH");
		return values;
	}

	/** Deploys the files alone, as Camunda Modeler does; returns the deployment's id. */
	private String deploy(String name, Map<String, String> files) throws IOException {
		Map<String, NamedBytes> parts = new LinkedHashMap<>();
		parts.put("deployment-name", NamedBytes.utf8("", name));
		parts.put("deployment-source", NamedBytes.utf8("", "Camunda Modeler"));
		parts.put("deploy-changed-only", NamedBytes.utf8("", "true"));
		files.forEach((file, content) -> parts.put(file, NamedBytes.utf8(file, content)));
		HttpResponse<String> response = TestHttp.basic(this.port, "admin", "admin")
			.postFiles("/engine-rest/deployment/create", parts);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String id = json.readTree(response.body()).get("id").asText();
		this.deployed.add(id);
		return id;
	}

	/**
	 * What a restart does to the models: the application's deployment step deploys
	 * nothing, its models being unchanged.
	 */
	private void restartsDeployNothing() {
		long before = this.engine.getRepositoryService().createDeploymentQuery().count();
		this.modelDeployment.postProcessEngineBuild(this.engine);
		assertThat(this.engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(before);
	}

	/** The source of the deployment of the key's latest version in that table. */
	private String latestSource(String table, String key) {
		return this.support.jdbc
			.sql("select d.SOURCE_ from " + table + " f join ACT_RE_DEPLOYMENT d on d.ID_ = f.DEPLOYMENT_ID_"
					+ " where f.KEY_ = ? order by f.VERSION_ desc limit 1")
			.params(key)
			.query(String.class)
			.single();
	}

	private static String text(String resource) throws IOException {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			in.transferTo(out);
			return out.toString(StandardCharsets.UTF_8);
		}
	}

}
