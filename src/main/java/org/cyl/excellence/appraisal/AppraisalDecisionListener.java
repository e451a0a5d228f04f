package org.cyl.excellence.appraisal;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.appraisal.AppraisalVariables.APPRAISAL_DECISION;
import static org.cyl.excellence.appraisal.AppraisalVariables.APPRAISAL_ID;

/**
 * End listener of {@code Task_DecideOutcome} (判定评议等次) of MassAppraisalProcess: records
 * the grade and the outcome the DMN table AppraisalOutcome decided, whatever follows
 * (publish, criticise, repeat).
 */
@Component
class AppraisalDecisionListener implements ExecutionListener {

	private final AppraisalRepository appraisals;

	AppraisalDecisionListener(AppraisalRepository appraisals) {
		this.appraisals = appraisals;
	}

	@Override
	public void notify(DelegateExecution execution) {
		@SuppressWarnings("unchecked")
		Map<String, Object> decision = (Map<String, Object>) execution.getVariable(APPRAISAL_DECISION);
		this.appraisals.decide((String) execution.getVariable(APPRAISAL_ID), (String) decision.get("grade"),
				(String) decision.get("outcome"));
	}

}
