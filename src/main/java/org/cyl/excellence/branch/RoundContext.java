package org.cyl.excellence.branch;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.cyl.excellence.campaign.CampaignVariables;

/** Which campaign, branch and round a pledge task or step belongs to. */
record RoundContext(String campaignId, String branchCode, int round) {

	static RoundContext of(VariableScope scope) {
		return new RoundContext((String) scope.getVariable(CampaignVariables.CAMPAIGN_ID),
				(String) scope.getVariable(BranchVariables.BRANCH_CODE),
				((Number) scope.getVariable(PledgeVariables.ROUND_NO)).intValue());
	}

}
