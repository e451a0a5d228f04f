package org.cyl.excellence.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.cyl.excellence.organization.Groups;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Camunda's authorizations, made on every start (idempotent):
 * <ul>
 * <li>administrators ({@code camunda-admin}): everything, including Admin and deployments
 * — nobody else may create a deployment;</li>
 * <li>everyone with an account ({@code campaignusers}): Tasklist and the shared filters
 * 我的待办, 待认领, 全部待办; which tasks a person sees comes from the tasks' candidate groups,
 * never from a grant on a whole process definition; they read the process definitions
 * (the diagrams), nothing of their instances;</li>
 * <li>managers: Cockpit, and reading the campaign processes, their instances, their human
 * tasks and history.</li>
 * </ul>
 */
@Component
class AuthorizationSetup implements SmartInitializingSingleton {

	static final String FILTER_MINE = "我的待办";

	static final String FILTER_CLAIMABLE = "待认领";

	static final String FILTER_ALL = "全部待办";

	/**
	 * Raised whenever a shared filter's query changes, so that existing filters follow.
	 */
	static final int FILTER_QUERY_VERSION = 3;

	private final AuthorizationService authorizations;

	/** The process variables the shared filters show on every task of the list. */
	static final java.util.List<Map<String, String>> LIST_VARIABLES = java.util.List
		.of(Map.of("name", "branchName", "label", "组织"), Map.of("name", "campaignTitle", "label", "活动"));

	private final FilterService filters;

	private final TaskService tasks;

	AuthorizationSetup(AuthorizationService authorizations, FilterService filters, TaskService tasks) {
		this.authorizations = authorizations;
		this.filters = filters;
		this.tasks = tasks;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (Resource resource : Resources.values()) {
			grant(Groups.ADMINISTRATORS, resource, Authorization.ANY, Permissions.ALL);
		}
		grant(Groups.USERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		// Tasklist's 流程图 tab: the diagram of a task's process is the model's, the same
		// for everyone; reading a definition gives no instance, task or history (those
		// need READ_INSTANCE, READ_TASK, READ_HISTORY, which only managers have). The
		// history of one's own task comes from the engine's HISTORIC_TASK grant to its
		// candidates and assignee (enableHistoricInstancePermissions).
		grant(Groups.USERS, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
		grant(Groups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		// Cockpit: the instances, their history and their human tasks (人工任务, the open
		// task counts); reading, never working them
		grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
				Permissions.READ_INSTANCE, Permissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
		grant(Groups.MANAGERS, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ,
				Permissions.READ_HISTORY);
		grant(Groups.MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ);
		grant(Groups.MANAGERS, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
		// committee members of a 团委 launch campaigns from Tasklist (start form
		// CampaignPlan)
		grant(Groups.COMMITTEES, Resources.PROCESS_DEFINITION, "CampaignProcess", Permissions.READ,
				ProcessDefinitionPermissions.CREATE_INSTANCE);
		// … and 推优入党 for their subtree (start form PartyRecommendationLaunch)
		grant(Groups.COMMITTEES, Resources.PROCESS_DEFINITION, "PartyRecommendationProcess", Permissions.READ,
				ProcessDefinitionPermissions.CREATE_INSTANCE);
		grant(Groups.COMMITTEES, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
		// committee members of a 团委 or 团总支 launch the standing duties for their subtree:
		// the annual member appraisal (start form MemberAppraisalLaunch) and the year's
		// 双向述职评议 (DutyReportLaunch)
		for (String committees : java.util.List.of(Groups.COMMITTEES, Groups.GENERAL_BRANCH_COMMITTEES)) {
			for (String duty : java.util.List.of("MemberAppraisalProcess", "DutyReportProcess")) {
				grant(committees, Resources.PROCESS_DEFINITION, duty, Permissions.READ,
						ProcessDefinitionPermissions.CREATE_INSTANCE);
			}
			grant(committees, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
		}

		Map<String, TaskQuery> shared = new LinkedHashMap<>();
		// the first filter, where Tasklist opens: what waits for me — assigned to me, or
		// offered to one of my groups and not yet claimed by anybody (a task only I can
		// do
		// is assigned to me when created, organization/SingleCandidateAssignment)
		shared.put(FILTER_MINE,
				this.tasks.createTaskQuery()
					.or()
					.taskAssigneeExpression("${currentUser()}")
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.endOr());
		shared.put(FILTER_CLAIMABLE,
				this.tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
		// every task of mine: assigned to me, or offered to one of my groups (claimed or
		// not);
		// not "every task I may read", which makes the database check the person's grants
		// against every open task of the province (docs/benchmarks.md)
		shared.put(FILTER_ALL,
				this.tasks.createTaskQuery()
					.or()
					.taskAssigneeExpression("${currentUser()}")
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.includeAssignedTasks()
					.endOr());
		int priority = -10;
		for (Map.Entry<String, TaskQuery> entry : shared.entrySet()) {
			Filter filter = this.filters.createFilterQuery().filterName(entry.getKey()).singleResult();
			if (filter == null) {
				filter = this.filters.newTaskFilter(entry.getKey());
			}
			// the task list shows each task's organisation and campaign (the due date it
			// shows anyway); kept up to date on every start, the query with them (its
			// version is one of the properties)
			Map<String, Object> properties = Map.of("priority", priority, "refresh", true, "description",
					entry.getKey(), "variables", LIST_VARIABLES, "queryVersion", FILTER_QUERY_VERSION);
			if (filter.getId() == null || !properties.equals(filter.getProperties())) {
				filter.setQuery(entry.getValue());
				filter.setProperties(properties);
				filter = this.filters.saveFilter(filter);
			}
			grant(Groups.USERS, Resources.FILTER, filter.getId(), Permissions.READ);
			priority += 10;
		}
	}

	/**
	 * Adds the permissions to the group's grant on the resource, creating the grant if
	 * needed.
	 */
	private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
		Authorization authorization = this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		if (authorization == null) {
			authorization = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(group);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		boolean missing = false;
		for (Permission permission : permissions) {
			if (!authorization.isPermissionGranted(permission)) {
				authorization.addPermission(permission);
				missing = true;
			}
		}
		if (missing) {
			this.authorizations.saveAuthorization(authorization);
		}
	}

}
