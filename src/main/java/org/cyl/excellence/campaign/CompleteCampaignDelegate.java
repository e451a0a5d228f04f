package org.cyl.excellence.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.campaign.CampaignVariables.CAMPAIGN_ID;

/** {@code Task_CompleteCampaign} (总结活动) of CampaignProcess: every branch has finished. */
@Component
class CompleteCampaignDelegate implements JavaDelegate {

	private final CampaignRepository campaigns;

	CompleteCampaignDelegate(CampaignRepository campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.campaigns.setStatus((String) execution.getVariable(CAMPAIGN_ID), "COMPLETED");
	}

}
