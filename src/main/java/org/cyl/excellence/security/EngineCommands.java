package org.cyl.excellence.security;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * What a request asks of the engine, read from the fields of Camunda 7.24's command
 * classes, which have no getters for it. Used by {@link EngineBoundary}; the only place
 * that knows these internals. {@code EngineCommandsTests} fails when an upgrade renames
 * or drops a field, before anything is let through unread.
 */
final class EngineCommands {

	/** Every field read here, as (declaring class, field name), for the test. */
	static final List<Map.Entry<Class<?>, String>> FIELDS = List.of(Map.entry(CompleteTaskCmd.class, "taskId"),
			Map.entry(CompleteTaskCmd.class, "variables"), Map.entry(CompleteTaskCmd.class, "returnVariables"),
			Map.entry(CompleteTaskCmd.class, "deserializeReturnedVariables"),
			Map.entry(SubmitTaskFormCmd.class, "taskId"), Map.entry(SubmitTaskFormCmd.class, "properties"),
			Map.entry(SubmitStartFormCmd.class, "processDefinitionId"),
			Map.entry(SubmitStartFormCmd.class, "businessKey"), Map.entry(SubmitStartFormCmd.class, "variables"),
			Map.entry(AbstractVariableCmd.class, "entityId"), Map.entry(AbstractSetVariableCmd.class, "variables"),
			Map.entry(AbstractRemoveVariableCmd.class, "variableNames"),
			Map.entry(AbstractPatchVariablesCmd.class, "entityId"),
			Map.entry(AbstractPatchVariablesCmd.class, "variables"),
			Map.entry(AbstractPatchVariablesCmd.class, "deletions"), Map.entry(ClaimTaskCmd.class, "taskId"),
			Map.entry(ClaimTaskCmd.class, "userId"), Map.entry(AbstractSetTaskPropertyCmd.class, "taskId"),
			Map.entry(AbstractAddIdentityLinkCmd.class, "userId"), Map.entry(SaveTaskCmd.class, "task"),
			Map.entry(SaveUserCmd.class, "user"));

	private EngineCommands() {
	}

	static String completeTaskId(CompleteTaskCmd command) {
		return read(CompleteTaskCmd.class, "taskId", command);
	}

	static Map<String, Object> completeVariables(CompleteTaskCmd command) {
		return read(CompleteTaskCmd.class, "variables", command);
	}

	static boolean completeReturnsVariables(CompleteTaskCmd command) {
		return read(CompleteTaskCmd.class, "returnVariables", command);
	}

	static boolean completeDeserializes(CompleteTaskCmd command) {
		return read(CompleteTaskCmd.class, "deserializeReturnedVariables", command);
	}

	static String submitTaskId(SubmitTaskFormCmd command) {
		return read(SubmitTaskFormCmd.class, "taskId", command);
	}

	static Map<String, Object> submitVariables(SubmitTaskFormCmd command) {
		return read(SubmitTaskFormCmd.class, "properties", command);
	}

	static String startDefinitionId(SubmitStartFormCmd command) {
		return read(SubmitStartFormCmd.class, "processDefinitionId", command);
	}

	static String startBusinessKey(SubmitStartFormCmd command) {
		return read(SubmitStartFormCmd.class, "businessKey", command);
	}

	static Map<String, Object> startVariables(SubmitStartFormCmd command) {
		return read(SubmitStartFormCmd.class, "variables", command);
	}

	/** The task (or execution) whose variables a set or remove command changes. */
	static String variableEntityId(AbstractVariableCmd command) {
		return read(AbstractVariableCmd.class, "entityId", command);
	}

	static Map<String, ?> setVariables(AbstractSetVariableCmd command) {
		return read(AbstractSetVariableCmd.class, "variables", command);
	}

	static Collection<String> removedVariables(AbstractRemoveVariableCmd command) {
		return read(AbstractRemoveVariableCmd.class, "variableNames", command);
	}

	static String patchEntityId(AbstractPatchVariablesCmd command) {
		return read(AbstractPatchVariablesCmd.class, "entityId", command);
	}

	static Map<String, ?> patchVariables(AbstractPatchVariablesCmd command) {
		return read(AbstractPatchVariablesCmd.class, "variables", command);
	}

	static Collection<String> patchDeletions(AbstractPatchVariablesCmd command) {
		return read(AbstractPatchVariablesCmd.class, "deletions", command);
	}

	static String claimTaskId(ClaimTaskCmd command) {
		return read(ClaimTaskCmd.class, "taskId", command);
	}

	static String claimUserId(ClaimTaskCmd command) {
		return read(ClaimTaskCmd.class, "userId", command);
	}

	static String propertyTaskId(AbstractSetTaskPropertyCmd<?> command) {
		return read(AbstractSetTaskPropertyCmd.class, "taskId", command);
	}

	static String identityLinkUserId(AbstractAddIdentityLinkCmd command) {
		return read(AbstractAddIdentityLinkCmd.class, "userId", command);
	}

	static TaskEntity savedTask(SaveTaskCmd command) {
		return read(SaveTaskCmd.class, "task", command);
	}

	static User savedUser(SaveUserCmd command) {
		return read(SaveUserCmd.class, "user", command);
	}

	@SuppressWarnings("unchecked")
	private static <T> T read(Class<?> declaring, String name, Object command) {
		try {
			Field field = declaring.getDeclaredField(name);
			field.setAccessible(true);
			return (T) field.get(command);
		}
		catch (ReflectiveOperationException ex) {
			// refuse rather than let a request through unread
			throw new IllegalStateException(
					"Camunda's " + declaring.getSimpleName() + " has no field " + name + " (engine upgraded?)", ex);
		}
	}

}
