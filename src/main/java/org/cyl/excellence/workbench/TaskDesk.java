package org.cyl.excellence.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.DateValue;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.cyl.excellence.security.EnginePerson;
import org.cyl.excellence.shared.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The task page's work with the engine. Finding the task and whom it is for is the
 * application's look-up; everything the person does — reading the form and its variables,
 * claiming, submitting — runs as the person ({@link EnginePerson}), so Camunda's
 * authorizations and {@code security/EngineBoundary} judge it exactly as they judge
 * Tasklist's {@code submit-form}.
 */
@Service
class TaskDesk {

	static final String NO_SUCH_TASK = "没有找到这个任务，或它不是你的任务";

	static final String TASK_DONE = "这个任务已经办结，无需再办";

	private static final ObjectMapper json = new ObjectMapper();

	private final TaskService tasks;

	private final FormService forms;

	private final HistoryService history;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final IdentityService identity;

	TaskDesk(TaskService tasks, FormService forms, HistoryService history, RuntimeService runtime,
			RepositoryService repository, IdentityService identity) {
		this.tasks = tasks;
		this.forms = forms;
		this.history = history;
		this.runtime = runtime;
		this.repository = repository;
		this.identity = identity;
	}

	/** What the page shows beside the form. */
	record TaskView(String id, String name, String organisation, String campaign, LocalDate due, Long daysLeft,
			boolean offered, List<TaskTools.Link> tools, String schema, String data) {

		public boolean overdue() {
			return this.daysLeft != null && this.daysLeft < 0;
		}

	}

	/** A refusal of a submission: the message, and the field it names (or null). */
	record Refusal(int status, String message, String field) {
	}

	/** After a submission: what happens next, and the person's own next tasks. */
	record Outcome(String message, List<Map<String, String>> next) {
	}

	/** The open task, if it is the person's or offered to them; else 404 or 410. */
	private Task task(String taskId, EnginePerson person, boolean[] offered) {
		Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			HistoricTaskInstance done = this.history.createHistoricTaskInstanceQuery()
				.taskId(taskId)
				.finished()
				.singleResult();
			if (done != null && person.userId().equals(done.getAssignee())) {
				throw new ResponseStatusException(HttpStatus.GONE, TASK_DONE);
			}
			throw new NotFoundException(NO_SUCH_TASK);
		}
		if (person.userId().equals(task.getAssignee())) {
			offered[0] = false;
			return task;
		}
		if (task.getAssignee() == null && isCandidate(task.getId(), person)) {
			offered[0] = true;
			return task;
		}
		throw new NotFoundException(NO_SUCH_TASK);
	}

	private boolean isCandidate(String taskId, EnginePerson person) {
		for (IdentityLink link : this.tasks.getIdentityLinksForTask(taskId)) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType())
					&& (person.userId().equals(link.getUserId()) || person.groups().contains(link.getGroupId()))) {
				return true;
			}
		}
		return false;
	}

	TaskView open(String taskId, EnginePerson person) {
		boolean[] offered = new boolean[1];
		Task task = task(taskId, person, offered);
		// as Tasklist: the deployed form and the task's form variables, read as the
		// person
		FormSchema schema = person.run(this.identity,
				() -> new FormSchema(read(this.forms.getDeployedTaskForm(taskId))));
		VariableMap variables = person.run(this.identity, () -> this.forms.getTaskFormVariables(taskId, null, false));
		Map<String, Object> local = this.tasks.getVariablesLocal(taskId, List.of("branchName", "campaignTitle"));
		Map<String, Object> processVariables = (task.getProcessInstanceId() == null) ? Map.of()
				: this.runtime.getVariables(task.getProcessInstanceId(), TaskTools.VARIABLES);
		LocalDate due = (task.getDueDate() == null) ? null
				: task.getDueDate().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
		Long daysLeft = (due == null) ? null : ChronoUnit.DAYS.between(LocalDate.now(), due);
		return new TaskView(task.getId(), task.getName(), (String) local.get("branchName"),
				(String) local.get("campaignTitle"), due, daysLeft, offered[0],
				TaskTools.of(task.getTaskDefinitionKey(), processVariables), schema.text(),
				write(data(schema, variables)));
	}

	/**
	 * The values the form starts with, as Tasklist gives them to form-js: each variable
	 * the form names, Json parsed, dates as text.
	 */
	static Map<String, Object> data(FormSchema schema, VariableMap variables) {
		Map<String, Object> data = new LinkedHashMap<>();
		for (String name : variables.keySet()) {
			if (!schema.names(name)) {
				continue;
			}
			TypedValue typed = variables.getValueTyped(name);
			if (typed instanceof JsonValue value) {
				try {
					data.put(name, json.readTree(value.getValueSerialized()));
				}
				catch (JsonProcessingException ex) {
					// not shown
				}
			}
			else if (typed instanceof DateValue value) {
				data.put(name, (value.getValue() == null) ? null
						: value.getValue().toInstant().atZone(ZoneId.systemDefault()).toLocalDate().toString());
			}
			else if (!(typed instanceof ObjectValue)) {
				data.put(name, typed.getValue());
			}
		}
		return data;
	}

	/** Two sample options for every field that takes its options from a variable. */
	static Map<String, Object> sampleOptions(FormSchema schema) {
		Map<String, Object> data = new LinkedHashMap<>();
		for (String key : schema.valuesKeys()) {
			data.put(key, List.of(Map.of("label", "示例选项一", "value", "sample1"),
					Map.of("label", "示例选项二", "value", "sample2")));
		}
		return data;
	}

	/** Claims an offered task for the person (the engine and the boundary judge it). */
	void claim(String taskId, EnginePerson person) {
		boolean[] offered = new boolean[1];
		task(taskId, person, offered);
		if (offered[0]) {
			person.run(this.identity, () -> {
				this.tasks.claim(taskId, person.userId());
				return null;
			});
		}
	}

	/**
	 * Submits the form's values as the person, as Tasklist's {@code submit-form} does:
	 * lists and objects as Json, the rest as they are. An offered task is claimed first.
	 */
	Object submit(String taskId, EnginePerson person, Map<String, Object> values) {
		boolean[] offered = new boolean[1];
		Task task = task(taskId, person, offered);
		FormSchema schema = person.run(this.identity,
				() -> new FormSchema(read(this.forms.getDeployedTaskForm(taskId))));
		VariableMap variables = Variables.createVariables();
		for (Map.Entry<String, Object> e : values.entrySet()) {
			Object value = e.getValue();
			if (value instanceof Map || value instanceof List) {
				variables.putValueTyped(e.getKey(), SpinValues.jsonValue(write(value)).create());
			}
			else {
				variables.put(e.getKey(), value);
			}
		}
		try {
			person.run(this.identity, () -> {
				if (offered[0]) {
					this.tasks.claim(taskId, person.userId());
				}
				this.forms.submitTaskForm(taskId, variables);
				return null;
			});
		}
		catch (RuntimeException ex) {
			Refusal refusal = refusal(ex);
			if (refusal == null) {
				throw ex;
			}
			Map<String, Object> known = new LinkedHashMap<>(values);
			known.putAll(this.tasks.createTaskQuery().taskId(taskId).singleResult() == null ? Map.of()
					: this.tasks.getVariables(taskId, List.of("item1", "item2", "item3", "item4", "item5")));
			return new Refusal(refusal.status(), refusal.message(), schema.fieldOf(refusal.message(), known));
		}
		return next(task, person);
	}

	/** What the engine's refusal means to the person; null for a real failure. */
	static Refusal refusal(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			boolean chinese = t.getMessage() != null && t.getMessage()
				.codePoints()
				.anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
			if (t instanceof org.camunda.bpm.engine.AuthorizationException) {
				return new Refusal(403, chinese ? t.getMessage() : "你没有权限办理这个任务", null);
			}
			if (t instanceof org.camunda.bpm.engine.BadUserRequestException && chinese) {
				return new Refusal(400, t.getMessage(), null);
			}
			if (t instanceof org.camunda.bpm.engine.exception.NullValueException
					|| t instanceof org.camunda.bpm.engine.exception.NotFoundException) {
				return new Refusal(410, TASK_DONE, null);
			}
			if (t instanceof org.camunda.bpm.engine.OptimisticLockingException) {
				return new Refusal(409, "这个任务刚被他人处理，请返回工作台刷新", null);
			}
			if (t instanceof org.camunda.bpm.engine.TaskAlreadyClaimedException) {
				return new Refusal(409, "这个任务已由他人认领", null);
			}
		}
		return null;
	}

	/**
	 * What comes next: the person's own new tasks in the same process, else the next
	 * steps of the model (the user tasks the flow reaches next).
	 */
	Outcome next(Task done, EnginePerson person) {
		List<Map<String, String>> mine = new ArrayList<>();
		if (done.getProcessInstanceId() != null) {
			List<Task> open = person.run(this.identity,
					() -> this.tasks.createTaskQuery().processInstanceId(done.getProcessInstanceId()).active().list());
			for (Task t : open) {
				if (!t.getId().equals(done.getId()) && (person.userId().equals(t.getAssignee())
						|| (t.getAssignee() == null && isCandidate(t.getId(), person)))) {
					mine.add(Map.of("id", t.getId(), "name", t.getName()));
				}
			}
		}
		if (!mine.isEmpty()) {
			return new Outcome(
					"已提交。下一步：你的待办“" + String.join("”“", mine.stream().map((m) -> m.get("name")).toList()) + "”。", mine);
		}
		Set<String> steps = nextSteps(done);
		if (!steps.isEmpty()) {
			return new Outcome("已提交。下一步：" + String.join("或", steps) + "（由相关组织办理，届时会出现在其待办中）。", mine);
		}
		return new Outcome("已提交。此事项已办结，流程将自动继续。", mine);
	}

	/** The names of the user tasks the model reaches next from the task. */
	Set<String> nextSteps(Task done) {
		Set<String> names = new LinkedHashSet<>();
		if (done.getProcessDefinitionId() == null) {
			return names;
		}
		BpmnModelInstance model = this.repository.getBpmnModelInstance(done.getProcessDefinitionId());
		FlowNode start = model.getModelElementById(done.getTaskDefinitionKey());
		if (start == null) {
			return names;
		}
		Deque<FlowNode> queue = new ArrayDeque<>();
		Set<String> seen = new HashSet<>();
		seen.add(start.getId());
		enqueueAfter(start, queue);
		int steps = 0;
		while (!queue.isEmpty() && steps++ < 50) {
			FlowNode node = queue.poll();
			if (!seen.add(node.getId())) {
				continue;
			}
			if (node instanceof UserTask task) {
				if (task.getName() != null) {
					names.add(task.getName());
				}
				continue;
			}
			if (node instanceof EndEvent && node.getParentElement() instanceof SubProcess sub) {
				enqueueAfter(sub, queue);
				continue;
			}
			enqueueAfter(node, queue);
		}
		return names;
	}

	private static void enqueueAfter(FlowNode node, Deque<FlowNode> queue) {
		for (SequenceFlow flow : node.getOutgoing()) {
			queue.add(flow.getTarget());
		}
	}

	/**
	 * The form of that id in the latest deployment that has it (the administrators'
	 * preview).
	 */
	FormSchema deployedForm(String formId) {
		for (org.camunda.bpm.engine.repository.Deployment deployment : this.repository.createDeploymentQuery()
			.orderByDeploymentTime()
			.desc()
			.listPage(0, 20)) {
			for (String name : this.repository.getDeploymentResourceNames(deployment.getId())) {
				if (name.endsWith(".form")) {
					String text = read(this.repository.getResourceAsStream(deployment.getId(), name));
					try {
						if (formId.equals(json.readTree(text).path("id").asText())) {
							return new FormSchema(text);
						}
					}
					catch (JsonProcessingException ex) {
						// not a form
					}
				}
			}
		}
		throw new NotFoundException("没有这个表单");
	}

	static String read(InputStream in) {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
