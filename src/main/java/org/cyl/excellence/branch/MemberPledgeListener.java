package org.cyl.excellence.branch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.organization.Member;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.branch.PledgeVariables.HIGHER_STANDARD;
import static org.cyl.excellence.branch.PledgeVariables.IS_CADRE;
import static org.cyl.excellence.branch.PledgeVariables.PLEDGE;

/**
 * {@code Task_SignMemberPledge} (签订个人承诺) of BranchCampaignProcess, one task per member.
 * On create: the member standard items, empty fields and whether the member is a cadre,
 * all on the task itself (members sign in parallel). On complete: a commitment for every
 * item ({@code pledge1..N}), and for cadres (团干部) also the higher-standard commitment
 * (003 四(四): cadres pledge to a higher standard than other members).
 */
@Component
class MemberPledgeListener implements TaskListener {

	private final PledgeRepository pledges;

	private final Campaigns campaigns;

	private final OrganizationDirectory organizations;

	MemberPledgeListener(PledgeRepository pledges, Campaigns campaigns, OrganizationDirectory organizations) {
		this.pledges = pledges;
		this.campaigns = campaigns;
		this.organizations = organizations;
	}

	@Override
	public void notify(DelegateTask task) {
		RoundContext round = RoundContext.of(task);
		List<String> items = this.campaigns
			.standardItems(this.campaigns.find(round.campaignId()).orElseThrow().plan().standardSet(), "MEMBER");
		Member member = this.organizations.memberByUsername(task.getAssignee())
			.orElseThrow(() -> FormData.invalid("团员", task.getAssignee() + " 不是团员"));
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			FormData.showItems(task, items, true);
			FormData.clearPerItem(task, true, PLEDGE);
			task.setVariableLocal(IS_CADRE, member.cadre());
			FormData.freshInputs(task, HIGHER_STANDARD);
			return;
		}
		FormData form = new FormData(task);
		List<String> commitments = form.perItem(PLEDGE, "承诺内容", items, 500);
		List<Map<String, Object>> pledge = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			pledge.add(Map.of("item", items.get(i), "commitment", commitments.get(i)));
		}
		String higher = member.cadre() ? form.text(HIGHER_STANDARD, "团干部更高标准承诺", 500) : null;
		this.pledges.sign(round.campaignId(), round.branchCode(), round.round(), member.leagueNo(),
				FormData.toJson(pledge), higher);
	}

}
