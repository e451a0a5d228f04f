package org.cyl.excellence.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.cyl.excellence.organization.Groups;

import org.springframework.stereotype.Component;

/**
 * The one place every request of a person reaches the engine through —
 * {@code /engine-rest}, the webapps' API that Tasklist, Cockpit and Admin use, and the
 * Java API alike: a command interceptor ahead of Camunda's own. It judges only the
 * outermost command of a person (an authentication is set: REST and the webapps set it;
 * the job executor and the application's own code run without one, and what a listener or
 * delegate does inside a command is the application's):
 * <ul>
 * <li>a task submission ({@code submit-form}, {@code complete}, {@code resolve}, the task
 * variable endpoints) carries only the fields of the task's deployed form, with values a
 * form can produce (400 naming the variable); {@code complete} is taken as a form
 * submission, so that both answer alike;</li>
 * <li>a process starts only through its start form, with its fields, without a business
 * key of the request's choosing (400 / 403);</li>
 * <li>a person claims tasks for themselves only, unclaims only their own claim, and does
 * not delegate, resolve, reassign, rename, reschedule, delete or re-offer tasks
 * (403);</li>
 * <li>a person changes their own password, nothing else of their identity (403);</li>
 * <li>everything else that changes the engine — starting without a form, modification,
 * migration, restart, process variables, suspension, deletion, jobs, messages, signals,
 * conditions, external tasks, incidents, batches, metrics — is for administrators (403).
 * Reading stays with Camunda's authorizations.</li>
 * </ul>
 * Every refusal is thrown before the command changes anything: nothing is written. A
 * submission's checks run at the start of the submission's own command, in its
 * transaction, and read the task once for both; the other checks run before the command.
 */
@Component
public class EngineBoundary extends AbstractProcessEnginePlugin {

	static final String NOT_A_FIELD = "不是此表单的字段，不能提交";

	static final String NOT_A_FORM_VALUE = "的值不是表单能提交的类型（文字、数字、是否、日期或勾选项）";

	static final String ADMINISTRATORS_ONLY = "只有系统管理员可以执行此操作";

	static final String MANAGERS_ONLY = "只有管理者可以查看流程的统计数字";

	static final String NO_STANDALONE_TASKS = "本系统的任务都来自活动的流程，不能新建独立任务";

	/** The value types a Camunda Form's fields submit (checklists as Json). */
	private static final Set<String> FORM_VALUE_TYPES = Set.of("string", "boolean", "integer", "long", "short",
			"double", "date", "null", "json");

	/**
	 * Commands of the engine's own packages a person may run (reads, filters, comments,
	 * reports).
	 */
	private static final Set<String> ALLOWED = Set.of("CheckPassword", "AuthorizationCheckCmd", "CreateUserQueryCmd",
			"CreateGroupQueryCmd", "CreateTenantQueryCmd", "DetermineHistoryLevelCmd", "CreateFilterCmd",
			"SaveFilterCmd", "DeleteFilterCmd", "ExecuteFilterCountCmd", "ExecuteFilterListCmd",
			"ExecuteFilterListPageCmd", "ExecuteFilterSingleResultCmd", "AddCommentCmd", "UpdateCommentCmd",
			"DeleteTaskCommentCmd", "SetTaskFollowUpDateCmd",
			// Cockpit's 人工任务: open tasks counted by candidate group (a read; the engine
			// checks the reader's grants)
			"TaskCountByCandidateGroupCmd");

	/** Reads that are nevertheless for administrators: the engine's usage figures. */
	private static final Set<String> ADMINISTRATORS_READ = Set.of("GetUniqueTaskWorkerCountCmd", "GetTelemetryDataCmd");

	private final FormFields forms = new FormFields();

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = new ArrayList<>();
		if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
			interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
		}
		interceptors.add(new Interceptor(configuration));
		configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
	}

	/**
	 * A task submission with its form checks run first, in the submission's own command
	 * context: the task, its variables and its form are read once for both, in one
	 * transaction. A refusal is thrown before the submission has changed anything, and
	 * the transaction is rolled back.
	 */
	private final class CheckedSubmission<T> implements Command<T> {

		private final Command<T> submission;

		private final String taskId;

		private final Map<String, ?> variables;

		CheckedSubmission(Command<T> submission, String taskId, Map<String, ?> variables) {
			this.submission = submission;
			this.taskId = taskId;
			this.variables = variables;
		}

		@Override
		public T execute(CommandContext context) {
			FormFields.TaskForm found = EngineBoundary.this.forms.ofTaskWithForm(context, this.taskId);
			if (this.variables != null && !this.variables.isEmpty()) {
				check((found != null) ? found.variables() : null, this.variables, List.of());
			}
			String missing = EngineBoundary.this.forms.missingRequired(context, found, this.variables);
			if (missing != null) {
				throw new BadUserRequestException("“" + missing + "”不能为空");
			}
			return this.submission.execute(context);
		}

	}

	private final class Interceptor extends CommandInterceptor {

		private final ProcessEngineConfigurationImpl configuration;

		Interceptor(ProcessEngineConfigurationImpl configuration) {
			this.configuration = configuration;
		}

		@Override
		public <T> T execute(Command<T> command) {
			if (Context.getCommandContext() != null) {
				return this.next.execute(command);
			}
			Authentication person = this.configuration.getIdentityService().getCurrentAuthentication();
			if (person == null || person.getUserId() == null) {
				return this.next.execute(command);
			}
			return this.next.execute(judge(command, person));
		}

		/**
		 * The command to run for the person: theirs, or its form-submission equivalent.
		 */
		@SuppressWarnings("unchecked")
		private <T> Command<T> judge(Command<T> command, Authentication person) {
			boolean administrator = isAdministrator(person);
			// submissions: the form's fields, for everyone
			if (command instanceof ResolveTaskCmd resolve) {
				if (!administrator) {
					throw new AuthorizationException("本系统不委托任务，不能交回（resolve）任务；请提交任务的表单");
				}
				return new CheckedSubmission<>(command, EngineCommands.completeTaskId(resolve),
						EngineCommands.completeVariables(resolve));
			}
			if (command.getClass() == CompleteTaskCmd.class) {
				CompleteTaskCmd complete = (CompleteTaskCmd) command;
				String taskId = EngineCommands.completeTaskId(complete);
				Map<String, Object> variables = EngineCommands.completeVariables(complete);
				// the same as submit-form: the values land where the form's fields are (a
				// task's own blank inputs), not past them on the process
				return new CheckedSubmission<>((Command<T>) new SubmitTaskFormCmd(taskId, variables,
						EngineCommands.completeReturnsVariables(complete),
						EngineCommands.completeDeserializes(complete)), taskId, variables);
			}
			if (command instanceof SubmitTaskFormCmd submit) {
				return new CheckedSubmission<>(command, EngineCommands.submitTaskId(submit),
						EngineCommands.submitVariables(submit));
			}
			if (administrator) {
				return command;
			}
			if (command instanceof SubmitStartFormCmd start) {
				if (EngineCommands.startBusinessKey(start) != null) {
					throw new AuthorizationException("发起流程时不能自行指定业务标识（business key）");
				}
				String definitionId = EngineCommands.startDefinitionId(start);
				check(lookup((context) -> EngineBoundary.this.forms.ofStart(context, definitionId)),
						EngineCommands.startVariables(start), List.of());
				return command;
			}
			if (command instanceof SetTaskVariablesCmd set) {
				String taskId = EngineCommands.variableEntityId(set);
				check(lookup((context) -> EngineBoundary.this.forms.ofTask(context, taskId)),
						EngineCommands.setVariables(set), List.of());
				return command;
			}
			if (command instanceof PatchTaskVariablesCmd patch) {
				String taskId = EngineCommands.patchEntityId(patch);
				check(lookup((context) -> EngineBoundary.this.forms.ofTask(context, taskId)),
						EngineCommands.patchVariables(patch), EngineCommands.patchDeletions(patch));
				return command;
			}
			if (command instanceof RemoveTaskVariablesCmd remove) {
				String taskId = EngineCommands.variableEntityId(remove);
				check(lookup((context) -> EngineBoundary.this.forms.ofTask(context, taskId)), Map.of(),
						EngineCommands.removedVariables(remove));
				return command;
			}
			if (command instanceof ClaimTaskCmd claim) {
				return claim(EngineCommands.claimTaskId(claim), EngineCommands.claimUserId(claim), person);
			}
			if (command instanceof AssignTaskCmd assign) {
				// Tasklist's and REST's unclaim sets the assignee to nobody: for the
				// person who
				// claimed the task that is the unclaim of their own claim (task-work
				// right,
				// which they have; assigning needs a right nobody but administrators has)
				return claim(EngineCommands.propertyTaskId(assign), EngineCommands.identityLinkUserId(assign), person);
			}
			if (command instanceof SaveTaskCmd save) {
				return saveTask(command, EngineCommands.savedTask(save));
			}
			if (command instanceof SaveUserCmd save) {
				return saveUser(command, EngineCommands.savedUser(save), person);
			}
			if (command instanceof AbstractQuery<?, ?>) {
				// the statistics of a definition count all its instances, whoever may
				// read
				// them: everyone reads the definitions (Tasklist's 流程图), only managers
				// the figures
				if (command.getClass().getSimpleName().contains("Statistics") && !administrator
						&& (person.getGroupIds() == null || !person.getGroupIds().contains(Groups.MANAGERS))) {
					throw new AuthorizationException(MANAGERS_ONLY);
				}
				return command;
			}
			String name = command.getClass().getSimpleName();
			if (!command.getClass().getName().startsWith("org.camunda.bpm.engine.")) {
				// the webapps' own plugin queries (Cockpit's lists and statistics),
				// except
				// usage figures
				if (name.contains("Metric") || name.contains("Telemetry")) {
					throw new AuthorizationException(ADMINISTRATORS_ONLY);
				}
				return command;
			}
			if (ALLOWED.contains(name) || ((name.startsWith("Get") || name.startsWith("Find") || name.startsWith("Is"))
					&& !ADMINISTRATORS_READ.contains(name))) {
				return command;
			}
			if (name.equals("CreateTaskCmd")) {
				throw new AuthorizationException(NO_STANDALONE_TASKS);
			}
			if (name.contains("Task") || name.contains("IdentityLink")) {
				throw new AuthorizationException("任务的办理人、候选人、名称和期限不能修改，任务也不能删除或委托");
			}
			if (name.contains("User") || name.contains("Group") || name.contains("Membership")
					|| name.contains("Tenant") || name.contains("Authorization")) {
				throw new AuthorizationException("账号、组和权限来自组织信息，只有系统管理员可以修改");
			}
			throw new AuthorizationException(ADMINISTRATORS_ONLY);
		}

		@SuppressWarnings("unchecked")
		private <T> Command<T> claim(String taskId, String userId, Authentication person) {
			TaskEntity task = lookup(
					(context) -> context.runWithoutAuthorization(() -> context.getTaskManager().findTaskById(taskId)));
			if (userId == null) {
				if (task != null && !person.getUserId().equals(task.getAssignee())) {
					throw new AuthorizationException("只能取消自己的认领");
				}
			}
			else if (!person.getUserId().equals(userId)) {
				throw new AuthorizationException("只能由本人认领任务，不能指派给他人");
			}
			else if (task != null && task.getAssignee() != null && !userId.equals(task.getAssignee())) {
				throw new AuthorizationException("任务已由他人认领");
			}
			return (Command<T>) new ClaimTaskCmd(taskId, userId);
		}

		/** Only the follow-up date (a person's own reminder) may change. */
		private <T> Command<T> saveTask(Command<T> command, TaskEntity changed) {
			TaskEntity stored = (changed == null || changed.getId() == null) ? null : lookup((context) -> context
				.runWithoutAuthorization(() -> context.getTaskManager().findTaskById(changed.getId())));
			if (stored == null || !Objects.equals(stored.getName(), changed.getName())
					|| !Objects.equals(stored.getDescription(), changed.getDescription())
					|| !Objects.equals(stored.getAssignee(), changed.getAssignee())
					|| !Objects.equals(stored.getOwner(), changed.getOwner())
					|| !sameTime(stored.getDueDate(), changed.getDueDate())
					|| stored.getPriority() != changed.getPriority()
					|| !Objects.equals(stored.getParentTaskId(), changed.getParentTaskId())
					|| !Objects.equals(stored.getCaseInstanceId(), changed.getCaseInstanceId())
					|| !Objects.equals(stored.getTenantId(), changed.getTenantId())
					|| stored.getDelegationState() != changed.getDelegationState()) {
				throw new AuthorizationException("任务的办理人、候选人、名称和期限不能修改，任务也不能删除或委托");
			}
			return command;
		}

		/**
		 * A person sets their own password; their name and e-mail come from the
		 * organisation model.
		 */
		private <T> Command<T> saveUser(Command<T> command, User changed, Authentication person) {
			User stored = (changed == null || changed.getId() == null) ? null : lookup((context) -> context
				.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().findUserById(changed.getId())));
			if (stored == null || !person.getUserId().equals(changed.getId())
					|| !Objects.equals(stored.getFirstName(), changed.getFirstName())
					|| !Objects.equals(stored.getLastName(), changed.getLastName())
					|| !Objects.equals(stored.getEmail(), changed.getEmail())) {
				throw new AuthorizationException("姓名和邮箱来自组织信息，不能在此修改；本人只能修改密码");
			}
			return command;
		}

		/** Runs a look-up of the policy's own in a command context of its own. */
		private <T> T lookup(Command<T> lookup) {
			return this.next.execute(lookup);
		}

		private boolean isAdministrator(Authentication person) {
			List<String> groups = (person.getGroupIds() != null) ? person.getGroupIds() : List.of();
			if (groups.contains(Groups.ADMINISTRATORS)) {
				return true;
			}
			List<String> adminGroups = this.configuration.getAdminGroups();
			List<String> adminUsers = this.configuration.getAdminUsers();
			return (adminUsers != null && adminUsers.contains(person.getUserId()))
					|| (adminGroups != null && groups.stream().anyMatch(adminGroups::contains));
		}

	}

	/**
	 * Refuses a variable that is not a field of the form ({@code fields} null: no such
	 * task or definition, left to the engine) or a value no form field produces.
	 */
	static void check(Set<String> fields, Map<String, ?> variables, Collection<String> deletions) {
		if (fields == null) {
			return;
		}
		if (variables != null) {
			for (String name : variables.keySet()) {
				if (!fields.contains(name)) {
					throw new BadUserRequestException("“" + name + "”" + NOT_A_FIELD);
				}
				// the typed value as sent, never deserialized: an Xml or object value
				// that
				// does not parse is refused as such, not failed on
				Object value = (variables instanceof VariableMap map) ? map.getValueTyped(name) : variables.get(name);
				if (!isFormValue(value)) {
					throw new BadUserRequestException("“" + name + "”" + NOT_A_FORM_VALUE);
				}
			}
		}
		if (deletions != null) {
			for (String name : deletions) {
				if (!fields.contains(name)) {
					throw new BadUserRequestException("“" + name + "”" + NOT_A_FIELD);
				}
			}
		}
	}

	/**
	 * What a Camunda Form's fields submit: text, numbers, yes/no, dates, checklists
	 * (Json), or nothing.
	 */
	static boolean isFormValue(Object value) {
		if (value instanceof TypedValue typed) {
			if (typed.getType() == null) {
				return isFormValue(typed.getValue());
			}
			return FORM_VALUE_TYPES.contains(typed.getType().getName());
		}
		return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
				|| value instanceof Long || value instanceof Short || value instanceof Double || value instanceof Date
				|| value instanceof SpinJsonNode;
	}

	private static boolean sameTime(Date a, Date b) {
		return (a == null) ? b == null : (b != null && a.getTime() == b.getTime());
	}

}
