package org.cyl.excellence.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.TestHttp.NamedBytes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link DeploymentChecks}: a deployment from Camunda Modeler that breaks a rule is
 * answered with 400 and a Chinese message naming the file and the element, and nothing of
 * it is deployed (so these tests share the demo context); the edits start from the
 * project's own models. An edit that keeps what is in force passes the same check, judged
 * without deploying. Administrators only may deploy at all: DeploymentTests.
 */
@ApplicationTest
class DeploymentChecksTests {

	private static final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	IdentityService identityService;

	@Autowired
	DeploymentChecks checks;

	// rule 1: links lead somewhere, bound latest

	@Test
	void refusesAFormNeitherTheDeploymentNorTheEngineHas() {
		BpmnModelInstance model = bpmn("bpmn/branch/BranchCampaignProcess.bpmn");
		UserTask task = firstWithForm(model);
		task.setCamundaFormRef("ReportForm");
		assertRefused(Map.of("BranchCampaignProcess.bpmn", Bpmn.convertToString(model)),
				"“BranchCampaignProcess.bpmn”的用户任务“" + task.getName() + "”（" + task.getId()
						+ "）引用的表单“ReportForm”不存在：既不在本次部署中，也未曾部署");
	}

	@Test
	void refusesADecisionNeitherTheDeploymentNorTheEngineHas() {
		BpmnModelInstance model = bpmn("bpmn/appraisal/MassAppraisalProcess.bpmn");
		BusinessRuleTask task = only(model, BusinessRuleTask.class);
		task.setCamundaDecisionRef("AppraisalOutcomeDraft");
		assertRefused(Map.of("MassAppraisalProcess.bpmn", Bpmn.convertToString(model)),
				"“MassAppraisalProcess.bpmn”的业务规则任务“" + task.getName() + "”（" + task.getId()
						+ "）引用的决策“AppraisalOutcomeDraft”不存在：既不在本次部署中，也未曾部署");
	}

	@Test
	void refusesACalledProcessNeitherTheDeploymentNorTheEngineHas() {
		BpmnModelInstance model = bpmn("bpmn/campaign/CampaignProcess.bpmn");
		CallActivity activity = only(model, CallActivity.class);
		activity.setCalledElement("CommendationDraftProcess");
		assertRefused(Map.of("CampaignProcess.bpmn", Bpmn.convertToString(model)), "“CampaignProcess.bpmn”的调用活动“"
				+ activity.getName() + "”（" + activity.getId() + "）引用的流程“CommendationDraftProcess”不存在：既不在本次部署中，也未曾部署");
	}

	@Test
	void refusesEveryBindingButLatest() {
		BpmnModelInstance branch = bpmn("bpmn/branch/BranchCampaignProcess.bpmn");
		UserTask task = firstWithForm(branch);
		task.setCamundaFormRefBinding("deployment");
		BpmnModelInstance campaign = bpmn("bpmn/campaign/CampaignProcess.bpmn");
		CallActivity activity = only(campaign, CallActivity.class);
		activity.setCamundaCalledElementBinding("version");
		activity.setCamundaCalledElementVersion("1");
		BpmnModelInstance appraisal = bpmn("bpmn/appraisal/MassAppraisalProcess.bpmn");
		BusinessRuleTask rule = only(appraisal, BusinessRuleTask.class);
		rule.setCamundaDecisionRefBinding("versionTag");
		rule.setCamundaDecisionRefVersionTag("2025");
		Map<String, String> files = new LinkedHashMap<>();
		files.put("BranchCampaignProcess.bpmn", Bpmn.convertToString(branch));
		files.put("CampaignProcess.bpmn", Bpmn.convertToString(campaign));
		files.put("MassAppraisalProcess.bpmn", Bpmn.convertToString(appraisal));
		assertRefused(files, "部署未被接受，共 3 处问题",
				"“BranchCampaignProcess.bpmn”的用户任务“" + task.getName() + "”（" + task.getId() + "）引用表单“"
						+ task.getCamundaFormRef() + "”时绑定“deployment”：" + DeploymentChecks.LATEST,
				"“CampaignProcess.bpmn”的调用活动“" + activity.getName() + "”（" + activity.getId() + "）引用流程“"
						+ activity.getCalledElement() + "”时绑定“version”：" + DeploymentChecks.LATEST,
				"“MassAppraisalProcess.bpmn”的业务规则任务“" + rule.getName() + "”（" + rule.getId() + "）引用决策“"
						+ rule.getCamundaDecisionRef() + "”时绑定“versionTag”：" + DeploymentChecks.LATEST);
	}

	// rule 2: a form keeps what the version in force submits

	@Test
	void refusesAFormWithoutAFieldTheVersionInForceSubmits() {
		FormSchema.Field field = reviewPledges().fields().get(0);
		String form = editForm("forms/branch/ReviewPledges.form", field.key(),
				(component) -> component.put("key", field.key() + "Renamed"));
		assertRefused(Map.of("ReviewPledges.form", form),
				"“ReviewPledges.form”（表单“ReviewPledges”）缺少现行版本提交的字段“" + field.label() + "”（" + field.key() + "）");
	}

	@Test
	void refusesAFormThatChangesTheKindOfAFieldsValue() {
		FormSchema.Field field = reviewPledges().fields()
			.stream()
			.filter((f) -> f.kind().equals("文字"))
			.findFirst()
			.orElseThrow();
		String form = editForm("forms/branch/ReviewPledges.form", field.key(),
				(component) -> component.put("type", "number"));
		assertRefused(Map.of("ReviewPledges.form", form),
				"“ReviewPledges.form”（表单“ReviewPledges”）的字段“" + field.label() + "”（" + field.key() + "）由“文字”改为“数字”");
	}

	@Test
	void refusesAFormThatChangesTheValuesOfAChoice() {
		FormSchema.Field field = reviewPledges().fields()
			.stream()
			.filter((f) -> !f.values().isEmpty())
			.findFirst()
			.orElseThrow();
		String form = editForm("forms/branch/ReviewPledges.form", field.key(), (component) -> {
			ObjectNode last = (ObjectNode) component.path("values").get(component.path("values").size() - 1);
			last.put("value", last.path("value").asText() + "Later");
		});
		assertRefused(Map.of("ReviewPledges.form", form), "“ReviewPledges.form”（表单“ReviewPledges”）的字段“" + field.label()
				+ "”（" + field.key() + "）的选项值由 " + field.values() + " 改为 ");
	}

	@Test
	void refusesAFormThatNoLongerRequiresARequiredField() {
		FormSchema.Field field = reviewPledges().fields()
			.stream()
			.filter(FormSchema.Field::required)
			.findFirst()
			.orElseThrow();
		String form = editForm("forms/branch/ReviewPledges.form", field.key(),
				(component) -> ((ObjectNode) component.path("validate")).put("required", false));
		assertRefused(Map.of("ReviewPledges.form", form),
				"“ReviewPledges.form”（表单“ReviewPledges”）的字段“" + field.label() + "”（" + field.key() + "）不再必填");
	}

	// rule 3: what a gateway reads after a form has a source

	@Test
	void refusesAConditionAfterAFormThatReadsAVariableWithoutSource() {
		BpmnModelInstance model = bpmn("bpmn/dutyreport/SecretaryDutyReportProcess.bpmn");
		SequenceFlow flow = conditionAfterForm(model);
		UserTask task = (UserTask) flow.getSource().getIncoming().iterator().next().getSource();
		flow.getConditionExpression().setTextContent("${inspectionPassed}");
		assertRefused(Map.of("SecretaryDutyReportProcess.bpmn", Bpmn.convertToString(model)),
				"“SecretaryDutyReportProcess.bpmn”的用户任务“" + task.getName() + "”（" + task.getId() + "）之后的条件（顺序流“"
						+ flow.getName() + "”（" + flow.getId() + "））读取变量“inspectionPassed”：它不是表单“"
						+ task.getCamundaFormRef() + "”的字段，流程中也没有写入它的地方，现行版本在此处也未读取它");
	}

	@Test
	void refusesLinkingAnotherFormThatLacksAFieldAConditionReads() throws IOException {
		BpmnModelInstance model = bpmn("bpmn/branch/BranchCampaignProcess.bpmn");
		UserTask task = model.getModelElementsByType(UserTask.class)
			.stream()
			.filter((t) -> "ReviewPledges".equals(t.getCamundaFormRef()))
			.findFirst()
			.orElseThrow();
		// the choice its gateway routes on
		String field = reviewPledges().fields()
			.stream()
			.filter((f) -> !f.values().isEmpty())
			.findFirst()
			.orElseThrow()
			.variable();
		FormSchema other = null;
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:forms/branch/*.form")) {
			FormSchema form = FormSchema.parse(resource.getContentAsByteArray());
			if (other == null && !form.id().equals("ReviewPledges") && !form.variables().contains(field)) {
				other = form;
			}
		}
		assertThat(other).isNotNull();
		task.setCamundaFormRef(other.id());
		assertRefused(Map.of("BranchCampaignProcess.bpmn", Bpmn.convertToString(model)),
				"“BranchCampaignProcess.bpmn”的用户任务“" + task.getName() + "”（" + task.getId() + "）之后的条件（",
				"读取变量“" + field + "”：它不是表单“" + other.id() + "”的字段");
	}

	// rule 4: a decision keeps its callers working

	@Test
	void refusesADecisionInputThatReadsAVariableItsCallersDoNotProvide() {
		DmnModelInstance model = dmn("bpmn/appraisal/AppraisalOutcome.dmn");
		Decision decision = model.getModelElementById("AppraisalOutcome");
		Input input = ((DecisionTable) decision.getExpression()).getInputs().iterator().next();
		Text text = input.getInputExpression().getText();
		text.setTextContent(text.getTextContent() + " * weight");
		assertRefused(Map.of("AppraisalOutcome.dmn", Dmn.convertToString(model)),
				"“AppraisalOutcome.dmn”的决策“" + decision.getName() + "”（AppraisalOutcome）的输入“" + input.getLabel() + "”（"
						+ input.getId() + "）读取变量“weight”：现行版本不读取它");
	}

	@Test
	void refusesADecisionWithoutAnOutputOfTheVersionInForce() {
		DmnModelInstance model = dmn("bpmn/appraisal/AppraisalOutcome.dmn");
		Decision decision = model.getModelElementById("AppraisalOutcome");
		List<Output> outputs = new ArrayList<>(((DecisionTable) decision.getExpression()).getOutputs());
		Output output = outputs.get(outputs.size() - 1);
		String name = output.getName();
		output.setName(name + "Code");
		assertRefused(Map.of("AppraisalOutcome.dmn", Dmn.convertToString(model)), "“AppraisalOutcome.dmn”的决策“"
				+ decision.getName() + "”（AppraisalOutcome）缺少现行版本的输出“" + name + "”：调用者按名称读取它");
	}

	@Test
	void refusesASecondOutputOfADecisionWithOne() {
		DmnModelInstance model = dmn("bpmn/dutyreport/DutyReportRating.dmn");
		Decision decision = model.getModelElementById("DutyReportRating");
		DecisionTable table = (DecisionTable) decision.getExpression();
		String only = table.getOutputs().iterator().next().getName();
		Output output = model.newInstance(Output.class);
		output.setId("Output_Remark");
		output.setName("remark");
		output.setTypeRef("string");
		table.getOutputs().add(output);
		for (Rule rule : table.getRules()) {
			OutputEntry entry = model.newInstance(OutputEntry.class);
			entry.setId("OutputEntry_Remark_" + rule.getId());
			Text text = model.newInstance(Text.class);
			text.setTextContent("\"\"");
			entry.setText(text);
			rule.getOutputEntries().add(entry);
		}
		assertRefused(Map.of("DutyReportRating.dmn", Dmn.convertToString(model)), "“DutyReportRating.dmn”的决策“"
				+ decision.getName() + "”（DutyReportRating）现行版本只有一个输出“" + only + "”，新版本有 2 个");
	}

	@Test
	void refusesAProcessThatReadsAnOutputTheDecisionLacks() {
		BpmnModelInstance model = bpmn("bpmn/appraisal/MassAppraisalProcess.bpmn");
		BusinessRuleTask task = only(model, BusinessRuleTask.class);
		assertThat(task.getCamundaMapDecisionResult()).isEqualTo("singleResult");
		String result = task.getCamundaResultVariable();
		Pattern read = Pattern.compile(Pattern.quote(result) + "\\.\\w+");
		SequenceFlow flow = model.getModelElementsByType(SequenceFlow.class)
			.stream()
			.filter((f) -> f.getConditionExpression() != null
					&& read.matcher(f.getConditionExpression().getTextContent()).find())
			.findFirst()
			.orElseThrow();
		flow.getConditionExpression()
			.setTextContent(read.matcher(flow.getConditionExpression().getTextContent())
				.replaceAll(Matcher.quoteReplacement(result + ".verdict")));
		Process process = only(model, Process.class);
		assertRefused(Map.of("MassAppraisalProcess.bpmn", Bpmn.convertToString(model)),
				"“MassAppraisalProcess.bpmn”的流程“" + process.getName() + "”（" + process.getId() + "）读取“" + result
						+ ".verdict”，但业务规则任务“" + task.getName() + "”（" + task.getId() + "）调用的决策“"
						+ task.getCamundaDecisionRef() + "”没有输出“verdict”");
	}

	@Test
	void refusesASingleEntryOfADecisionWithSeveralOutputs() {
		BpmnModelInstance model = bpmn("bpmn/appraisal/MassAppraisalProcess.bpmn");
		BusinessRuleTask task = only(model, BusinessRuleTask.class);
		task.setCamundaMapDecisionResult("singleEntry");
		assertRefused(Map.of("MassAppraisalProcess.bpmn", Bpmn.convertToString(model)),
				"“MassAppraisalProcess.bpmn”的业务规则任务“" + task.getName() + "”（" + task.getId() + "）按单个输出（singleEntry）取决策“"
						+ task.getCamundaDecisionRef() + "”的结果，但该决策有 2 个输出");
	}

	// what passes

	@Test
	void anEditThatKeepsWhatIsInForcePassesWithoutBeingDeployed() {
		Map<String, byte[]> models = projectModels();
		// a form: labels and the label of a choice changed, a text area made a text
		// field, a field added
		FormSchema.Field choice = reviewPledges().fields()
			.stream()
			.filter((f) -> !f.values().isEmpty())
			.findFirst()
			.orElseThrow();
		FormSchema.Field text = reviewPledges().fields()
			.stream()
			.filter((f) -> f.type().equals("textarea"))
			.findFirst()
			.orElseThrow();
		String form = editForm("forms/branch/ReviewPledges.form", choice.key(), (component) -> {
			component.put("label", "审核的结论");
			((ObjectNode) component.path("values").get(0)).put("label", "同意");
		});
		form = editForm(form, text.key(), (component) -> component.put("type", "textfield"));
		ObjectNode added = (ObjectNode) read(form);
		added.withArray("components")
			.addObject()
			.put("id", "Field_ReviewNote")
			.put("type", "textfield")
			.put("key", "reviewNote")
			.put("label", "备注");
		models.put("forms/branch/ReviewPledges.form", added.toString().getBytes(StandardCharsets.UTF_8));
		// a decision: a threshold and a label changed
		DmnModelInstance rating = dmn("bpmn/dutyreport/DutyReportRating.dmn");
		DecisionTable table = (DecisionTable) ((Decision) rating.getModelElementById("DutyReportRating"))
			.getExpression();
		table.getInputs().iterator().next().setLabel("评差比例");
		Text entry = table.getRules().iterator().next().getInputEntries().iterator().next().getText();
		entry.setTextContent(entry.getTextContent().replaceAll("\\d+", "35"));
		models.put("bpmn/dutyreport/DutyReportRating.dmn",
				Dmn.convertToString(rating).getBytes(StandardCharsets.UTF_8));
		// a process: a condition after a form rewritten, reading what it read
		BpmnModelInstance duty = bpmn("bpmn/dutyreport/SecretaryDutyReportProcess.bpmn");
		SequenceFlow flow = conditionAfterForm(duty);
		String condition = flow.getConditionExpression().getTextContent();
		flow.getConditionExpression().setTextContent(condition.replace("}", " == true}"));
		models.put("bpmn/dutyreport/SecretaryDutyReportProcess.bpmn",
				Bpmn.convertToString(duty).getBytes(StandardCharsets.UTF_8));

		long deployments = this.repositoryService.createDeploymentQuery().count();
		assertThatNoException().as("as an administrator").isThrownBy(() -> check(models, "admin"));
		assertThatNoException().as("as the application").isThrownBy(() -> check(models, null));
		assertThat(this.repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	@Test
	void theApplicationsOwnDeploymentMayReadWhatItsCompleteListenersCompute() {
		BpmnModelInstance model = bpmn("bpmn/dutyreport/SecretaryDutyReportProcess.bpmn");
		conditionAfterForm(model).getConditionExpression().setTextContent("${inspectionPassed}");
		Map<String, byte[]> models = Map.of("bpmn/dutyreport/SecretaryDutyReportProcess.bpmn",
				Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
		assertThatNoException().isThrownBy(() -> check(models, null));
		assertThatThrownBy(() -> check(models, "admin")).isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("读取变量“inspectionPassed”");
	}

	/**
	 * A release of the application supersedes the version in force, whoever deployed it:
	 * its forms come with the code that reads them.
	 */
	@Test
	void theApplicationsReleaseIsNotHeldToTheFormInForce() {
		FormSchema.Field field = reviewPledges().fields().get(0);
		ObjectNode form = (ObjectNode) read(text("forms/branch/ReviewPledges.form"));
		java.util.Iterator<com.fasterxml.jackson.databind.JsonNode> components = form.withArray("components")
			.elements();
		while (components.hasNext()) {
			if (field.key().equals(components.next().path("key").asText())) {
				components.remove();
			}
		}
		Map<String, byte[]> models = Map.of("forms/branch/ReviewPledges.form",
				form.toString().getBytes(StandardCharsets.UTF_8));
		assertThatNoException().isThrownBy(() -> check(models, null));
		assertThatThrownBy(() -> check(models, "admin")).isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining(field.key());
	}

	@Test
	void anOldDeploymentTheCacheParsesAgainIsNotJudged() {
		BpmnModelInstance model = bpmn("bpmn/branch/BranchCampaignProcess.bpmn");
		firstWithForm(model).setCamundaFormRef("ReportForm");
		DeploymentEntity deployment = deployment(
				Map.of("BranchCampaignProcess.bpmn", Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8)));
		ProcessEngineConfigurationImpl configuration = configuration();
		Deployer deployer = this.checks.deployer;
		assertThat(configuration.getCustomPreDeployers()).contains(deployer);
		deployment.setNew(false);
		configuration.getCommandExecutorTxRequired().execute((context) -> {
			deployer.deploy(deployment);
			return null;
		});
		deployment.setNew(true);
		assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute((context) -> {
			deployer.deploy(deployment);
			return null;
		})).isInstanceOf(BadUserRequestException.class).hasMessageContaining("ReportForm");
	}

	/**
	 * Deploys as Camunda Modeler does, as the demo's administrator, and expects 400 with
	 * the messages and nothing deployed.
	 */
	private void assertRefused(Map<String, String> files, String... messages) {
		State before = state(files.keySet());
		Map<String, NamedBytes> parts = new LinkedHashMap<>();
		parts.put("deployment-name", NamedBytes.utf8("", "modeler-checks"));
		parts.put("deployment-source", NamedBytes.utf8("", "Camunda Modeler"));
		parts.put("deploy-changed-only", NamedBytes.utf8("", "false"));
		files.forEach((name, text) -> parts.put(name, NamedBytes.utf8(name, text)));
		HttpResponse<String> response = TestHttp.basic(this.port, "admin", "admin")
			.postFiles("/engine-rest/deployment/create", parts);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(read(response.body()).path("message").asText()).contains(messages);
		assertThat(state(files.keySet())).isEqualTo(before);
	}

	/** How many deployments; which versions are in force. */
	private record State(long deployments, List<String> processes, List<String> decisions, List<String> forms) {
	}

	private State state(Iterable<String> files) {
		List<String> formIds = new ArrayList<>();
		for (String file : files) {
			if (file.endsWith(".form")) {
				formIds.add(file.substring(0, file.length() - ".form".length()));
			}
		}
		List<String> forms = configuration().getCommandExecutorTxRequired()
			.execute((context) -> formIds.stream()
				.map((id) -> context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(id))
				.map(CamundaFormDefinitionEntity::getId)
				.toList());
		return new State(this.repositoryService.createDeploymentQuery().count(),
				this.repositoryService.createProcessDefinitionQuery()
					.latestVersion()
					.list()
					.stream()
					.map(ResourceDefinition::getId)
					.sorted()
					.toList(),
				this.repositoryService.createDecisionDefinitionQuery()
					.latestVersion()
					.list()
					.stream()
					.map(ResourceDefinition::getId)
					.sorted()
					.toList(),
				forms);
	}

	/**
	 * Runs the check on a deployment of these resources inside a command, as the given
	 * person (null: the application), without deploying.
	 */
	private void check(Map<String, byte[]> resources, String userId) {
		DeploymentEntity deployment = deployment(resources);
		if (userId != null) {
			this.identityService.setAuthenticatedUserId(userId);
		}
		try {
			configuration().getCommandExecutorTxRequired().execute((context) -> {
				this.checks.check(deployment);
				return null;
			});
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	private static DeploymentEntity deployment(Map<String, byte[]> resources) {
		DeploymentEntity deployment = new DeploymentEntity();
		deployment.setName("checked-only");
		deployment.setNew(true);
		resources.forEach((name, bytes) -> {
			ResourceEntity resource = new ResourceEntity();
			resource.setName(name);
			resource.setBytes(bytes);
			deployment.addResource(resource);
		});
		return deployment;
	}

	private ProcessEngineConfigurationImpl configuration() {
		return (ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration();
	}

	/** The models the application deploys, by their resource names. */
	private static Map<String, byte[]> projectModels() {
		Map<String, byte[]> models = new LinkedHashMap<>();
		try {
			for (String pattern : List.of("classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn",
					"classpath*:forms/**/*.form")) {
				for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
					String url = resource.getURL().toString();
					String root = pattern.substring("classpath*:".length(), pattern.indexOf('/') + 1);
					try (InputStream in = resource.getInputStream()) {
						models.put(url.substring(url.lastIndexOf("/" + root) + 1), in.readAllBytes());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(models).containsKeys("bpmn/branch/BranchCampaignProcess.bpmn", "forms/branch/ReviewPledges.form");
		return models;
	}

	/** The first user task that links a form. */
	private static UserTask firstWithForm(BpmnModelInstance model) {
		return model.getModelElementsByType(UserTask.class)
			.stream()
			.filter((t) -> t.getCamundaFormRef() != null)
			.findFirst()
			.orElseThrow();
	}

	/**
	 * A condition right after a form: on a flow leaving an exclusive gateway that follows
	 * a user task with a form.
	 */
	private static SequenceFlow conditionAfterForm(BpmnModelInstance model) {
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			for (SequenceFlow out : task.getOutgoing()) {
				if (task.getCamundaFormRef() != null && out.getTarget() instanceof ExclusiveGateway gateway
						&& gateway.getIncoming().size() == 1) {
					for (SequenceFlow flow : gateway.getOutgoing()) {
						if (flow.getConditionExpression() != null && flow.getName() != null) {
							return flow;
						}
					}
				}
			}
		}
		throw new AssertionError("no condition after a form");
	}

	private static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance> T only(BpmnModelInstance model,
			Class<T> type) {
		assertThat(model.getModelElementsByType(type)).hasSize(1);
		return model.getModelElementsByType(type).iterator().next();
	}

	private static FormSchema reviewPledges() {
		return FormSchema.parse(text("forms/branch/ReviewPledges.form").getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A form (its classpath location or its text) with the component of a key edited.
	 */
	private static String editForm(String form, String key, Consumer<ObjectNode> edit) {
		JsonNode root = read(form.startsWith("{") ? form : text(form));
		ObjectNode component = component(root, key);
		assertThat(component).as(key).isNotNull();
		edit.accept(component);
		return root.toString();
	}

	private static ObjectNode component(JsonNode container, String key) {
		for (JsonNode component : container.path("components")) {
			if (key.equals(component.path("key").asText(null))) {
				return (ObjectNode) component;
			}
			ObjectNode nested = component(component, key);
			if (nested != null) {
				return nested;
			}
		}
		return null;
	}

	private static BpmnModelInstance bpmn(String path) {
		return Bpmn.readModelFromStream(new ByteArrayInputStream(text(path).getBytes(StandardCharsets.UTF_8)));
	}

	private static DmnModelInstance dmn(String path) {
		return Dmn.readModelFromStream(new ByteArrayInputStream(text(path).getBytes(StandardCharsets.UTF_8)));
	}

	private static String text(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static JsonNode read(String text) {
		try {
			return json.readTree(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
