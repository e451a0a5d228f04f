package org.cyl.excellence.branch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.branch.ReviewVariables.NEXT_STEPS;
import static org.cyl.excellence.branch.ReviewVariables.PROBLEMS;
import static org.cyl.excellence.branch.ReviewVariables.RESULTS;

/**
 * {@code Task_ReportWork} (汇报工作) of BranchCampaignProcess. On create: the organisation
 * standard items. On complete: results, problems and next steps for every item
 * ({@code results1..N} …), kept as the branch's report and shown to the reviewers.
 */
@Component
class WorkReportListener implements TaskListener {

	private final BranchRecords records;

	private final Campaigns campaigns;

	private final CurrentUser currentUser;

	WorkReportListener(BranchRecords records, Campaigns campaigns, CurrentUser currentUser) {
		this.records = records;
		this.campaigns = campaigns;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String campaignId = (String) task.getVariable(CampaignVariables.CAMPAIGN_ID);
		List<String> items = ReviewSupport.orgItems(this.campaigns, campaignId);
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			FormData.showItems(task.getExecution(), items, false);
			return;
		}
		FormData form = new FormData(task);
		List<String> results = form.perItem(RESULTS, "工作成效", items, 1000);
		List<String> problems = form.perItem(PROBLEMS, "存在问题", items, 1000);
		List<String> nextSteps = form.perItem(NEXT_STEPS, "下步打算", items, 1000);
		List<Map<String, Object>> report = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("item", items.get(i));
			row.put("results", results.get(i));
			row.put("problems", problems.get(i));
			row.put("nextSteps", nextSteps.get(i));
			report.add(row);
		}
		this.records.addDocument(campaignId, (String) task.getVariable(BranchVariables.BRANCH_CODE), "REPORT",
				FormData.toJson(report), this.currentUser.idOr(task.getAssignee()));
		task.getExecution().setVariable(ReviewVariables.REPORT_SUMMARY, ReviewSupport.reportSummary(report));
	}

}
