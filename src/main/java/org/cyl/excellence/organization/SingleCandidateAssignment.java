package org.cyl.excellence.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A task only one known person can do is theirs from the start: when a user task is
 * created without an assignee and its candidates — its candidate users and the people the
 * organisation model puts in its candidate groups — are exactly one person, the task is
 * assigned to that person (a branch secretary's task where the branch has one secretary).
 * Its candidates stay, so colleagues and the committees above still see it. A candidate
 * group that is no organisation's group (nobody known) leaves the task unassigned, as
 * does a group of two or more people or of nobody.
 */
@Component
public class SingleCandidateAssignment extends AbstractProcessEnginePlugin {

	private final ObjectProvider<OrganizationDirectory> directory;

	SingleCandidateAssignment(ObjectProvider<OrganizationDirectory> directory) {
		this.directory = directory;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
		if (listeners == null) {
			listeners = new ArrayList<>();
			configuration.setCustomPostBPMNParseListeners(listeners);
		}
		TaskListener assign = this::assignSingleCandidate;
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				// after the model's own create listeners, which may name the candidates
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
					behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, assign);
				}
			}
		});
	}

	void assignSingleCandidate(DelegateTask task) {
		if (task.getAssignee() != null) {
			return;
		}
		Set<String> people = new TreeSet<>();
		for (IdentityLink link : task.getCandidates()) {
			if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
				continue;
			}
			if (link.getUserId() != null) {
				people.add(link.getUserId());
			}
			else if (link.getGroupId() != null) {
				Set<String> inGroup = this.directory.getObject().peopleOf(link.getGroupId());
				if (inGroup.isEmpty()) {
					return;
				}
				people.addAll(inGroup);
			}
			if (people.size() > 1) {
				return;
			}
		}
		if (people.size() == 1) {
			task.setAssignee(people.iterator().next());
		}
	}

}
