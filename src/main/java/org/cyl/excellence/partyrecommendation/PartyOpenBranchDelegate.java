package org.cyl.excellence.partyrecommendation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.partyrecommendation.PartyRecommendationVariables.BRANCH_CODE;
import static org.cyl.excellence.partyrecommendation.PartyRecommendationVariables.COMMITTEE_CODE;
import static org.cyl.excellence.partyrecommendation.PartyRecommendationVariables.LAUNCH_ID;

/**
 * {@code Task_OpenBranch} (登记支部推优) of BranchPartyRecommendationProcess: the branch's row,
 * where its meeting, notice and approval are kept.
 */
@Component
class PartyOpenBranchDelegate implements JavaDelegate {

	private final PartyRecommendationRepository repository;

	PartyOpenBranchDelegate(PartyRecommendationRepository repository) {
		this.repository = repository;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.repository.openBranch(execution.getProcessInstanceId(),
				((Number) execution.getVariable(LAUNCH_ID)).longValue(), (String) execution.getVariable(BRANCH_CODE),
				(String) execution.getVariable(COMMITTEE_CODE));
	}

}
