package org.cyl.excellence.branch;

import org.cyl.excellence.campaign.CampaignProgress;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.campaign.CampaignVariables.CAMPAIGN_ID;

/**
 * Execution listener of BranchCampaignProcess on the elements that open a stage
 * (Task_MobilizeBranch, SubProcess_PledgeRound, Task_ReportWork, Gateway_ReviewSplit,
 * Task_Rectify) and on EndEvent_BranchCampaignCompleted: keeps the branch's stage in the
 * campaign's table.
 */
@Component
class BranchStageListener implements ExecutionListener {

	static final Map<String, String> STAGES = Map.of("Task_MobilizeBranch", "MOBILIZING", "SubProcess_PledgeRound",
			"PLEDGING", "Task_ReportWork", "REPORTING", "Gateway_ReviewSplit", "REVIEWING", "Task_Rectify",
			"RECTIFYING", "CallActivity_MassAppraisal", "APPRAISING");

	private final CampaignProgress progress;

	BranchStageListener(CampaignProgress progress) {
		this.progress = progress;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String campaignId = (String) execution.getVariable(CAMPAIGN_ID);
		String branch = (String) execution.getVariable(BranchVariables.BRANCH_CODE);
		String activity = execution.getCurrentActivityId();
		if ("EndEvent_BranchCampaignCompleted".equals(activity)) {
			this.progress.branchFinished(campaignId, branch);
		}
		else if (STAGES.containsKey(activity)) {
			this.progress.enterStage(campaignId, branch, STAGES.get(activity));
		}
	}

}
