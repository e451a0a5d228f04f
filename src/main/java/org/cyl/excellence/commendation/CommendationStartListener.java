package org.cyl.excellence.commendation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.organization.Groups;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.Role;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.commendation.CommendationVariables.PARTY_GROUP;

/**
 * The start of CommendationProcess ({@code StartEvent_CommendationStarted}): records the
 * commendation and finds who recommends organisations — the reviewers of the committee's
 * Party organisation (001 篇七: 党委推荐先进组织), or the committee itself when no Party
 * organisation is linked above it.
 */
@Component
class CommendationStartListener implements ExecutionListener {

	private final CommendationRepository commendations;

	private final OrganizationDirectory organizations;

	CommendationStartListener(CommendationRepository commendations, OrganizationDirectory organizations) {
		this.commendations = commendations;
		this.organizations = organizations;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String campaignId = (String) execution.getVariable(CampaignVariables.CAMPAIGN_ID);
		String committee = (String) execution.getVariable(CampaignVariables.COMMITTEE_CODE);
		this.commendations.create(campaignId, committee, execution.getProcessInstanceId());
		execution.setVariable(PARTY_GROUP,
				this.organizations.partyOrganizationOf(committee)
					.map((party) -> Groups.of(party, Role.REVIEWER))
					.orElse(Groups.of(committee, Role.COMMITTEE)));
	}

}
