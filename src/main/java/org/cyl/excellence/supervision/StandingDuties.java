package org.cyl.excellence.supervision;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.organization.Organization;

import org.springframework.stereotype.Component;

/**
 * Where the standing duties (团员教育评议, 推优入党, 双向述职评议) stand in a committee's subtree, read
 * from the engine: for each duty's per-organisation process, every running instance with
 * the step it is at (its open task, else the activity it waits in), due when and whether
 * overdue, and the instances finished in a period. An instance belongs where its
 * {@code branchCode} (else {@code orgCode}) variable says, as supervision places tasks
 * ({@link TaskPlaces}). For the bulletin ({@link Bulletin}) and the duties page
 * ({@code /supervision/{committee}/duties}).
 */
@Component
class StandingDuties {

	/** The per-organisation processes of the standing duties, in the order shown. */
	static final List<String> PROCESSES = List.of("BranchMemberAppraisalProcess", "BranchPartyRecommendationProcess",
			"SecretaryDutyReportProcess");

	private static final List<String> PLACE_VARIABLES = List.of("branchCode", "orgCode");

	/** How many instance ids one query names. */
	private static final int IDS_PER_QUERY = 500;

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final HistoryService history;

	StandingDuties(RepositoryService repository, RuntimeService runtime, TaskService tasks, HistoryService history) {
		this.repository = repository;
		this.runtime = runtime;
		this.tasks = tasks;
		this.history = history;
	}

	/** An organisation's part in a duty: the step it is at, due when, overdue or not. */
	record Place(String orgCode, String organization, String step, LocalDateTime due, boolean overdue) {
	}

	/**
	 * One duty in the subtree: how many organisations are at it, at which steps, how many
	 * of their tasks are overdue, how many finished in the period, and each organisation.
	 */
	record Duty(String key, String name, int running, Map<String, Integer> steps, int overdue, int finishedInPeriod,
			List<Place> places) {

		/**
		 * The figures without the organisations (the bulletin lists its branches apart).
		 */
		Duty figures() {
			return new Duty(this.key, this.name, this.running, this.steps, this.overdue, this.finishedInPeriod,
					List.of());
		}

		/** 团员教育评议：进行中3个（自我评价2个，…），本期完成1个，逾期任务0项. */
		public String sentence() {
			return this.name + "：进行中" + this.running + "个" + BulletinPdf.stages(this.steps) + "，本期完成"
					+ this.finishedInPeriod + "个，逾期任务" + this.overdue + "项";
		}

	}

	/**
	 * Every duty of {@link #PROCESSES} that is deployed, in the subtree of the committee.
	 */
	List<Duty> in(String committeeCode, Date from, Date to, TaskPlaces.Tree tree) {
		return in(PROCESSES, committeeCode, from, to, tree);
	}

	/**
	 * The duties of these process keys (those deployed) in the subtree of the committee.
	 */
	List<Duty> in(List<String> processes, String committeeCode, Date from, Date to, TaskPlaces.Tree tree) {
		Map<String, String> names = new LinkedHashMap<>();
		Map<String, String> keyOfDefinition = new HashMap<>();
		for (ProcessDefinition d : this.repository.createProcessDefinitionQuery()
			.processDefinitionKeysIn(processes.toArray(String[]::new))
			.list()) {
			keyOfDefinition.put(d.getId(), d.getKey());
		}
		for (String key : processes) {
			ProcessDefinition latest = this.repository.createProcessDefinitionQuery()
				.processDefinitionKey(key)
				.latestVersion()
				.singleResult();
			if (latest != null) {
				names.put(key, (latest.getName() != null) ? latest.getName() : key);
			}
		}
		if (names.isEmpty()) {
			return List.of();
		}
		String[] keys = names.keySet().toArray(String[]::new);
		Date now = new Date();

		List<ProcessInstance> running = this.runtime.createProcessInstanceQuery().processDefinitionKeyIn(keys).list();
		Map<String, String> placeOf = runningPlaces(running.stream().map(ProcessInstance::getId).toList());
		Map<ProcessInstance, Organization> inSubtree = new LinkedHashMap<>();
		for (ProcessInstance instance : running) {
			Optional<Organization> org = Optional.ofNullable(placeOf.get(instance.getId())).flatMap(tree::get);
			if (org.isPresent() && tree.within(org.get().code(), committeeCode)) {
				inSubtree.put(instance, org.get());
			}
		}
		// the open tasks of the subtree's instances only, not of the province's (a duty
		// with a task per member has hundreds of thousands of them)
		Map<String, List<Task>> open = openTasks(inSubtree.keySet().stream().map(ProcessInstance::getId).toList());

		Map<String, List<Place>> places = new LinkedHashMap<>();
		Map<String, Map<String, Integer>> steps = new LinkedHashMap<>();
		Map<String, Integer> overdue = new HashMap<>();
		for (Map.Entry<ProcessInstance, Organization> entry : inSubtree.entrySet()) {
			ProcessInstance instance = entry.getKey();
			Organization org = entry.getValue();
			String key = keyOfDefinition.get(instance.getProcessDefinitionId());
			List<Task> its = open.getOrDefault(instance.getId(), List.of());
			String step;
			Date due = null;
			boolean late = false;
			if (its.isEmpty()) {
				step = waitingIn(instance.getId());
			}
			else {
				step = String.join("、", its.stream().map(Task::getName).distinct().toList());
				due = its.stream().map(Task::getDueDate).filter((d) -> d != null).min(Date::compareTo).orElse(null);
				long lateTasks = its.stream()
					.filter((t) -> t.getDueDate() != null && t.getDueDate().before(now))
					.count();
				late = lateTasks > 0;
				overdue.merge(key, (int) lateTasks, Integer::sum);
			}
			places.computeIfAbsent(key, (k) -> new ArrayList<>())
				.add(new Place(org.code(), org.name(), step, local(due), late));
			steps.computeIfAbsent(key, (k) -> new LinkedHashMap<>()).merge(step, 1, Integer::sum);
		}

		Map<String, Integer> finished = new HashMap<>();
		List<HistoricProcessInstance> done = this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKeyIn(keys)
			.finishedAfter(from)
			.finishedBefore(to)
			.list();
		Map<String, String> donePlaces = finishedPlaces(done.stream().map(HistoricProcessInstance::getId).toList());
		for (HistoricProcessInstance instance : done) {
			String code = donePlaces.get(instance.getId());
			if (code != null && tree.get(code).isPresent() && tree.within(code, committeeCode)) {
				finished.merge(instance.getProcessDefinitionKey(), 1, Integer::sum);
			}
		}

		List<Duty> duties = new ArrayList<>();
		for (Map.Entry<String, String> duty : names.entrySet()) {
			String key = duty.getKey();
			List<Place> at = new ArrayList<>(places.getOrDefault(key, List.of()));
			at.sort(Comparator.comparing(Place::orgCode));
			duties.add(new Duty(key, duty.getValue(), at.size(), steps.getOrDefault(key, Map.of()),
					overdue.getOrDefault(key, 0), finished.getOrDefault(key, 0), at));
		}
		return duties;
	}

	/**
	 * The active tasks of these instances by instance, a few hundred instances per query.
	 */
	private Map<String, List<Task>> openTasks(List<String> ids) {
		Map<String, List<Task>> open = new HashMap<>();
		for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
			List<String> some = ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY));
			for (Task task : this.tasks.createTaskQuery()
				.processInstanceIdIn(some.toArray(String[]::new))
				.active()
				.orderByDueDate()
				.asc()
				.list()) {
				open.computeIfAbsent(task.getProcessInstanceId(), (id) -> new ArrayList<>()).add(task);
			}
		}
		return open;
	}

	/** Instance id → its organisation's code, a few hundred instances per query. */
	private Map<String, String> runningPlaces(List<String> ids) {
		Map<String, String> places = new HashMap<>();
		for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
			List<String> some = ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY));
			for (VariableInstance v : this.runtime.createVariableInstanceQuery()
				.variableNameIn(PLACE_VARIABLES.toArray(String[]::new))
				.processInstanceIdIn(some.toArray(String[]::new))
				.list()) {
				place(places, v.getProcessInstanceId(), v.getName(), v.getValue());
			}
		}
		return places;
	}

	private Map<String, String> finishedPlaces(List<String> ids) {
		Map<String, String> places = new HashMap<>();
		for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
			List<String> some = ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY));
			for (HistoricVariableInstance v : this.history.createHistoricVariableInstanceQuery()
				.variableNameIn(PLACE_VARIABLES.toArray(String[]::new))
				.processInstanceIdIn(some.toArray(String[]::new))
				.list()) {
				place(places, v.getProcessInstanceId(), v.getName(), v.getValue());
			}
		}
		return places;
	}

	/** {@code branchCode} wins over {@code orgCode}, as in {@link TaskPlaces}. */
	private static void place(Map<String, String> places, String instance, String name, Object value) {
		if (value == null) {
			return;
		}
		if ("branchCode".equals(name) || !places.containsKey(instance)) {
			places.put(instance, value.toString());
		}
	}

	/** The named activity a running instance without an open task waits in. */
	private String waitingIn(String instanceId) {
		return this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(instanceId)
			.unfinished()
			.orderByHistoricActivityInstanceStartTime()
			.desc()
			.list()
			.stream()
			.filter((a) -> a.getActivityName() != null && !a.getActivityType().startsWith("subProcess")
					&& !a.getActivityType().equals("multiInstanceBody"))
			.map(HistoricActivityInstance::getActivityName)
			.findFirst()
			.orElse("进行中");
	}

	private static LocalDateTime local(Date date) {
		return (date != null) ? LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault()) : null;
	}

}
