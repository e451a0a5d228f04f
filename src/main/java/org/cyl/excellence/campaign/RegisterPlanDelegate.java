package org.cyl.excellence.campaign;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.organization.Groups;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.OrganizationType;
import org.cyl.excellence.organization.Role;
import org.cyl.excellence.shared.Dates;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.campaign.CampaignVariables.*;

/**
 * {@code Task_RegisterPlan} (登记实施方案) of CampaignProcess, in the transaction of the start
 * form: checks the plan (a bad plan refuses the start, nothing is kept), finds the
 * initiator's committee and its higher-level committee, and records the campaign.
 */
@Component
class RegisterPlanDelegate implements JavaDelegate {

	private final CampaignRepository campaigns;

	private final OrganizationDirectory organizations;

	RegisterPlanDelegate(CampaignRepository campaigns, OrganizationDirectory organizations) {
		this.campaigns = campaigns;
		this.organizations = organizations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Plan plan = Plan.read(new FormData(execution));
		String initiator = (String) execution.getVariable(INITIATOR);
		Organization committee = committeeOf(initiator);
		if (committee.parentCode() == null) {
			throw FormData.invalid("发起组织", "没有上级团委审批实施方案：" + committee.name() + "是最高一级");
		}
		String id = this.campaigns.create(plan, committee.code(), initiator, execution.getProcessInstanceId());
		execution.setProcessBusinessKey(BusinessKeys.campaign(plan.title(), committee, id));
		execution.setVariable(CAMPAIGN_ID, id);
		execution.setVariable(COMMITTEE_CODE, committee.code());
		execution.setVariable(COMMITTEE_GROUP, Groups.of(committee.code(), Role.COMMITTEE));
		execution.setVariable(HIGHER_COMMITTEE_GROUP, Groups.of(committee.parentCode(), Role.COMMITTEE));
		setPlanVariables(execution, plan, committee, this.campaigns);
		execution.setVariable(PLAN_APPROVAL_DUE, Dates.inDays(7));
	}

	/** What ApprovePlan and the stage timer read; also after a revision. */
	static void setPlanVariables(DelegateExecution execution, Plan plan, Organization committee,
			CampaignRepository campaigns) {
		execution.setVariable(CAMPAIGN_TITLE, plan.title());
		execution.setVariable(PLAN_SUMMARY,
				plan.summary(committee.name(), campaigns.standardSetName(plan.standardSet())));
		execution.setVariable(SUMMARY_END_DATE, Dates.endOf(plan.summaryEnd()));
	}

	/**
	 * The committee the initiator launches the campaign for: where they are a committee
	 * member, a 团委 or 上级团委 (the lowest code when there are several).
	 */
	private Organization committeeOf(String initiator) {
		if (initiator == null) {
			throw FormData.invalid("发起人", "未知：请登录后在 Tasklist 中发起");
		}
		List<Organization> committees = this.organizations.organizationsWhere(initiator, Role.COMMITTEE)
			.stream()
			.sorted()
			.map((code) -> this.organizations.find(code).orElseThrow())
			.filter((o) -> o.type() == OrganizationType.COMMITTEE || o.type() == OrganizationType.HIGHER_COMMITTEE)
			.toList();
		if (committees.isEmpty()) {
			throw FormData.invalid("发起人", "不是任何团委的委员：只有团委委员可以发起创先争优活动");
		}
		return committees.get(0);
	}

}
