package org.cyl.excellence.branch;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.organization.Member;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordUnsignedMembers} (记录未按期承诺团员) of BranchCampaignProcess, when the
 * pledge window closes before every member has signed: the members without a signed
 * pledge are recorded as overdue, shown to the secretary and the reviewers; the round
 * goes on without them.
 */
@Component
class RecordUnsignedMembersDelegate implements JavaDelegate {

	private final PledgeRepository pledges;

	private final OrganizationDirectory organizations;

	RecordUnsignedMembersDelegate(PledgeRepository pledges, OrganizationDirectory organizations) {
		this.pledges = pledges;
		this.organizations = organizations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RoundContext round = RoundContext.of(execution);
		Map<String, String> statuses = this.pledges.statuses(round.campaignId(), round.branchCode(), round.round());
		for (Member member : this.organizations.members(round.branchCode())) {
			if (!"SIGNED".equals(statuses.get(member.leagueNo()))) {
				this.pledges.markOverdue(round.campaignId(), round.branchCode(), round.round(), member.leagueNo());
			}
		}
	}

}
