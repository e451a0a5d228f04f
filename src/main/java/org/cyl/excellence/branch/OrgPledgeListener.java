package org.cyl.excellence.branch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.branch.PledgeVariables.COMMITMENT;
import static org.cyl.excellence.branch.PledgeVariables.MEASURES;

/**
 * {@code Task_DraftOrgPledge} (制定组织承诺) and {@code Task_ReviseOrgPledge} (修改组织承诺) of
 * BranchCampaignProcess, on complete: a commitment and measures for every organisation
 * standard item ({@code commitment1..N}, {@code measures1..N}); every version is kept.
 */
@Component
class OrgPledgeListener implements TaskListener {

	private final PledgeRepository pledges;

	private final Campaigns campaigns;

	private final CurrentUser currentUser;

	OrgPledgeListener(PledgeRepository pledges, Campaigns campaigns, CurrentUser currentUser) {
		this.pledges = pledges;
		this.campaigns = campaigns;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		RoundContext round = RoundContext.of(task);
		List<String> items = this.campaigns
			.standardItems(this.campaigns.find(round.campaignId()).orElseThrow().plan().standardSet(), "ORG");
		FormData form = new FormData(task);
		List<String> commitments = form.perItem(COMMITMENT, "承诺内容", items, 500);
		List<String> measures = form.perItem(MEASURES, "落实措施", items, 500);
		List<Map<String, Object>> pledge = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("item", items.get(i));
			row.put("commitment", commitments.get(i));
			row.put("measures", measures.get(i));
			pledge.add(row);
		}
		this.pledges.addDocument(round.campaignId(), round.branchCode(), PledgeRepository.ORG_PLEDGE, round.round(),
				FormData.toJson(pledge), this.currentUser.idOr(task.getAssignee()));
	}

}
