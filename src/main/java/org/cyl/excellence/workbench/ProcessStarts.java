package org.cyl.excellence.workbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.cyl.excellence.security.EnginePerson;
import org.cyl.excellence.shared.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * What a person may launch from 工作台 — a campaign (CampaignProcess), a standing duty for a
 * committee's subtree — and the launch itself: the latest version of each process the
 * person may start (Camunda's CREATE_INSTANCE, as Tasklist's 发起流程 asks it) that has a
 * start form and is startable in Tasklist, its start form rendered like a task's, and its
 * values submitted as the person through the engine's {@code submitStartForm}, where the
 * same boundary as Tasklist's applies (only the start form's fields, no business key).
 */
@Service
class ProcessStarts {

	static final String NOT_STARTABLE = "没有这项可发起的工作，或你无权发起";

	private final RepositoryService repository;

	private final FormService forms;

	private final TaskService tasks;

	private final IdentityService identity;

	ProcessStarts(RepositoryService repository, FormService forms, TaskService tasks, IdentityService identity) {
		this.repository = repository;
		this.forms = forms;
		this.tasks = tasks;
		this.identity = identity;
	}

	/** A process the person may launch: its key and its name as people read it. */
	record Startable(String key, String name, String url) {
	}

	/** The processes the person may launch, by name. */
	List<Startable> of(EnginePerson person) {
		return person
			.run(this.identity,
					() -> this.repository.createProcessDefinitionQuery()
						.latestVersion()
						.active()
						.startableInTasklist()
						.startablePermissionCheck()
						.list())
			.stream()
			.filter(this::hasStartForm)
			.sorted(Comparator.comparing(ProcessDefinition::getKey))
			.map((d) -> new Startable(d.getKey(), (d.getName() != null) ? d.getName() : d.getKey(),
					"/processes/" + d.getKey() + "/start"))
			.toList();
	}

	/** The launch page of a process the person may launch; 404 for any other. */
	TaskDesk.TaskView view(String key, EnginePerson person) {
		ProcessDefinition definition = startable(key, person);
		String schema = person.run(this.identity,
				() -> TaskDesk.read(this.forms.getDeployedStartForm(definition.getId())));
		return new TaskDesk.TaskView(null, "发起：" + name(definition), null, null, null, null, false, List.of(), schema,
				"{}");
	}

	/**
	 * Launches the process with the start form's values, as the person: what comes next,
	 * or why not.
	 */
	Object start(String key, EnginePerson person, Map<String, Object> values) {
		ProcessDefinition definition = startable(key, person);
		FormSchema schema = person.run(this.identity,
				() -> new FormSchema(TaskDesk.read(this.forms.getDeployedStartForm(definition.getId()))));
		VariableMap variables = Variables.createVariables();
		for (Map.Entry<String, Object> e : values.entrySet()) {
			Object value = e.getValue();
			if (value instanceof Map || value instanceof List) {
				variables.putValueTyped(e.getKey(), SpinValues.jsonValue(TaskDesk.write(value)).create());
			}
			else {
				variables.put(e.getKey(), value);
			}
		}
		ProcessInstance instance;
		try {
			instance = person.run(this.identity, () -> this.forms.submitStartForm(definition.getId(), variables));
		}
		catch (RuntimeException ex) {
			TaskDesk.Refusal refusal = TaskDesk.refusal(ex);
			if (refusal == null) {
				throw ex;
			}
			if (refusal.status() == 410) {
				refusal = new TaskDesk.Refusal(404, NOT_STARTABLE, null);
			}
			return new TaskDesk.Refusal(refusal.status(), refusal.message(), schema.fieldOf(refusal.message(), values));
		}
		return next(definition, instance, person);
	}

	private TaskDesk.Outcome next(ProcessDefinition definition, ProcessInstance instance, EnginePerson person) {
		List<Map<String, String>> mine = new ArrayList<>();
		for (Task t : person.run(this.identity,
				() -> this.tasks.createTaskQuery().processInstanceId(instance.getId()).active().list())) {
			mine.add(Map.of("id", t.getId(), "name", t.getName()));
		}
		String launched = "已发起“" + name(definition) + "”。";
		if (!mine.isEmpty()) {
			return new TaskDesk.Outcome(
					launched + "下一步：你的待办“" + String.join("”“", mine.stream().map((m) -> m.get("name")).toList()) + "”。",
					mine);
		}
		Set<String> steps = firstSteps(definition);
		return new TaskDesk.Outcome(
				launched + (steps.isEmpty() ? "流程将自动继续。" : "下一步：" + String.join("或", steps) + "（由相关组织办理，届时会出现在其待办中）。"),
				mine);
	}

	/** The user tasks the model reaches first from its start event. */
	private Set<String> firstSteps(ProcessDefinition definition) {
		BpmnModelInstance model = this.repository.getBpmnModelInstance(definition.getId());
		Set<String> names = new LinkedHashSet<>();
		List<FlowNode> queue = new ArrayList<>();
		Map<String, Boolean> seen = new LinkedHashMap<>();
		for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
			if (start.getParentElement() == model.getModelElementById(definition.getKey())) {
				queue.add(start);
			}
		}
		for (int i = 0; i < queue.size() && i < 50; i++) {
			FlowNode node = queue.get(i);
			if (seen.put(node.getId(), true) != null) {
				continue;
			}
			if (node instanceof UserTask task && task.getName() != null) {
				names.add(task.getName());
				continue;
			}
			for (SequenceFlow flow : node.getOutgoing()) {
				queue.add(flow.getTarget());
			}
		}
		return names;
	}

	private ProcessDefinition startable(String key, EnginePerson person) {
		if (key == null || !key.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
			throw new NotFoundException(NOT_STARTABLE);
		}
		ProcessDefinition definition = person.run(this.identity,
				() -> this.repository.createProcessDefinitionQuery()
					.processDefinitionKey(key)
					.latestVersion()
					.active()
					.startableInTasklist()
					.startablePermissionCheck()
					.singleResult());
		if (definition == null || !hasStartForm(definition)) {
			throw new NotFoundException(NOT_STARTABLE);
		}
		return definition;
	}

	/**
	 * Whether the process starts with a form (a Camunda Form's {@code formRef} or a form
	 * key): those started by the application itself have none.
	 */
	private boolean hasStartForm(ProcessDefinition definition) {
		StartFormData form = this.forms.getStartFormData(definition.getId());
		return form != null && (form.getCamundaFormRef() != null || form.getFormKey() != null);
	}

	private static String name(ProcessDefinition definition) {
		return (definition.getName() != null) ? definition.getName() : definition.getKey();
	}

}
