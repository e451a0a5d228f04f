package org.cyl.excellence.engine;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.IsolationTestModel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every user task gets its own copy of the variables Tasklist lists, and the copies leave
 * no history: the process's variables of the same names keep theirs, the task's other
 * variables too.
 */
@ApplicationTest
class TaskListVariablesTests {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Test
	void theTasksCopiesAreListedButLeaveNoHistory() {
		IsolationTestModel.deploy(this.repository, "task-list-variables-test");
		Task task = IsolationTestModel.start(this.runtime, this.tasks,
				Map.of("branchCode", "120301", "branchName", "测试支部", "campaignTitle", "测试活动"));
		String instance = task.getProcessInstanceId();
		this.tasks.setVariableLocal(task.getId(), "note", "任务自己的变量");

		assertThat(this.tasks.getVariablesLocal(task.getId())).containsEntry("branchName", "测试支部")
			.containsEntry("campaignTitle", "测试活动");
		assertThat(this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance)
			.list()
			.stream()
			.filter((v) -> v.getTaskId() != null)
			.map(HistoricVariableInstance::getName)).as("the task's own variable only, not the copies")
			.containsExactly("note");
		assertThat(this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance)
			.variableNameIn("branchName", "campaignTitle")
			.list()).as("the process's variables keep their history")
			.hasSize(2)
			.allSatisfy((v) -> assertThat(v.getTaskId()).isNull());
		assertThat(this.history.createHistoricDetailQuery().taskId(task.getId()).list())
			.as("one detail: the task's own variable")
			.hasSize(1);

		// completing the task deletes the copies: nothing to record either
		this.tasks.complete(task.getId(), Map.of("remark", "已完成"));
		assertThat(this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance)
			.variableNameIn("branchName", "campaignTitle")
			.list()).hasSize(2);
	}

}
