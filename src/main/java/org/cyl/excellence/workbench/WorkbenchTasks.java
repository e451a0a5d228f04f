package org.cyl.excellence.workbench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.cyl.excellence.engine.TaskListVariables;
import org.cyl.excellence.supervision.Notices;
import org.springframework.stereotype.Component;

/**
 * 待办 of 工作台: the person's tasks as the engine itself answers Tasklist's 全部待办 — assigned
 * to them, or offered to one of their groups (claimed by a colleague or not) — asked as
 * the person, so that the engine's authorization check applies; sorted by due date, the
 * first {@link #LIMIT} with the total.
 */
@Component
class WorkbenchTasks {

	/** How many tasks 工作台 lists; the total is counted. */
	static final int LIMIT = 50;

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	private final Notices notices;

	WorkbenchTasks(TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
			Notices notices) {
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.notices = notices;
	}

	/**
	 * A task as 工作台 lists it.
	 *
	 * @param organization the organisation whose work it is (the task's branchName)
	 * @param campaign the campaign (the task's campaignTitle)
	 * @param due the due day, or null
	 * @param dueText 还剩 N 天, 今天到期 or 已逾期 N 天; empty without a due date
	 * @param urged how often the task was urged (催办)
	 * @param claimedBy the colleague who claimed it, null when it is the person's or
	 * nobody's
	 * @param url the task's page
	 */
	record Todo(String id, String name, String organization, String campaign, LocalDate due, String dueText,
			boolean overdue, int urged, String claimedBy, String url) {
	}

	/** The first tasks and how many there are in all. */
	record Todos(List<Todo> items, long total) {
	}

	Todos of(String userId) {
		List<String> groups = this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		List<Task> tasks;
		long total;
		Authentication previous = this.identityService.getCurrentAuthentication();
		this.identityService.setAuthentication(userId, groups);
		try {
			TaskQuery query = query(userId, groups);
			total = query.count();
			tasks = query.listPage(0, LIMIT);
		}
		finally {
			if (previous != null) {
				this.identityService.setAuthentication(previous);
			}
			else {
				this.identityService.clearAuthentication();
			}
		}
		if (tasks.isEmpty()) {
			return new Todos(List.of(), total);
		}
		List<String> ids = tasks.stream().map(Task::getId).toList();
		Map<String, Map<String, Object>> variables = new HashMap<>();
		for (VariableInstance v : this.runtimeService.createVariableInstanceQuery()
			.taskIdIn(ids.toArray(String[]::new))
			.variableNameIn(TaskListVariables.NAMES.toArray(String[]::new))
			.disableCustomObjectDeserialization()
			.list()) {
			variables.computeIfAbsent(v.getTaskId(), (k) -> new HashMap<>()).put(v.getName(), v.getValue());
		}
		Map<String, Integer> urged = this.notices.urges(ids);
		LocalDate today = LocalDate.now();
		List<Todo> items = tasks.stream().map((t) -> {
			Map<String, Object> vars = variables.getOrDefault(t.getId(), Map.of());
			LocalDate due = (t.getDueDate() != null)
					? t.getDueDate().toInstant().atZone(ZoneId.systemDefault()).toLocalDate() : null;
			String claimedBy = (t.getAssignee() != null && !t.getAssignee().equals(userId)) ? t.getAssignee() : null;
			return new Todo(t.getId(), t.getName(), text(vars.get("branchName")), text(vars.get("campaignTitle")), due,
					dueText(due, today), due != null && due.isBefore(today), urged.getOrDefault(t.getId(), 0),
					claimedBy, "/tasks/" + t.getId());
		}).toList();
		return new Todos(items, total);
	}

	/**
	 * The query of Tasklist's 全部待办 for the person: assigned to them, or offered to one of
	 * their groups (includeAssignedTasks).
	 */
	private TaskQuery query(String userId, List<String> groups) {
		TaskQuery query = this.taskService.createTaskQuery();
		if (groups.isEmpty()) {
			query.taskAssignee(userId);
		}
		else {
			query.or().taskAssignee(userId).taskCandidateGroupIn(groups).includeAssignedTasks().endOr();
		}
		return query.orderByDueDate().asc().orderByTaskCreateTime().asc();
	}

	static String dueText(LocalDate due, LocalDate today) {
		if (due == null) {
			return "";
		}
		long days = ChronoUnit.DAYS.between(today, due);
		if (days > 0) {
			return "还剩 " + days + " 天";
		}
		return (days == 0) ? "今天到期" : "已逾期 " + (-days) + " 天";
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

}
