package org.cyl.excellence.appraisal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.appraisal.AppraisalVariables.APPRAISAL_ITEMS;
import static org.cyl.excellence.appraisal.AppraisalVariables.BALLOT_COUNT;
import static org.cyl.excellence.appraisal.AppraisalVariables.CLOSES_AT;
import static org.cyl.excellence.appraisal.AppraisalVariables.OPENS_AT;
import static org.cyl.excellence.appraisal.AppraisalVariables.ORG_CODE;
import static org.cyl.excellence.appraisal.AppraisalVariables.PUBLISH_SCOPE;

/**
 * {@code Task_InitiateAppraisal} (发起群众评议) of MassAppraisalProcess. On create: the items
 * the masses will be asked (one per organisation standard item, then 总体评价), what is
 * appraised in which campaign, and why an appraisal is held again. On complete: the
 * number of ballots (1–2000), the opening and closing day (closing after opening, not in
 * the past) and where the results are published.
 */
@Component
class InitiateAppraisalListener implements TaskListener {

	static final Set<String> SCOPES = Set.of("BRANCH", "COMMITTEE");

	static final int MAX_BALLOTS = 2000;

	/**
	 * What the form names as appraised: the organisation, or a committee's candidates.
	 */
	static final String APPRAISAL_SUBJECT = "appraisalSubject";

	/** Why an appraisal is held again (the last one's participation), or nothing. */
	static final String APPRAISAL_REPEAT_REASON = "appraisalRepeatReason";

	private final AppraisalItems items;

	private final AppraisalRepository appraisals;

	private final OrganizationDirectory organizations;

	private final Campaigns campaigns;

	InitiateAppraisalListener(AppraisalItems items, AppraisalRepository appraisals, OrganizationDirectory organizations,
			Campaigns campaigns) {
		this.items = items;
		this.appraisals = appraisals;
		this.organizations = organizations;
		this.campaigns = campaigns;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			List<String> asked = this.items.of(task);
			task.setVariable(APPRAISAL_ITEMS, String.join("、", asked));
			describe(task);
			FormData.freshInputs(task, BALLOT_COUNT, OPENS_AT, CLOSES_AT, PUBLISH_SCOPE);
			return;
		}
		FormData form = new FormData(task);
		int ballots = form.number(BALLOT_COUNT, "选票数量", 1, MAX_BALLOTS);
		LocalDate opens = form.date(OPENS_AT, "评议开始日期");
		LocalDate closes = form.date(CLOSES_AT, "评议截止日期");
		if (closes.isBefore(LocalDate.now())) {
			throw FormData.invalid("评议截止日期", "不能早于今天");
		}
		if (closes.isBefore(opens)) {
			throw FormData.invalid("评议截止日期", "不能早于评议开始日期");
		}
		String scope = form.choice(PUBLISH_SCOPE, "结果公布范围", SCOPES);
		// the validated values leave the task for Task_IssueBallots
		task.getExecution().setVariable(BALLOT_COUNT, ballots);
		task.getExecution().setVariable(OPENS_AT, opens.toString());
		task.getExecution().setVariable(CLOSES_AT, closes.toString());
		task.getExecution().setVariable(PUBLISH_SCOPE, scope);
	}

	/**
	 * Names on the task what is appraised and for which campaign (Tasklist's list and the
	 * form show them: several appraisals wait for one committee at once), and, for an
	 * appraisal held again, why the last one did not count.
	 */
	private void describe(DelegateTask task) {
		String orgCode = (String) task.getVariable(ORG_CODE);
		String campaignId = (String) task.getVariable(CampaignVariables.CAMPAIGN_ID);
		String orgName = this.organizations.find(orgCode).map(Organization::name).orElse(orgCode);
		boolean candidates = task.getVariable(AppraisalItems.SUBJECTS) != null;
		String subject = candidates ? orgName + "拟表彰对象（候选名单）" : orgName;
		task.setVariableLocal("branchName", subject);
		task.setVariableLocal(APPRAISAL_SUBJECT, subject);
		this.campaigns.find(campaignId)
			.ifPresent((campaign) -> task.setVariableLocal(CampaignVariables.CAMPAIGN_TITLE, campaign.plan().title()));
		String reason = this.appraisals.findByCampaign(campaignId)
			.stream()
			.filter((a) -> a.orgCode().equals(orgCode) && "REPEAT".equals(a.outcome()))
			.max(java.util.Comparator.comparingInt(AppraisalRepository.Appraisal::round))
			.map((a) -> "第" + a.round() + "轮评议发出选票 " + a.ballotsIssued() + " 张，收回 " + a.ballotsCast() + " 张，参评率 "
					+ AppraisalRectifyListener.percent(a.participation()) + "，未达到有效评议的要求，须重新组织评议。")
			.orElse(null);
		task.setVariableLocal(APPRAISAL_REPEAT_REASON, reason);
	}

}
