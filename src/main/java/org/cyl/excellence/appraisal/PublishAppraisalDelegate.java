package org.cyl.excellence.appraisal;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.system.Dates;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.appraisal.AppraisalVariables.APPRAISAL_DECISION;
import static org.cyl.excellence.appraisal.AppraisalVariables.APPRAISAL_ID;
import static org.cyl.excellence.appraisal.AppraisalVariables.APPRAISAL_RECTIFY_DUE;

/**
 * {@code Task_PublishResults} (公布评议结果) and {@code Task_PublishCriticism} (公布结果并通报批评) of
 * MassAppraisalProcess: records the grade and the outcome the DMN table decided; the
 * results page shows them to the scope chosen, and a criticised organisation appears on
 * the campaign's criticism notice and gets 30 days to rectify.
 */
@Component
class PublishAppraisalDelegate implements JavaDelegate {

	static final int RECTIFY_DAYS = 30;

	private final AppraisalRepository appraisals;

	PublishAppraisalDelegate(AppraisalRepository appraisals) {
		this.appraisals = appraisals;
	}

	@Override
	public void execute(DelegateExecution execution) {
		@SuppressWarnings("unchecked")
		Map<String, Object> decision = (Map<String, Object>) execution.getVariable(APPRAISAL_DECISION);
		this.appraisals.decide((String) execution.getVariable(APPRAISAL_ID), (String) decision.get("grade"),
				(String) decision.get("outcome"));
		execution.setVariable(APPRAISAL_RECTIFY_DUE, Dates.inDays(RECTIFY_DAYS));
	}

}
