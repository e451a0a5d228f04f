package org.cyl.excellence.campaign;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.campaign.CampaignVariables.CAMPAIGN_ID;

/**
 * {@code Task_RecordLateBranches} (通报未完成支部) of CampaignProcess, when the summary stage
 * has ended while branches are still at work: records which, for supervision. The
 * campaign keeps waiting for them.
 */
@Component
class RecordLateBranchesDelegate implements JavaDelegate {

	static final String KIND = "LATE_BRANCHES";

	private final CampaignRepository campaigns;

	private final Opinions opinions;

	RecordLateBranchesDelegate(CampaignRepository campaigns, Opinions opinions) {
		this.campaigns = campaigns;
		this.opinions = opinions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String campaignId = (String) execution.getVariable(CAMPAIGN_ID);
		List<String> late = this.campaigns.unfinishedBranches(campaignId);
		this.opinions.add(campaignId, null, KIND, 1, "LATE",
				FormData.toJson(Map.of("branches", late, "stages", this.campaigns.stageCounts(campaignId))), null,
				CurrentUser.SYSTEM);
	}

}
