package org.cyl.excellence.supervision;

import org.cyl.excellence.campaign.Campaign;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.OrganizationType;
import org.cyl.excellence.organization.Role;

import org.springframework.stereotype.Component;

/**
 * Where an open task belongs in the organisation tree, who supervises it and who can do
 * it; used by {@link OverdueList} and {@link Urges}. The task's organisation is read from
 * its variables — {@code deedsBranch} (撰写事迹材料), {@code branchCode} (every task of
 * BranchCampaignProcess), {@code orgCode} (MassAppraisalProcess), {@code committeeCode} —
 * and else it is the committee of the task's campaign ({@code campaignId}).
 */
@Component
class TaskPlaces {

	/** The organisation types whose committee members (委员) supervise those below. */
	private static final Set<OrganizationType> COMMITTEES = Set.of(OrganizationType.HIGHER_COMMITTEE,
			OrganizationType.COMMITTEE, OrganizationType.GENERAL_BRANCH);

	private static final List<String> ORG_VARIABLES = List.of("deedsBranch", "branchCode", "orgCode", "committeeCode");

	private final TaskService taskService;

	private final IdentityService identityService;

	private final OrganizationDirectory organizations;

	private final Campaigns campaigns;

	TaskPlaces(TaskService taskService, IdentityService identityService, OrganizationDirectory organizations,
			Campaigns campaigns) {
		this.taskService = taskService;
		this.identityService = identityService;
		this.organizations = organizations;
		this.campaigns = campaigns;
	}

	/**
	 * An open task with its organisation and the committee that runs its campaign (null
	 * when the task belongs to no campaign).
	 */
	record PlacedTask(Task task, Organization org, String campaignId, String campaignCommittee) {

		boolean isOverdue(Date now) {
			return this.task.getDueDate() != null && this.task.getDueDate().before(now);
		}

	}

	/**
	 * The organisation tree as far as one request needs it: every organisation read once.
	 */
	Tree tree() {
		return new Tree(this.organizations);
	}

	Optional<PlacedTask> place(Task task, Tree tree) {
		List<String> names = new ArrayList<>(ORG_VARIABLES);
		names.add("campaignId");
		Map<String, Object> variables = this.taskService.getVariables(task.getId(), names);
		String campaignId = (variables.get("campaignId") != null) ? variables.get("campaignId").toString() : null;
		String campaignCommittee = Optional.ofNullable(campaignId)
			.flatMap((id) -> tree.campaignCommittee(id, this.campaigns))
			.orElse(null);
		String orgCode = ORG_VARIABLES.stream()
			.map(variables::get)
			.filter((v) -> v != null)
			.map(Object::toString)
			.findFirst()
			.orElse(campaignCommittee);
		return Optional.ofNullable(orgCode)
			.flatMap(tree::get)
			.map((org) -> new PlacedTask(task, org, campaignId, campaignCommittee));
	}

	/**
	 * The committees whose committee members may urge the task: those above its
	 * organisation up to the committee that runs its campaign; for a task of that
	 * committee itself, the committee above it (which approved its plan).
	 */
	List<String> supervisors(PlacedTask placed, Tree tree) {
		List<Organization> above = tree.ancestors(placed.org().code());
		String top = placed.campaignCommittee();
		if (placed.org().code().equals(top)) {
			return above.stream()
				.limit(1)
				.filter((o) -> COMMITTEES.contains(o.type()))
				.map(Organization::code)
				.toList();
		}
		List<String> supervisors = new ArrayList<>();
		for (Organization o : above) {
			if (COMMITTEES.contains(o.type())) {
				supervisors.add(o.code());
			}
			if (o.code().equals(top)) {
				return supervisors;
			}
		}
		// a task outside its campaign's subtree (or of no campaign): every committee
		// above
		return (top == null) ? supervisors : List.of();
	}

	boolean mayUrge(String username, PlacedTask placed, Tree tree) {
		List<String> supervisors = supervisors(placed, tree);
		return this.organizations.organizationsWhere(username, Role.COMMITTEE).stream().anyMatch(supervisors::contains);
	}

	/**
	 * Who can do the task: its assignee, else its candidate users and every member of its
	 * candidate groups.
	 */
	List<String> people(Task task) {
		if (task.getAssignee() != null) {
			return List.of(task.getAssignee());
		}
		Set<String> people = new LinkedHashSet<>();
		for (IdentityLink link : candidates(task)) {
			if (link.getUserId() != null) {
				people.add(link.getUserId());
			}
			if (link.getGroupId() != null) {
				this.identityService.createUserQuery()
					.memberOfGroup(link.getGroupId())
					.orderByUserId()
					.asc()
					.list()
					.forEach((u) -> people.add(u.getId()));
			}
		}
		return List.copyOf(people);
	}

	/** The task's candidate groups, by id. */
	List<String> candidateGroups(Task task) {
		return candidates(task).stream().map(IdentityLink::getGroupId).filter((g) -> g != null).toList();
	}

	private List<IdentityLink> candidates(Task task) {
		return this.taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter((l) -> IdentityLinkType.CANDIDATE.equals(l.getType()))
			.toList();
	}

	String groupName(String groupId) {
		Group group = this.identityService.createGroupQuery().groupId(groupId).singleResult();
		return (group != null && group.getName() != null) ? group.getName() : groupId;
	}

	Optional<User> user(String username) {
		return Optional.ofNullable(this.identityService.createUserQuery().userId(username).singleResult());
	}

	String displayName(String username) {
		return this.organizations.displayName(username);
	}

	/** Organisations and campaigns, each read once per request. */
	static final class Tree {

		private final OrganizationDirectory organizations;

		private final Map<String, Optional<Organization>> byCode = new HashMap<>();

		private final Map<String, Optional<String>> committees = new HashMap<>();

		private Tree(OrganizationDirectory organizations) {
			this.organizations = organizations;
		}

		Optional<Organization> get(String code) {
			return this.byCode.computeIfAbsent(code, this.organizations::find);
		}

		/** The organisations above, nearest first. */
		List<Organization> ancestors(String code) {
			List<Organization> above = new ArrayList<>();
			Optional<Organization> o = get(code);
			while (o.isPresent() && o.get().parentCode() != null && above.size() < 100) {
				o = get(o.get().parentCode());
				o.ifPresent(above::add);
			}
			return above;
		}

		/** Whether the organisation is {@code top} or one below it. */
		boolean within(String code, String top) {
			return code.equals(top) || ancestors(code).stream().anyMatch((o) -> o.code().equals(top));
		}

		private Optional<String> campaignCommittee(String campaignId, Campaigns campaigns) {
			return this.committees.computeIfAbsent(campaignId, (id) -> campaigns.find(id).map(Campaign::committeeCode));
		}

	}

}
