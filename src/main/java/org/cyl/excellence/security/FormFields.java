package org.cyl.excellence.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.cyl.excellence.engine.FormSchema;

/**
 * The variables a task's or a start event's deployed Camunda Form submits: the keys of
 * its input fields (groups included, texts not), without the fields marked
 * {@code disabled} — form-js does not submit those, they only show a value. Read from the
 * very form version the task uses (its {@code camunda:formRef} and binding), so a field
 * added to a form is accepted with it and nothing else needs editing. The schema is read
 * by engine's {@link FormSchema}, which the deployment checks compare forms with. Used by
 * {@link EngineBoundary}; cached per deployed form definition, which never changes.
 */
final class FormFields {

	/** A deployed form as the checks need it: what it submits, what it requires. */
	private record Form(Set<String> variables, Map<String, String> required) {

		static final Form NONE = new Form(Set.of(), Map.of());

	}

	private final Map<String, Form> byFormDefinition = new ConcurrentHashMap<>();

	/**
	 * A task and its deployed form, looked up once for all the checks of a submission.
	 */
	record TaskForm(TaskEntity task, Form form) {

		Set<String> variables() {
			return this.form.variables();
		}

	}

	/**
	 * The task and its form (its form has no fields when there is none); null when there
	 * is no such task (the engine then answers as it does).
	 */
	TaskForm ofTaskWithForm(CommandContext context, String taskId) {
		if (taskId == null) {
			return null;
		}
		return context.runWithoutAuthorization(() -> {
			TaskEntity task = context.getTaskManager().findTaskById(taskId);
			if (task == null) {
				return null;
			}
			return new TaskForm(task, form(context, definitionOf(context, task)));
		});
	}

	/**
	 * The fields of the task's form; empty when it has none; null when there is no such
	 * task (the engine then answers as it does).
	 */
	Set<String> ofTask(CommandContext context, String taskId) {
		TaskForm found = ofTaskWithForm(context, taskId);
		return (found != null) ? found.variables() : null;
	}

	/**
	 * The fields of the process definition's start form; empty when it has none; null
	 * when there is no such definition.
	 */
	Set<String> ofStart(CommandContext context, String processDefinitionId) {
		if (processDefinitionId == null) {
			return null;
		}
		return context.runWithoutAuthorization(() -> {
			ProcessDefinitionEntity definition;
			StartFormData form;
			try {
				definition = context.getProcessEngineConfiguration()
					.getDeploymentCache()
					.findDeployedProcessDefinitionById(processDefinitionId);
				form = new GetStartFormCmd(processDefinitionId).execute(context);
			}
			catch (ProcessEngineException unknown) {
				return null;
			}
			CamundaFormRef ref = form.getCamundaFormRef();
			return of(context, (ref == null) ? null
					: new GetCamundaFormDefinitionCmd(ref, definition.getDeploymentId()).execute(context));
		});
	}

	/**
	 * The label of a field the task's form requires that the submission leaves empty and
	 * the task does not hold a value for yet; null when every required field is there.
	 * The form's own {@code required}, checked on the server for every form: a task an
	 * administrator adds in Modeler has no listener of the application's to check its
	 * form. A field shown only under a condition, or that only shows a value, is left to
	 * the application's listeners. Whoever may not work on the task is refused before
	 * learning which field is missing; when none is, the completion checks who may work
	 * on the task, as always (not twice).
	 */
	String missingRequired(CommandContext context, TaskForm found, Map<String, ?> variables) {
		if (found == null) {
			return null;
		}
		TaskEntity task = found.task();
		String missing = context.runWithoutAuthorization(() -> {
			for (Map.Entry<String, String> field : found.form().required().entrySet()) {
				if (blank((variables == null) ? null : variables.get(field.getKey()))
						&& blank(task.getVariable(field.getKey()))) {
					return field.getValue();
				}
			}
			return null;
		});
		if (missing != null) {
			for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
				checker.checkTaskWork(task);
			}
		}
		return missing;
	}

	private static boolean blank(Object value) {
		Object plain = (value instanceof TypedValue typed) ? typed.getValue() : value;
		return plain == null || (plain instanceof String text && text.isBlank());
	}

	private static CamundaFormDefinition definitionOf(CommandContext context, TaskEntity task) {
		task.initializeFormKey();
		if (task.getCamundaFormRef() == null) {
			return null;
		}
		String deploymentId = null;
		if (task.getProcessDefinitionId() != null) {
			deploymentId = context.getProcessEngineConfiguration()
				.getDeploymentCache()
				.findDeployedProcessDefinitionById(task.getProcessDefinitionId())
				.getDeploymentId();
		}
		return new GetCamundaFormDefinitionCmd(task.getCamundaFormRef(), deploymentId).execute(context);
	}

	private static byte[] schemaOf(CommandContext context, CamundaFormDefinition definition) {
		ResourceEntity resource = context.getResourceManager()
			.findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
		return (resource == null) ? null : resource.getBytes();
	}

	private Set<String> of(CommandContext context, CamundaFormDefinition definition) {
		return form(context, definition).variables();
	}

	private Form form(CommandContext context, CamundaFormDefinition definition) {
		if (definition == null) {
			return Form.NONE;
		}
		return this.byFormDefinition.computeIfAbsent(definition.getId(), (id) -> {
			byte[] schema = schemaOf(context, definition);
			if (schema == null) {
				return Form.NONE;
			}
			FormSchema parsed = FormSchema.parse(schema);
			// the always-shown fields it requires, outside groups with a path: key →
			// label
			Map<String, String> required = new LinkedHashMap<>();
			for (FormSchema.Field field : parsed.fields()) {
				if (field.required() && field.alwaysShown() && field.key().indexOf('.') < 0) {
					required.put(field.key(), field.label().isBlank() ? field.key() : field.label());
				}
			}
			return new Form(parsed.variables(), java.util.Collections.unmodifiableMap(required));
		});
	}

	/** The submitted variables of a form-js schema. */
	static Set<String> parse(byte[] schema) {
		return FormSchema.parse(schema).variables();
	}

}
