package org.cyl.excellence.security;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
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

	private final Map<String, Set<String>> byFormDefinition = new ConcurrentHashMap<>();

	/**
	 * The fields of the task's form; empty when it has none; null when there is no such
	 * task (the engine then answers as it does).
	 */
	Set<String> ofTask(CommandContext context, String taskId) {
		if (taskId == null) {
			return null;
		}
		return context.runWithoutAuthorization(() -> {
			TaskEntity task = context.getTaskManager().findTaskById(taskId);
			if (task == null) {
				return null;
			}
			task.initializeFormKey();
			String deploymentId = null;
			if (task.getProcessDefinitionId() != null) {
				deploymentId = context.getProcessEngineConfiguration()
					.getDeploymentCache()
					.findDeployedProcessDefinitionById(task.getProcessDefinitionId())
					.getDeploymentId();
			}
			return of(context, task.getCamundaFormRef(), deploymentId);
		});
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
			return of(context, form.getCamundaFormRef(), definition.getDeploymentId());
		});
	}

	private Set<String> of(CommandContext context, CamundaFormRef ref, String deploymentId) {
		if (ref == null) {
			return Set.of();
		}
		CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(ref, deploymentId).execute(context);
		if (definition == null) {
			return Set.of();
		}
		return this.byFormDefinition.computeIfAbsent(definition.getId(), (id) -> {
			ResourceEntity resource = context.getResourceManager()
				.findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
			return (resource == null) ? Set.of() : parse(resource.getBytes());
		});
	}

	/** The submitted variables of a form-js schema. */
	static Set<String> parse(byte[] schema) {
		return FormSchema.parse(schema).variables();
	}

}
