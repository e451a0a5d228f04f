package org.cyl.excellence.campaign;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.campaign.CampaignVariables.CAMPAIGN_ID;
import static org.cyl.excellence.campaign.CampaignVariables.COMMITTEE_CODE;

/**
 * {@code Task_RevisePlan} (修改实施方案) of CampaignProcess, on complete: the revised plan,
 * checked like the start form, replaces the plan; it goes back to the higher-level
 * committee.
 */
@Component
class PlanRevisionListener implements TaskListener {

	private final CampaignRepository campaigns;

	private final OrganizationDirectory organizations;

	PlanRevisionListener(CampaignRepository campaigns, OrganizationDirectory organizations) {
		this.campaigns = campaigns;
		this.organizations = organizations;
	}

	@Override
	public void notify(DelegateTask task) {
		String campaignId = (String) task.getVariable(CAMPAIGN_ID);
		Plan plan = Plan.read(new FormData(task),
				this.campaigns.find(campaignId).map((c) -> c.plan().pledgeNames()).orElse(Plan.COUNTS));
		this.campaigns.update(campaignId, plan);
		this.campaigns.setStatus(campaignId, "PLANNED");
		RegisterPlanDelegate.setPlanVariables(task.getExecution(), plan,
				this.organizations.find((String) task.getVariable(COMMITTEE_CODE)).orElseThrow(), this.campaigns);
	}

}
