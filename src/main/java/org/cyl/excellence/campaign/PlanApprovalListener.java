package org.cyl.excellence.campaign;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.Dates;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.campaign.CampaignVariables.CAMPAIGN_ID;
import static org.cyl.excellence.campaign.CampaignVariables.PLAN_DECISION;
import static org.cyl.excellence.campaign.CampaignVariables.PLAN_OPINION;
import static org.cyl.excellence.campaign.CampaignVariables.PLAN_REVISION_DUE;

/**
 * {@code Task_ApprovePlan} (审批实施方案) of CampaignProcess. On create: a blank decision. On
 * complete: the decision and, when returned, the opinion; the opinion is kept with who
 * and when.
 */
@Component
class PlanApprovalListener implements TaskListener {

	static final String KIND = "PLAN_APPROVAL";

	private final CampaignRepository campaigns;

	private final Opinions opinions;

	private final CurrentUser currentUser;

	PlanApprovalListener(CampaignRepository campaigns, Opinions opinions, CurrentUser currentUser) {
		this.campaigns = campaigns;
		this.opinions = opinions;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			FormData.freshInputs(task, PLAN_DECISION, PLAN_OPINION);
			return;
		}
		FormData form = new FormData(task);
		String decision = form.choice(PLAN_DECISION, "审批结果", Set.of("approve", "return"));
		String opinion = "return".equals(decision) ? form.text(PLAN_OPINION, "审批意见", 1000)
				: form.optionalText(PLAN_OPINION, "审批意见", 1000);
		String campaignId = (String) task.getVariable(CAMPAIGN_ID);
		int attempt = this.opinions.count(campaignId, null, KIND) + 1;
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("decision", decision);
		content.put("opinion", opinion);
		this.opinions.add(campaignId, null, KIND, attempt, decision, FormData.toJson(content), null,
				this.currentUser.idOr(task.getAssignee()));
		this.campaigns.setStatus(campaignId, "approve".equals(decision) ? "APPROVED" : "RETURNED");
		// the decision leaves the task for Gateway_PlanApproved, the opinion for 修改实施方案
		task.getExecution().setVariable(PLAN_DECISION, decision);
		task.getExecution().setVariable(PLAN_OPINION, opinion);
		task.getExecution().setVariable(PLAN_REVISION_DUE, Dates.inDays(7));
	}

}
