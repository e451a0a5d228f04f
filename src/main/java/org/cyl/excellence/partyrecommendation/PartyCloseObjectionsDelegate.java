package org.cyl.excellence.partyrecommendation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Task_CloseObjections} (停止受理异议) of BranchPartyRecommendationProcess: the notice
 * period is over, no new objection is taken; the notice ends when every objection filed
 * in time is verified (the sub-process waits for its event sub-processes).
 */
@Component
class PartyCloseObjectionsDelegate implements JavaDelegate {

	private final PartyRecommendationRepository repository;

	PartyCloseObjectionsDelegate(PartyRecommendationRepository repository) {
		this.repository = repository;
	}

	@Override
	@Transactional
	public void execute(DelegateExecution execution) {
		// an objection being filed holds this row until its message has reached the
		// process
		this.repository.lockBranch(execution.getProcessInstanceId());
		this.repository.closeObjections(execution.getProcessInstanceId());
	}

}
