package org.cyl.excellence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import org.springframework.core.io.ClassPathResource;

/**
 * The test-only model {@code IsolationTestProcess} (testmodels/bpmn): one task for the
 * secretaries of the branch in the variable {@code branchCode}, with its form.
 */
public final class IsolationTestModel {

	private IsolationTestModel() {
	}

	/** Deploys the model and its form (a new version each time). */
	public static void deploy(RepositoryService repository, String name) {
		try (InputStream bpmn = new ClassPathResource("testmodels/bpmn/IsolationTestProcess.bpmn").getInputStream();
				InputStream form = new ClassPathResource("testmodels/forms/IsolationTestForm.form").getInputStream()) {
			repository.createDeployment()
				.name(name)
				.enableDuplicateFiltering(false)
				.addInputStream("IsolationTestProcess.bpmn", bpmn)
				.addInputStream("IsolationTestForm.form", form)
				.deploy();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts an instance with these variables ({@code branchCode} among them); its task.
	 */
	public static Task start(RuntimeService runtime, TaskService tasks, Map<String, Object> variables) {
		String instance = runtime.startProcessInstanceByKey("IsolationTestProcess", variables).getId();
		return tasks.createTaskQuery().processInstanceId(instance).singleResult();
	}

}
