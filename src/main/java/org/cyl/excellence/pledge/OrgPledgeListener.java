package org.cyl.excellence.pledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.campaign.CampaignRepository;
import org.cyl.excellence.system.CurrentUser;
import org.cyl.excellence.system.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.pledge.PledgeVariables.ORG_PLEDGE;

/**
 * {@code Task_DraftOrgPledge} (制定组织承诺) and {@code Task_ReviseOrgPledge} (修改组织承诺) of
 * BranchCampaignProcess, on complete: a commitment and measures for every organisation
 * standard item; every version is kept.
 */
@Component
class OrgPledgeListener implements TaskListener {

	private final PledgeRepository pledges;

	private final CampaignRepository campaigns;

	private final CurrentUser currentUser;

	OrgPledgeListener(PledgeRepository pledges, CampaignRepository campaigns, CurrentUser currentUser) {
		this.pledges = pledges;
		this.campaigns = campaigns;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		RoundContext round = RoundContext.of(task);
		List<String> items = this.campaigns
			.standardItems(this.campaigns.find(round.campaignId()).orElseThrow().plan().standardSet(), "ORG");
		List<Map<String, Object>> rows = new FormData(task).itemList(ORG_PLEDGE, "组织承诺", items);
		List<Map<String, Object>> pledge = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			String item = row.get("item").toString();
			Map<String, Object> clean = new LinkedHashMap<>();
			clean.put("item", item);
			clean.put("commitment", FormData.rowText(row, "commitment", item + "的承诺内容", 500));
			clean.put("measures", FormData.rowText(row, "measures", item + "的落实措施", 500));
			pledge.add(clean);
		}
		this.pledges.addDocument(round.campaignId(), round.branchCode(), PledgeRepository.ORG_PLEDGE, round.round(),
				FormData.toJson(pledge), this.currentUser.idOr(task.getAssignee()));
		task.setVariable(ORG_PLEDGE, FormData.jsonVariable(pledge));
	}

}
