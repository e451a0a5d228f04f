package org.cyl.excellence.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javax.xml.transform.dom.DOMSource;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.cyl.excellence.engine.DeploymentModels.BpmnFile;
import org.cyl.excellence.engine.DeploymentModels.DmnFile;
import org.cyl.excellence.engine.DeploymentModels.FormFile;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;

/**
 * Checks every new deployment before the engine accepts it — an administrator's from
 * Camunda Modeler ({@code POST /engine-rest/deployment/create}) and the application's own
 * at start (ModelDeployment) alike: a pre-deployer, so a refusal rolls the deploying
 * command back and nothing is deployed. A refusal is a {@link BadUserRequestException}
 * with a Chinese message naming the file, the element (name and id) and what is missing;
 * the REST API answers it with 400 (FormValidationExceptionMapper). All problems of a
 * deployment are named at once. The rules, for the models of this project, whose links
 * are all bound {@code latest} — a process finds the latest form, decision and called
 * process, whichever deployment brought it:
 * <ol>
 * <li><b>Links lead somewhere, bound latest.</b> A user task's or start event's
 * {@code camunda:formRef}, a business rule task's {@code camunda:decisionRef} and a call
 * activity's {@code calledElement} name a form, decision or process of this deployment or
 * one already deployed (an expression {@code ${…}} is not judged). Their binding is
 * {@code latest} or absent — never {@code deployment}, {@code version} or
 * {@code versionTag}: one rule for all links.</li>
 * <li><b>A form keeps what the version in force submits.</b> A form replacing a deployed
 * one (same {@code id}) keeps every field the version in force submits, with its key
 * (processes and their Java listeners read it), its kind of value (text fields and areas
 * are interchangeable, a select and a radio group too; a number stays a number, a
 * checkbox a checkbox, a date a date), its fixed choices ({@code values}: the labels may
 * change, the values on which gateways route may not), and its being required. Fields may
 * be added.</li>
 * <li><b>What a gateway reads after a form has a source.</b> For each user task or start
 * event with a form, every variable a condition reads on a flow leaving it, or leaving an
 * exclusive gateway right after it, is a field of that form, or something the process
 * itself writes (a {@code camunda:resultVariable}, an input or output parameter, a
 * multi-instance element variable, a call activity's {@code camunda:out} target, a field
 * of any form of the process), or was read at the same place (the same task id) by the
 * version in force and not taken from its form there: its listeners compute it (linking
 * another form that lacks a field the old one had is refused). The application's own
 * deployment (nobody logged in deploys it) brings the Java code it runs: there a variable
 * read after a task with a {@code complete} listener may be that listener's.</li>
 * <li><b>A decision keeps its callers working.</b> A DMN decision replacing a deployed
 * one reads, in its input expressions, only variables the version in force read — its
 * callers, the business rule tasks and the Java code that evaluate it by key, provide
 * exactly those — and keeps every output the version in force had (callers read them by
 * name); a decision with a single output keeps a single output (a
 * {@code mapDecisionResult="singleEntry"} caller takes its value). A process of the
 * deployment that maps a decision's result with {@code singleResult} into
 * {@code resultVariable} x reads as {@code x.name} only outputs of that decision; with
 * {@code singleEntry} or {@code collectEntries}, the decision has a single output.</li>
 * </ol>
 * Rules 2 and 4 compare with the version in force, and so judge administrators' edits
 * only: a release of the application brings its forms and tables with the code that reads
 * them (its tests prove they fit), and supersedes what an administrator deployed of the
 * same key — an administrator's added field must not stop a release from starting.
 * <p>
 * Only new deployments are judged: the engine runs its deployers again when its cache
 * parses an old one.
 */
@Component
public class DeploymentChecks extends AbstractProcessEnginePlugin {

	static final String LATEST = "本系统的引用一律绑定“latest（最新版本）”，请删去绑定或改为 latest";

	private static final String CAMUNDA = BpmnModelConstants.CAMUNDA_NS;

	/** A deployment's problems named in one message, at most these many. */
	private static final int NAMED = 10;

	private final BeanFactory beans;

	/** The pre-deployer: new deployments only. */
	final Deployer deployer = (deployment) -> {
		if (deployment.isNew()) {
			check(deployment);
		}
	};

	DeploymentChecks(BeanFactory beans) {
		this.beans = beans;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> deployers = new ArrayList<>();
		if (configuration.getCustomPreDeployers() != null) {
			deployers.addAll(configuration.getCustomPreDeployers());
		}
		deployers.add(this.deployer);
		configuration.setCustomPreDeployers(deployers);
	}

	/**
	 * Judges a deployment within the deploying command.
	 * @throws BadUserRequestException naming its problems
	 */
	void check(DeploymentEntity deployment) {
		CommandContext context = Context.getCommandContext();
		DeploymentModels models = new DeploymentModels(deployment, context);
		boolean byApplication = context.getAuthenticatedUserId() == null;
		Set<String> found = new LinkedHashSet<>();
		Consumer<String> problem = found::add;
		for (BpmnFile file : models.processes()) {
			links(file, models, problem);
		}
		if (!byApplication) {
			for (FormFile form : models.forms()) {
				formKeepsItsFields(form, models, problem);
			}
		}
		for (BpmnFile file : models.processes()) {
			for (Process process : file.model().getModelElementsByType(Process.class)) {
				conditionsAfterForms(file, process, models, byApplication, problem);
				decisionResults(file, process, models, problem);
			}
		}
		if (!byApplication) {
			for (DmnFile file : models.decisions()) {
				for (Decision decision : file.model().getModelElementsByType(Decision.class)) {
					decisionKeepsItsCallers(file, decision, models, problem);
				}
			}
		}
		List<String> problems = List.copyOf(found);
		if (problems.size() == 1) {
			throw new BadUserRequestException(problems.get(0));
		}
		if (!problems.isEmpty()) {
			StringBuilder message = new StringBuilder("部署未被接受，共 " + problems.size() + " 处问题：");
			for (int i = 0; i < Math.min(NAMED, problems.size()); i++) {
				message.append("\n").append(i + 1).append(". ").append(problems.get(i));
			}
			throw new BadUserRequestException(message.toString());
		}
	}

	/** Rule 1: forms, decisions and called processes exist; bound latest. */
	private void links(BpmnFile file, DeploymentModels models, Consumer<String> problems) {
		BpmnModelInstance model = file.model();
		List<FlowNode> withForms = new ArrayList<>(model.getModelElementsByType(UserTask.class));
		withForms.addAll(model.getModelElementsByType(StartEvent.class));
		for (FlowNode node : withForms) {
			String ref = formRef(node);
			if (ref != null) {
				link(file, node, "表单", ref, node.getAttributeValueNs(CAMUNDA, "formRefBinding"),
						() -> models.form(ref) != null, problems);
			}
		}
		for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
			String ref = task.getCamundaDecisionRef();
			if (ref != null) {
				link(file, task, "决策", ref, task.getCamundaDecisionRefBinding(), () -> models.decision(ref) != null,
						problems);
			}
		}
		for (CallActivity activity : model.getModelElementsByType(CallActivity.class)) {
			String ref = activity.getCalledElement();
			if (ref != null) {
				link(file, activity, "流程", ref, activity.getCamundaCalledElementBinding(), () -> models.hasProcess(ref),
						problems);
			}
		}
	}

	private static void link(BpmnFile file, BaseElement element, String what, String ref, String binding,
			BooleanSupplier exists, Consumer<String> problems) {
		if (binding != null && !binding.equals("latest")) {
			problems.accept(where(file, element) + "引用" + what + "“" + ref + "”时绑定“" + binding + "”：" + LATEST);
		}
		if (!expression(ref) && !exists.getAsBoolean()) {
			problems.accept(where(file, element) + "引用的" + what + "“" + ref + "”不存在：既不在本次部署中，也未曾部署");
		}
	}

	/** Rule 2: a form keeps the fields of the version in force. */
	private static void formKeepsItsFields(FormFile form, DeploymentModels models, Consumer<String> problems) {
		String id = form.schema().id();
		FormSchema inForce = (id != null) ? models.formInForce(id) : null;
		if (inForce == null) {
			return;
		}
		String where = "“" + form.resource() + "”（表单“" + id + "”）";
		for (FormSchema.Field old : inForce.fields()) {
			FormSchema.Field now = form.schema().field(old.key());
			if (now == null) {
				problems.accept(where + "缺少现行版本提交的字段" + old.named() + "：流程和程序读取它，不能删除、改名或设为只读");
				continue;
			}
			if (!now.kind().equals(old.kind())) {
				problems.accept(where + "的字段" + old.named() + "由“" + old.kind() + "”改为“" + now.kind()
						+ "”：流程和程序按现行版本的类型读取它，值的类型须保持不变");
			}
			if (!old.values().isEmpty() && !now.values().equals(old.values())) {
				problems.accept(where + "的字段" + old.named() + "的选项值由 " + old.values() + " 改为 " + now.values()
						+ "：网关和程序按这些值判断，选项的值须保持不变（显示的文字可以改）");
			}
			if (old.required() && !now.required()) {
				problems.accept(where + "的字段" + old.named() + "不再必填：现行版本要求填写，流程和程序依赖它");
			}
		}
	}

	/** Rule 3: what conditions read after a form has a source. */
	private void conditionsAfterForms(BpmnFile file, Process process, DeploymentModels models, boolean byApplication,
			Consumer<String> problems) {
		Set<String> written = writes(file.model(), process.getId());
		List<FlowNode> withForms = new ArrayList<>();
		for (FlowNode node : nodesOf(process, FlowNode.class)) {
			String ref = formRef(node);
			if (ref != null && !expression(ref)) {
				withForms.add(node);
				FormSchema form = models.form(ref);
				if (form != null) {
					written.addAll(form.variables());
				}
			}
		}
		Process inForce = models.processInForce(process.getId());
		for (FlowNode node : withForms) {
			FormSchema form = models.form(formRef(node));
			if (form == null) {
				continue; // rule 1 names it
			}
			Set<String> readBefore = readBefore(inForce, node.getId(), models);
			boolean listener = byApplication && hasCompleteListener(node);
			for (SequenceFlow flow : flowsAfter(node)) {
				for (String variable : reads(flow)) {
					if (!written.contains(variable) && !readBefore.contains(variable) && !listener) {
						problems.accept(where(file, node) + "之后的条件（" + named(flow) + "）读取变量“" + variable + "”：它不是表单“"
								+ form.id() + "”的字段，流程中也没有写入它的地方，现行版本在此处也未读取它");
					}
				}
			}
		}
	}

	/**
	 * What the version in force read after the same node, but did not take from that
	 * node's form in force: what its listeners compute. (A form's field stays a form's
	 * field: linking another form without it is no listener's business.)
	 */
	private Set<String> readBefore(Process inForce, String nodeId, DeploymentModels models) {
		Set<String> read = new LinkedHashSet<>();
		if (inForce != null && inForce.getModelInstance().getModelElementById(nodeId) instanceof FlowNode old
				&& processOf(old) == inForce) {
			for (SequenceFlow flow : flowsAfter(old)) {
				read.addAll(reads(flow));
			}
			String ref = formRef(old);
			FormSchema form = (ref != null && !expression(ref)) ? models.formInForce(ref) : null;
			if (form != null) {
				read.removeAll(form.variables());
			}
		}
		return read;
	}

	/** Rule 4, the process's side: what it reads of a decision's result exists. */
	private static void decisionResults(BpmnFile file, Process process, DeploymentModels models,
			Consumer<String> problems) {
		for (BusinessRuleTask task : nodesOf(process, BusinessRuleTask.class)) {
			String ref = task.getCamundaDecisionRef();
			Decision decision = (ref != null && !expression(ref)) ? models.decision(ref) : null;
			if (decision == null) {
				continue;
			}
			Set<String> outputs = outputs(decision);
			String mapping = task.getCamundaMapDecisionResult();
			String variable = task.getCamundaResultVariable();
			if ("singleResult".equals(mapping) && variable != null) {
				for (String property : ExpressionReads.properties(expressions(file.model(), process.getId()),
						variable)) {
					if (!outputs.contains(property)) {
						problems.accept("“" + file.resource() + "”的流程" + named(process) + "读取“" + variable + "."
								+ property + "”，但" + element(task) + "调用的决策“" + ref + "”没有输出“" + property + "”（它的输出："
								+ String.join("、", outputs) + "）");
					}
				}
			}
			if (("singleEntry".equals(mapping) || "collectEntries".equals(mapping)) && outputs.size() != 1) {
				problems.accept(where(file, task) + "按单个输出（" + mapping + "）取决策“" + ref + "”的结果，但该决策有 " + outputs.size()
						+ " 个输出");
			}
		}
	}

	/** Rule 4, the decision's side: its callers find what they provide and read. */
	private static void decisionKeepsItsCallers(DmnFile file, Decision decision, DeploymentModels models,
			Consumer<String> problems) {
		Decision inForce = models.decisionInForce(decision.getId());
		if (inForce == null) {
			return;
		}
		String where = "“" + file.resource() + "”的决策" + named(decision.getName(), decision.getId());
		Set<String> readBefore = new LinkedHashSet<>();
		for (Input input : inputs(inForce)) {
			readBefore.addAll(ExpressionReads.feel(inputExpression(input)));
		}
		readBefore.addAll(requiredOutputs(inForce));
		Set<String> provided = requiredOutputs(decision);
		for (Input input : inputs(decision)) {
			for (String variable : ExpressionReads.feel(inputExpression(input))) {
				if (!readBefore.contains(variable) && !provided.contains(variable)) {
					problems.accept(where + "的输入" + named(input.getLabel(), input.getId()) + "读取变量“" + variable
							+ "”：现行版本不读取它，调用者（流程的业务规则任务或程序）不提供它");
				}
			}
		}
		Set<String> outputs = outputs(decision);
		Set<String> outputsBefore = outputs(inForce);
		for (String output : outputsBefore) {
			if (!outputs.contains(output)) {
				problems.accept(where + "缺少现行版本的输出“" + output + "”：调用者按名称读取它，不能删除或改名");
			}
		}
		if (outputsBefore.size() == 1 && outputs.size() > 1) {
			problems.accept(where + "现行版本只有一个输出“" + outputsBefore.iterator().next() + "”，新版本有 " + outputs.size()
					+ " 个：按单个输出取结果（singleEntry）的调用者会失败");
		}
	}

	/**
	 * The flows whose conditions decide right after a node: those leaving it, and those
	 * leaving an exclusive gateway it leads to.
	 */
	private static List<SequenceFlow> flowsAfter(FlowNode node) {
		List<SequenceFlow> flows = new ArrayList<>();
		for (SequenceFlow flow : node.getOutgoing()) {
			flows.add(flow);
			if (flow.getTarget() instanceof ExclusiveGateway gateway) {
				flows.addAll(gateway.getOutgoing());
			}
		}
		return flows;
	}

	/** The variables a flow's condition reads (Spring beans are no variables). */
	private Set<String> reads(SequenceFlow flow) {
		ConditionExpression condition = flow.getConditionExpression();
		if (condition == null || (condition.getLanguage() != null && !condition.getLanguage().isBlank())) {
			return Set.of();
		}
		Predicate<String> bean = this.beans::containsBean;
		return ExpressionReads.juel(condition.getTextContent(), bean);
	}

	/**
	 * What a process writes besides its forms: result variables, input and output
	 * parameters, multi-instance element variables, call activities' out targets.
	 */
	private static Set<String> writes(BpmnModelInstance model, String processId) {
		Set<String> writes = new LinkedHashSet<>();
		walk(model, processId, (element) -> {
			for (String attribute : List.of("resultVariable", "elementVariable")) {
				String value = element.getAttributeNS(CAMUNDA, attribute);
				if (!value.isEmpty()) {
					writes.add(value);
				}
			}
			if (CAMUNDA.equals(element.getNamespaceURI())) {
				switch (element.getLocalName()) {
					case "inputParameter", "outputParameter" -> writes.add(element.getAttribute("name"));
					case "out" -> writes.add(element.getAttribute("target"));
					default -> {
					}
				}
			}
		});
		writes.remove("");
		return writes;
	}

	/** Every attribute value and text of a process, where its expressions are. */
	private static String expressions(BpmnModelInstance model, String processId) {
		StringBuilder text = new StringBuilder();
		walk(model, processId, (element) -> {
			NamedNodeMap attributes = element.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				text.append(attributes.item(i).getNodeValue()).append('\n');
			}
			for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
					text.append(child.getNodeValue()).append('\n');
				}
			}
		});
		return text.toString();
	}

	/** Visits the XML elements of a process, the process's own included. */
	private static void walk(BpmnModelInstance model, String processId, Consumer<Element> visit) {
		Node document = ((DOMSource) model.getDocument().getDomSource()).getNode();
		Element root = (document instanceof org.w3c.dom.Document d) ? d.getDocumentElement() : (Element) document;
		for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element process && "process".equals(process.getLocalName())
					&& processId.equals(process.getAttribute("id"))) {
				visitAll(process, visit);
			}
		}
	}

	private static void visitAll(Element element, Consumer<Element> visit) {
		visit.accept(element);
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element nested) {
				visitAll(nested, visit);
			}
		}
	}

	private static <T extends ModelElementInstance> List<T> nodesOf(Process process, Class<T> type) {
		List<T> nodes = new ArrayList<>();
		for (T node : process.getModelInstance().getModelElementsByType(type)) {
			if (processOf(node) == process) {
				nodes.add(node);
			}
		}
		return nodes;
	}

	private static Process processOf(ModelElementInstance element) {
		for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
			if (e instanceof Process process) {
				return process;
			}
		}
		return null;
	}

	private static boolean hasCompleteListener(FlowNode node) {
		return node.getExtensionElements() != null && node.getExtensionElements()
			.getElementsQuery()
			.filterByType(CamundaTaskListener.class)
			.list()
			.stream()
			.anyMatch((listener) -> "complete".equals(listener.getCamundaEvent()));
	}

	private static String formRef(FlowNode node) {
		return (node instanceof UserTask || node instanceof StartEvent) ? node.getAttributeValueNs(CAMUNDA, "formRef")
				: null;
	}

	private static boolean expression(String ref) {
		return ref.contains("${") || ref.contains("#{");
	}

	private static Collection<Input> inputs(Decision decision) {
		return (decision.getExpression() instanceof DecisionTable table) ? table.getInputs() : List.of();
	}

	private static String inputExpression(Input input) {
		return (input.getInputExpression() != null && input.getInputExpression().getText() != null)
				? input.getInputExpression().getText().getTextContent() : null;
	}

	/** The names of a decision's outputs: its table's, or its literal expression's. */
	private static Set<String> outputs(Decision decision) {
		Set<String> outputs = new LinkedHashSet<>();
		if (decision.getExpression() instanceof DecisionTable table) {
			for (Output output : table.getOutputs()) {
				if (output.getName() != null) {
					outputs.add(output.getName());
				}
			}
		}
		else if (decision.getExpression() instanceof LiteralExpression && decision.getVariable() != null) {
			outputs.add(decision.getVariable().getName());
		}
		return outputs;
	}

	/** What the decisions a decision requires give it (a decision requirements graph). */
	private static Set<String> requiredOutputs(Decision decision) {
		Set<String> outputs = new TreeSet<>();
		for (InformationRequirement requirement : decision.getInformationRequirements()) {
			if (requirement.getRequiredDecision() != null) {
				outputs.addAll(outputs(requirement.getRequiredDecision()));
			}
		}
		return outputs;
	}

	/** “file”的用户任务“name”（id）. */
	private static String where(BpmnFile file, BaseElement element) {
		return "“" + file.resource() + "”的" + element(element);
	}

	private static String element(BaseElement element) {
		String kind = switch (element.getElementType().getTypeName()) {
			case "userTask" -> "用户任务";
			case "startEvent" -> "开始事件";
			case "businessRuleTask" -> "业务规则任务";
			case "callActivity" -> "调用活动";
			default -> "元素";
		};
		return kind + named(element.getAttributeValue("name"), element.getId());
	}

	private static String named(SequenceFlow flow) {
		return "顺序流" + named(flow.getName(), flow.getId());
	}

	private static String named(Process process) {
		return named(process.getName(), process.getId());
	}

	/** “name”（id）, or （id） without a name. */
	private static String named(String name, String id) {
		return ((name != null && !name.isBlank()) ? "“" + name + "”" : "") + "（" + id + "）";
	}

}
