package org.cyl.excellence.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * What Tasklist's list shows on every task (the shared filters name {@link #NAMES}): the
 * organisation and the campaign. Tasklist reads them as variables, and people may read a
 * task's own variables but not its process's (they would see every process variable of
 * other organisations' processes), so every user task gets a copy of them as task-local
 * variables when it is created. The copies leave no history of their own
 * ({@link CopiesLeftOut}).
 */
@Component
public class TaskListVariables extends AbstractProcessEnginePlugin {

	/** The variables shown, with the column labels of the shared filters. */
	public static final List<String> NAMES = List.of("branchName", "campaignTitle");

	private static final TaskListener COPY = (DelegateTask task) -> {
		for (String name : NAMES) {
			Object value = task.getVariable(name);
			if (value != null) {
				task.setVariableLocal(name, value);
			}
		}
	};

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
		if (listeners == null) {
			listeners = new ArrayList<>();
			configuration.setCustomPreBPMNParseListeners(listeners);
		}
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
					behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, COPY);
				}
			}
		});
	}

	/**
	 * The copies are for the list, not for the record: their history would repeat the
	 * process variables' own (two history rows and two details per task; a third of a
	 * database at 300,000 open tasks, docs/benchmarks.md). Camunda's own history handler,
	 * whichever the configuration made, is wrapped once the engine is configured.
	 */
	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setHistoryEventHandler(new CopiesLeftOut(configuration.getHistoryEventHandler()));
	}

	/**
	 * Camunda's history, without the history of a task's own copy of a listed variable
	 * (its creation, updates and deletion alike): the process's variable of the same name
	 * keeps its full history.
	 */
	static final class CopiesLeftOut implements HistoryEventHandler {

		private final HistoryEventHandler history;

		CopiesLeftOut(HistoryEventHandler history) {
			this.history = history;
		}

		static boolean isCopy(HistoryEvent event) {
			return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
					&& NAMES.contains(variable.getVariableName());
		}

		@Override
		public void handleEvent(HistoryEvent event) {
			if (!isCopy(event)) {
				this.history.handleEvent(event);
			}
		}

		@Override
		public void handleEvents(List<HistoryEvent> events) {
			this.history.handleEvents(events.stream().filter((e) -> !isCopy(e)).toList());
		}

	}

}
