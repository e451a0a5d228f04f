package org.cyl.excellence.campaign;

import java.time.LocalDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.shared.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.campaign.CampaignVariables.CAMPAIGN_ID;
import static org.cyl.excellence.campaign.CampaignVariables.COMMITTEE_GROUP;
import static org.cyl.excellence.campaign.CampaignVariables.HIGHER_COMMITTEE_GROUP;
import static org.cyl.excellence.campaign.CampaignVariables.WITHDRAWAL_REASON;
import static org.cyl.excellence.campaign.CampaignVariables.WITHDRAWN_BY;

/**
 * {@code Task_WithdrawCampaign} (撤销活动) of CampaignProcess, in
 * SubProcess_CampaignWithdrawn: whatever the campaign was doing has been interrupted (the
 * plan's approval, the fan-out's pending chunk jobs, the wait for the branches, the
 * commendation). Records the withdrawal, ends every branch process through
 * {@link BranchProcesses#endAll} and publishes {@link CampaignWithdrawn} for the notices.
 * Who and why come with the message ({@link CampaignWithdrawal} sets them); an
 * administrator who correlates the message without them is recorded as the one who
 * withdrew.
 */
@Component
class WithdrawCampaignDelegate implements JavaDelegate {

	/** The delete reason of the branch processes starts with this. */
	static final String DELETE_REASON = "活动已撤销：";

	private final CampaignRepository campaigns;

	private final BranchProcesses branches;

	private final CurrentUser currentUser;

	private final ApplicationEventPublisher events;

	WithdrawCampaignDelegate(CampaignRepository campaigns, BranchProcesses branches, CurrentUser currentUser,
			ApplicationEventPublisher events) {
		this.campaigns = campaigns;
		this.branches = branches;
		this.currentUser = currentUser;
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String campaignId = (String) execution.getVariable(CAMPAIGN_ID);
		String by = (execution.getVariable(WITHDRAWN_BY) instanceof String name && !name.isBlank()) ? name
				: this.currentUser.id();
		String reason = (execution.getVariable(WITHDRAWAL_REASON) instanceof String text && !text.isBlank())
				? text.strip() : "未说明理由";
		if (reason.length() > CampaignWithdrawal.MAX_REASON) {
			reason = reason.substring(0, CampaignWithdrawal.MAX_REASON);
		}
		Campaign campaign = this.campaigns.find(campaignId).orElseThrow();
		LocalDateTime now = LocalDateTime.now();
		this.campaigns.withdraw(campaignId, by, reason, now);
		this.branches.endAll(campaign, DELETE_REASON + reason);
		this.events.publishEvent(new CampaignWithdrawn(campaignId, campaign.plan().title(), campaign.committeeCode(),
				(String) execution.getVariable(COMMITTEE_GROUP), (String) execution.getVariable(HIGHER_COMMITTEE_GROUP),
				by, reason, now, this.campaigns.startedBranches(campaignId)));
	}

}
