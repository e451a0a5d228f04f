package org.cyl.excellence.campaign;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far the branches of a campaign are (the campaign_branch table, not a shared process
 * variable), and the moment the last branch finishes: then the campaign, waiting in
 * {@code Task_AwaitBranches}, moves on. Both sides lock the campaign's row, so that
 * exactly one of them sees "all finished".
 */
@Service("campaignProgress")
public class CampaignProgress {

	private final CampaignRepository campaigns;

	private final RuntimeService runtimeService;

	CampaignProgress(CampaignRepository campaigns, RuntimeService runtimeService) {
		this.campaigns = campaigns;
		this.runtimeService = runtimeService;
	}

	/** Gateway_AllBranchesFinished of CampaignProcess. */
	@Transactional
	public boolean allBranchesFinished(String campaignId) {
		this.campaigns.lock(campaignId);
		return this.campaigns.unfinishedBranches(campaignId).isEmpty();
	}

	@Transactional
	public void enterStage(String campaignId, String branchCode, String stage) {
		this.campaigns.setStage(campaignId, branchCode, stage);
	}

	/**
	 * The branch's process has ended: when it was the last one, the campaign moves on.
	 */
	@Transactional
	public void branchFinished(String campaignId, String branchCode) {
		this.campaigns.lock(campaignId);
		this.campaigns.setStage(campaignId, branchCode, "FINISHED");
		if (!this.campaigns.unfinishedBranches(campaignId).isEmpty()) {
			return;
		}
		String campaignInstance = this.campaigns.find(campaignId).orElseThrow().processInstanceId();
		Execution waiting = this.runtimeService.createExecutionQuery()
			.processInstanceId(campaignInstance)
			.messageEventSubscriptionName(CampaignVariables.MESSAGE_ALL_BRANCHES_FINISHED)
			.singleResult();
		if (waiting != null) {
			this.runtimeService.createMessageCorrelation(CampaignVariables.MESSAGE_ALL_BRANCHES_FINISHED)
				.processInstanceId(campaignInstance)
				.correlate();
		}
	}

}
