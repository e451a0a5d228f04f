package org.cyl.excellence.branch;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.branch.ReviewVariables.RECTIFY_MEASURES;
import static org.cyl.excellence.branch.ReviewVariables.RECTIFY_RESULT;
import static org.cyl.excellence.branch.ReviewVariables.REVIEW_FINDINGS;

/**
 * {@code Task_Rectify} (限期整改) of BranchCampaignProcess. On create: every opinion so far,
 * so that the secretary sees what to rectify (and, after 督办, the supervision). On
 * complete: measures and results, kept on the branch's record; then the same reviewers
 * review again (补课).
 */
@Component
class RectificationListener implements TaskListener {

	private final BranchRecords records;

	private final CurrentUser currentUser;

	RectificationListener(BranchRecords records, CurrentUser currentUser) {
		this.records = records;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String campaignId = (String) task.getVariable(CampaignVariables.CAMPAIGN_ID);
		String branch = (String) task.getVariable(BranchVariables.BRANCH_CODE);
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			task.setVariable(REVIEW_FINDINGS, ReviewSupport.history(this.records, campaignId, branch));
			FormData.freshInputs(task, RECTIFY_MEASURES, RECTIFY_RESULT);
			return;
		}
		FormData form = new FormData(task);
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("measures", form.text(RECTIFY_MEASURES, "整改措施", 2000));
		content.put("result", form.text(RECTIFY_RESULT, "整改情况", 2000));
		this.records.addDocument(campaignId, branch, "RECTIFICATION", FormData.toJson(content),
				this.currentUser.idOr(task.getAssignee()));
	}

}
