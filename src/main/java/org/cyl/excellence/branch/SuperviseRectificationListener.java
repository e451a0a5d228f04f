package org.cyl.excellence.branch;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.campaign.Opinions;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.branch.ReviewVariables.REVIEW_HISTORY;
import static org.cyl.excellence.branch.ReviewVariables.SUPERVISION_OPINION;

/**
 * {@code Task_SuperviseRectification} (督办整改) of BranchCampaignProcess, after the branch
 * failed its review twice: the higher-level committee reads the history and gives a
 * supervision opinion, kept with who and when and shown to the secretary in 限期整改. This is
 * 督办 within the branch's own review loop, not 督查 (supervision/, which watches every
 * process from outside).
 */
// the bean name every deployed BranchCampaignProcess calls (${supervisionListener})
@Component("supervisionListener")
class SuperviseRectificationListener implements TaskListener {

	static final String KIND = "SUPERVISION";

	private final Opinions opinions;

	private final BranchRecords records;

	private final CurrentUser currentUser;

	SuperviseRectificationListener(Opinions opinions, BranchRecords records, CurrentUser currentUser) {
		this.opinions = opinions;
		this.records = records;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String campaignId = (String) task.getVariable(CampaignVariables.CAMPAIGN_ID);
		String branch = (String) task.getVariable(BranchVariables.BRANCH_CODE);
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			task.setVariable(REVIEW_HISTORY, ReviewSupport.history(this.records, campaignId, branch));
			FormData.freshInputs(task, SUPERVISION_OPINION);
			return;
		}
		String opinion = new FormData(task).text(SUPERVISION_OPINION, "督办意见", 1000);
		int attempt = this.opinions.count(campaignId, branch, KIND) + 1;
		this.opinions.add(campaignId, branch, KIND, attempt, null, FormData.toJson(Map.of("opinion", opinion)), null,
				this.currentUser.idOr(task.getAssignee()));
	}

}
