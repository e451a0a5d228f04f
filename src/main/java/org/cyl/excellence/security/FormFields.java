package org.cyl.excellence.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The variables a task's or a start event's deployed Camunda Form submits: the keys of
 * its input fields (groups included, texts not), without the fields marked
 * {@code disabled} — form-js does not submit those, they only show a value. Read from the
 * very form version the task uses (its {@code camunda:formRef} and binding), so a field
 * added to a form is accepted with it and nothing else needs editing. Used by
 * {@link EngineBoundary}; cached per deployed form definition, which never changes.
 */
final class FormFields {

	/** form-js components that have no value of their own to submit. */
	private static final Set<String> NOT_FIELDS = Set.of("text", "html", "button", "image", "spacer", "separator",
			"iframe", "table", "documentPreview");

	private static final ObjectMapper json = new ObjectMapper();

	private final Map<String, Set<String>> byFormDefinition = new ConcurrentHashMap<>();

	private final Map<String, Map<String, String>> requiredByFormDefinition = new ConcurrentHashMap<>();

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

	/**
	 * The label of a field the task's form requires that the submission leaves empty and
	 * the task does not hold a value for yet; null when every required field is there.
	 * The form's own {@code required}, checked on the server for every form: a task an
	 * administrator adds in Modeler has no listener of the application's to check its
	 * form. A field shown only under a condition, or that only shows a value, is left to
	 * the application's listeners.
	 */
	String missingRequired(CommandContext context, String taskId, Map<String, ?> variables) {
		if (taskId == null) {
			return null;
		}
		return context.runWithoutAuthorization(() -> {
			TaskEntity task = context.getTaskManager().findTaskById(taskId);
			if (task == null) {
				return null;
			}
			CamundaFormDefinition definition = definitionOf(context, task);
			if (definition == null) {
				return null;
			}
			Map<String, String> required = this.requiredByFormDefinition.computeIfAbsent(definition.getId(),
					(id) -> required(schemaOf(context, definition)));
			for (Map.Entry<String, String> field : required.entrySet()) {
				if (blank((variables == null) ? null : variables.get(field.getKey()))
						&& blank(task.getVariable(field.getKey()))) {
					return field.getValue();
				}
			}
			return null;
		});
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

	/**
	 * The always-shown, editable fields a form-js schema marks {@code required}: key →
	 * label.
	 */
	static Map<String, String> required(byte[] schema) {
		if (schema == null) {
			return Map.of();
		}
		try {
			Map<String, String> required = new LinkedHashMap<>();
			collectRequired(json.readTree(schema), required);
			return Collections.unmodifiableMap(required);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void collectRequired(JsonNode container, Map<String, String> required) {
		for (JsonNode component : container.path("components")) {
			if (component.has("conditional") || component.path("disabled").asBoolean(false)
					|| component.path("readonly").asBoolean(false) || component.has("path")) {
				continue;
			}
			if (component.has("key") && component.path("validate").path("required").asBoolean(false)
					&& !NOT_FIELDS.contains(component.path("type").asText())) {
				String key = component.path("key").asText();
				required.put(key, component.path("label").asText(component.path("dateLabel").asText(key)));
			}
			else if (!component.has("key")) {
				collectRequired(component, required);
			}
		}
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
		try {
			Set<String> fields = new LinkedHashSet<>();
			collect(json.readTree(schema), "", fields);
			return Collections.unmodifiableSet(fields);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void collect(JsonNode container, String path, Set<String> fields) {
		for (JsonNode component : container.path("components")) {
			String type = component.path("type").asText();
			if (component.path("disabled").asBoolean(false) || NOT_FIELDS.contains(type)) {
				continue;
			}
			// a group or list with a path nests its fields in one variable named by the
			// path
			String nested = component.path("path").asText("");
			String prefix = path.isEmpty() ? nested : path;
			if (component.has("key")) {
				String key = component.path("key").asText();
				fields.add(root(prefix.isEmpty() ? key : prefix));
			}
			else if (!prefix.isEmpty() && !nested.isEmpty()) {
				fields.add(root(prefix));
			}
			collect(component, prefix, fields);
		}
	}

	private static String root(String path) {
		int dot = path.indexOf('.');
		return (dot < 0) ? path : path.substring(0, dot);
	}

}
