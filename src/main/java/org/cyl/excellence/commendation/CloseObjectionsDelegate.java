package org.cyl.excellence.commendation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.campaign.CampaignVariables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Task_CloseObjections} (停止受理异议) of CommendationProcess: the notice period is
 * over, no new objection is taken. The notice itself ends only when every objection filed
 * in time is verified (the sub-process waits for its event sub-processes).
 */
@Component
class CloseObjectionsDelegate implements JavaDelegate {

	private final CommendationRepository commendations;

	CloseObjectionsDelegate(CommendationRepository commendations) {
		this.commendations = commendations;
	}

	@Override
	@Transactional
	public void execute(DelegateExecution execution) {
		String campaignId = (String) execution.getVariable(CampaignVariables.CAMPAIGN_ID);
		// an objection being filed holds this row until its message has reached the
		// process
		this.commendations.lock(campaignId);
		this.commendations.closeObjections(campaignId);
	}

}
