package org.cyl.excellence.campaign;

import java.util.List;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.campaign.CampaignVariables.BRANCH_CHUNKS;
import static org.cyl.excellence.campaign.CampaignVariables.CAMPAIGN_ID;
import static org.cyl.excellence.campaign.CampaignVariables.COMMITTEE_CODE;

/**
 * {@code Task_ListBranches} (确定参加支部) of CampaignProcess: records every branch of the
 * committee's subtree as taking part, and cuts them into chunks that
 * {@link StartBranchesDelegate} starts, one job and one transaction per chunk, the chunks
 * in parallel (design.md: no multi-instance over all branches, no single huge
 * transaction).
 */
@Component
class ListBranchesDelegate implements JavaDelegate {

	private final CampaignRepository campaigns;

	private final OrganizationDirectory organizations;

	private final int chunkSize;

	ListBranchesDelegate(CampaignRepository campaigns, OrganizationDirectory organizations,
			CampaignProperties properties) {
		this.campaigns = campaigns;
		this.organizations = organizations;
		this.chunkSize = properties.fanOutChunkSize();
	}

	@Override
	public void execute(DelegateExecution execution) {
		String campaignId = (String) execution.getVariable(CAMPAIGN_ID);
		List<String> branches = this.organizations.branchesBelow((String) execution.getVariable(COMMITTEE_CODE));
		this.campaigns.addBranches(campaignId, branches);
		this.campaigns.setStatus(campaignId, "RUNNING");
		int chunks = (this.campaigns.countBranches(campaignId) + this.chunkSize - 1) / this.chunkSize;
		execution.setVariable(BRANCH_CHUNKS, IntStream.range(0, chunks).boxed().toList());
	}

	int chunkSize() {
		return this.chunkSize;
	}

}
