package org.cyl.excellence.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.OrganizationType;
import org.cyl.excellence.supervision.SupervisionRepository.UnsignedPledge;
import org.cyl.excellence.supervision.SupervisionRepository.UrgeSummary;
import org.cyl.excellence.supervision.TaskPlaces.PlacedTask;
import org.cyl.excellence.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * The overdue list (督查清单) of a committee, for {@link SupervisionController}: every open
 * task past its due date in the committee's subtree, read from the engine when asked (so
 * that a task done or a due date moved shows at once), and the members recorded as not
 * having signed their pledge in time.
 */
@Service
class OverdueList {

	private static final Set<OrganizationType> SUPERVISING = Set.of(OrganizationType.HIGHER_COMMITTEE,
			OrganizationType.COMMITTEE, OrganizationType.GENERAL_BRANCH);

	private final TaskService taskService;

	private final TaskPlaces places;

	private final OrganizationDirectory organizations;

	private final SupervisionRepository repository;

	private final Clock clock;

	OverdueList(TaskService taskService, TaskPlaces places, OrganizationDirectory organizations,
			SupervisionRepository repository) {
		this.taskService = taskService;
		this.places = places;
		this.organizations = organizations;
		this.repository = repository;
		this.clock = Clock.systemDefaultZone();
	}

	/**
	 * One overdue task: where, what, who (the assignee, else the candidate groups), due
	 * when, how many calendar days late, how often urged, and whether the reader may urge
	 * it.
	 */
	record OverdueTask(String taskId, String taskName, String orgCode, String organization, String campaignId,
			String assignee, List<String> candidateGroups, String people, LocalDateTime dueDate, long daysOverdue,
			int urges, LocalDateTime lastUrgedAt, boolean mayUrge) {
	}

	record Overdue(String committeeCode, String committee, LocalDateTime asOf, List<OverdueTask> tasks,
			List<UnsignedPledge> unsignedPledges) {
	}

	Overdue of(String committeeCode, Authentication reader) {
		Organization committee = supervised(committeeCode, reader, "督查清单");
		Date now = Date.from(this.clock.instant());
		TaskPlaces.Tree tree = this.places.tree();
		List<PlacedTask> placed = new ArrayList<>();
		for (Task task : this.taskService.createTaskQuery().dueBefore(now).orderByDueDate().asc().list()) {
			this.places.place(task, tree)
				.filter((p) -> tree.within(p.org().code(), committeeCode))
				.ifPresent(placed::add);
		}
		Map<String, UrgeSummary> urges = this.repository.urgesOf(placed.stream().map((p) -> p.task().getId()).toList());
		List<OverdueTask> tasks = new ArrayList<>();
		for (PlacedTask p : placed) {
			Task task = p.task();
			List<String> groups = (task.getAssignee() != null) ? List.of() : this.places.candidateGroups(task);
			String people = (task.getAssignee() != null) ? this.places.displayName(task.getAssignee())
					: String.join("、", groups.stream().map(this.places::groupName).toList());
			UrgeSummary urged = urges.get(task.getId());
			tasks.add(new OverdueTask(task.getId(), task.getName(), p.org().code(), p.org().name(), p.campaignId(),
					task.getAssignee(), groups, people, local(task.getDueDate()), daysOverdue(task.getDueDate()),
					(urged != null) ? urged.count() : 0, (urged != null) ? urged.lastUrgedAt() : null,
					this.places.mayUrge(reader.getName(), p, tree)));
		}
		return new Overdue(committee.code(), committee.name(), LocalDateTime.now(this.clock), tasks,
				this.repository.unsignedPledges(this.organizations.branchesBelow(committeeCode)));
	}

	/**
	 * The committee (团委 or 团总支) whose supervision {@code what} the reader asks for: 404
	 * for an unknown one, 403 unless the reader is one of its role holders, those of the
	 * committees above it, its Party organisation's reviewers, a manager or an
	 * administrator.
	 */
	Organization supervised(String committeeCode, Authentication reader, String what) {
		Organization committee = this.organizations.find(committeeCode)
			.filter((o) -> SUPERVISING.contains(o.type()))
			.orElseThrow(() -> new NotFoundException("没有这个团委或团总支：" + committeeCode));
		if (!this.organizations.maySee(reader, committee)) {
			throw new AccessDeniedException(what + "只对本级及上级团委、管理者开放");
		}
		return committee;
	}

	/** Calendar days since the due date; a task overdue since today counts one day. */
	long daysOverdue(Date due) {
		LocalDate dueDay = LocalDate.ofInstant(due.toInstant(), this.clock.getZone());
		return Math.max(1, ChronoUnit.DAYS.between(dueDay, LocalDate.now(this.clock)));
	}

	static LocalDateTime local(Date date) {
		return (date != null) ? LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault()) : null;
	}

}
