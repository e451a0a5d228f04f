package org.cyl.excellence.appraisal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.shared.Dates;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.appraisal.AppraisalVariables.APPRAISAL_RECTIFY_DUE;

/**
 * {@code Task_PublishResults} (公布评议结果) and {@code Task_PublishCriticism} (公布结果并通报批评) of
 * MassAppraisalProcess. The grade and outcome are recorded already
 * ({@link AppraisalDecisionListener}); from now on the results page shows them to the
 * scope chosen, a criticised organisation appears on the campaign's criticism notice, and
 * it gets 30 days to rectify.
 */
@Component
class PublishAppraisalDelegate implements JavaDelegate {

	static final int RECTIFY_DAYS = 30;

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(APPRAISAL_RECTIFY_DUE, Dates.inDays(RECTIFY_DAYS));
	}

}
