package org.cyl.excellence.branch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.campaign.Campaign;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.campaign.Plan;
import org.cyl.excellence.organization.Member;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.shared.Dates;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.branch.PledgeVariables.*;

/**
 * {@code Task_PrepareRound} (准备本轮承诺) of BranchCampaignProcess, at the start of each
 * pledge round: the round's theme and dates from the plan, the empty organisation pledge
 * with a block of fields per organisation item, and the members who sign. The pledge
 * window is {@code pledgeWindowDays} after the campaign's start (round one) or after the
 * previous round's end, and always closes before the round ends.
 */
@Component
class PrepareRoundDelegate implements JavaDelegate {

	private final Campaigns campaigns;

	private final OrganizationDirectory organizations;

	PrepareRoundDelegate(Campaigns campaigns, OrganizationDirectory organizations) {
		this.campaigns = campaigns;
		this.organizations = organizations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Campaign campaign = this.campaigns.find((String) execution.getVariable(CampaignVariables.CAMPAIGN_ID))
			.orElseThrow();
		Plan plan = campaign.plan();
		int roundNo = ((Number) execution.getVariable(ROUND_NO)).intValue();
		Plan.Round round = plan.rounds().get(roundNo - 1);
		LocalDate opens = (roundNo == 1) ? plan.campaignStart() : plan.rounds().get(roundNo - 2).endDate();
		LocalDate windowEnd = opens.plusDays(plan.pledgeWindowDays());
		if (!windowEnd.isBefore(round.endDate())) {
			windowEnd = round.endDate().minusDays(1);
		}
		execution.setVariable(ROUND_THEME, "第" + roundNo + "轮：" + round.theme());
		execution.setVariable(ROUND_END_DATE, Dates.endOf(round.endDate()));
		execution.setVariable(PLEDGE_DUE, Dates.endOf(windowEnd));
		execution.setVariable(PLEDGE_WINDOW_END, Dates.endOf(windowEnd));
		execution.setVariable(PLEDGE_REVIEW_DUE, Dates.endOf(windowEnd.plusDays(7)));
		execution.setVariable(EVALUATION_DUE, Dates.endOf(round.endDate().plusDays(7)));

		// the organisation pledge of this round starts blank: one block of fields per
		// organisation item
		FormData.showItems(execution, this.campaigns.standardItems(plan.standardSet(), "ORG"), false);
		FormData.clearPerItem(execution, false, COMMITMENT, MEASURES);
		List<String> signing = this.organizations.members((String) execution.getVariable(BranchVariables.BRANCH_CODE))
			.stream()
			.map(Member::username)
			.filter((u) -> u != null)
			.toList();
		execution.setVariable(PLEDGING_MEMBERS, new ArrayList<>(signing));
	}

}
