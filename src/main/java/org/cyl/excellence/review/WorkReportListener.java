package org.cyl.excellence.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.campaign.BranchVariables;
import org.cyl.excellence.campaign.CampaignRepository;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.system.CurrentUser;
import org.cyl.excellence.system.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.review.ReviewVariables.REPORT;

/**
 * {@code Task_ReportWork} (汇报工作) of BranchCampaignProcess. On create: one row per
 * organisation standard item. On complete: every row needs results, problems and next
 * steps.
 */
@Component
class WorkReportListener implements TaskListener {

	private final BranchRecords records;

	private final CampaignRepository campaigns;

	private final CurrentUser currentUser;

	WorkReportListener(BranchRecords records, CampaignRepository campaigns, CurrentUser currentUser) {
		this.records = records;
		this.campaigns = campaigns;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String campaignId = (String) task.getVariable(CampaignVariables.CAMPAIGN_ID);
		List<String> items = ReviewSupport.orgItems(this.campaigns, campaignId);
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			if (task.getVariable(REPORT) == null) {
				List<Map<String, Object>> empty = new ArrayList<>();
				for (String item : items) {
					Map<String, Object> row = new LinkedHashMap<>();
					row.put("item", item);
					row.put("results", "");
					row.put("problems", "");
					row.put("nextSteps", "");
					empty.add(row);
				}
				task.setVariable(REPORT, FormData.jsonVariable(empty));
			}
			return;
		}
		List<Map<String, Object>> rows = new FormData(task).itemList(REPORT, "工作汇报", items);
		List<Map<String, Object>> report = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			String item = row.get("item").toString();
			Map<String, Object> clean = new LinkedHashMap<>();
			clean.put("item", item);
			clean.put("results", FormData.rowText(row, "results", item + "的工作成效", 1000));
			clean.put("problems", FormData.rowText(row, "problems", item + "的存在问题", 1000));
			clean.put("nextSteps", FormData.rowText(row, "nextSteps", item + "的下步打算", 1000));
			report.add(clean);
		}
		this.records.addDocument(campaignId, (String) task.getVariable(BranchVariables.BRANCH_CODE), "REPORT",
				FormData.toJson(report), this.currentUser.idOr(task.getAssignee()));
		task.setVariable(REPORT, FormData.jsonVariable(report));
	}

}
