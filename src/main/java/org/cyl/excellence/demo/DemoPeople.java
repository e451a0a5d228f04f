package org.cyl.excellence.demo;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Component;

/**
 * The demo's people at work: what the demo stages ({@link DemoCampaign} and the standing
 * duties' demos) is done as the person who would do it — with their groups, through the
 * forms, so that the engine's authorizations and the application's validation apply — and
 * the jobs that follow are run at once.
 */
@Component
class DemoPeople {

	private final FormService forms;

	private final TaskService tasks;

	private final ManagementService management;

	private final IdentityService identity;

	DemoPeople(FormService forms, TaskService tasks, ManagementService management, IdentityService identity) {
		this.forms = forms;
		this.tasks = tasks;
		this.management = management;
		this.identity = identity;
	}

	/** Runs the action as the person, with their groups. */
	<T> T as(String user, Supplier<T> action) {
		List<String> groups = this.identity.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		this.identity.setAuthentication(user, groups);
		try {
			return action.get();
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	/** Submits the task's form as the person. */
	void complete(String user, Task task, Map<String, Object> values) {
		as(user, () -> {
			this.forms.submitTaskForm(task.getId(), values);
			return null;
		});
	}

	/** The open task of that key in the process instance. */
	Task task(String pid, String key) {
		return this.tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult();
	}

	/** Runs the process instance's jobs other than timers until none is left. */
	void jobs(String pid) {
		jobs(pid, () -> true);
	}

	/**
	 * Runs the process instance's jobs other than timers until none is left and
	 * {@code done} holds; when the job executor runs, it may take some of them first.
	 */
	void jobs(String pid, BooleanSupplier done) {
		long until = System.currentTimeMillis() + 60_000;
		while (System.currentTimeMillis() < until) {
			List<Job> jobs = this.management.createJobQuery()
				.processInstanceId(pid)
				.list()
				.stream()
				.filter((j) -> !(j instanceof TimerEntity))
				.toList();
			if (jobs.isEmpty() && done.getAsBoolean()) {
				return;
			}
			if (!jobs.isEmpty()) {
				try {
					this.management.executeJob(jobs.get(0).getId());
					continue;
				}
				catch (ProcessEngineException ex) {
					// the job executor has it
				}
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new IllegalStateException("jobs of " + pid + " did not finish");
	}

}
