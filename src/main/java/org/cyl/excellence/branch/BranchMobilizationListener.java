package org.cyl.excellence.branch;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.branch.ReviewVariables.ATTENDANCE;
import static org.cyl.excellence.branch.ReviewVariables.BRANCH_PLAN;
import static org.cyl.excellence.branch.ReviewVariables.MEETING_DATE;

/**
 * {@code Task_MobilizeBranch} (制定支部方案并动员) of BranchCampaignProcess, on complete: the
 * branch's plan, the mobilisation meeting's date (held: not before the campaign began,
 * not in the future) and attendance (at most the branch's members).
 */
@Component
class BranchMobilizationListener implements TaskListener {

	private final BranchRecords records;

	private final CurrentUser currentUser;

	private final Campaigns campaigns;

	BranchMobilizationListener(BranchRecords records, CurrentUser currentUser, Campaigns campaigns) {
		this.records = records;
		this.currentUser = currentUser;
		this.campaigns = campaigns;
	}

	@Override
	public void notify(DelegateTask task) {
		FormData form = new FormData(task);
		String plan = form.text(BRANCH_PLAN, "支部实施方案", 2000);
		LocalDate meeting = form.date(MEETING_DATE, "动员大会日期");
		this.campaigns.find((String) task.getVariable(CampaignVariables.CAMPAIGN_ID))
			.ifPresent((campaign) -> campaign.plan().checkMeetingHeld(meeting, "动员大会日期"));
		int members = ((Number) task.getVariable(BranchVariables.MEMBER_COUNT)).intValue();
		int attendance = form.number(ATTENDANCE, "参会人数", 0, members);
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("plan", plan);
		content.put("meetingDate", meeting.toString());
		content.put("attendance", attendance);
		content.put("members", members);
		this.records.addDocument((String) task.getVariable(CampaignVariables.CAMPAIGN_ID),
				(String) task.getVariable(BranchVariables.BRANCH_CODE), "BRANCH_PLAN", FormData.toJson(content),
				this.currentUser.idOr(task.getAssignee()));
	}

}
