package org.cyl.excellence.pledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.campaign.CampaignRepository;
import org.cyl.excellence.organization.Member;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.system.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.pledge.PledgeVariables.HIGHER_STANDARD;
import static org.cyl.excellence.pledge.PledgeVariables.IS_CADRE;
import static org.cyl.excellence.pledge.PledgeVariables.MEMBER_PLEDGE;

/**
 * {@code Task_SignMemberPledge} (签订个人承诺) of BranchCampaignProcess, one task per member.
 * On create: the member's empty pledge (one row per member standard item) and whether the
 * member is a cadre, as task variables. On complete: a commitment for every item, and for
 * cadres (团干部) also the higher-standard commitment (003 四(四): cadres pledge to a higher
 * standard than ordinary members).
 */
@Component
class MemberPledgeListener implements TaskListener {

	private final PledgeRepository pledges;

	private final CampaignRepository campaigns;

	private final OrganizationDirectory organizations;

	MemberPledgeListener(PledgeRepository pledges, CampaignRepository campaigns, OrganizationDirectory organizations) {
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
			List<Map<String, Object>> rows = new ArrayList<>();
			for (String item : items) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("item", item);
				row.put("commitment", "");
				rows.add(row);
			}
			task.setVariableLocal(MEMBER_PLEDGE, FormData.jsonVariable(rows));
			task.setVariableLocal(IS_CADRE, member.cadre());
			FormData.freshInputs(task, HIGHER_STANDARD);
			return;
		}
		FormData form = new FormData(task);
		List<Map<String, Object>> rows = form.itemList(MEMBER_PLEDGE, "个人承诺", items);
		List<Map<String, Object>> pledge = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			String item = row.get("item").toString();
			pledge.add(Map.of("item", item, "commitment", FormData.rowText(row, "commitment", item + "的承诺内容", 500)));
		}
		String higher = member.cadre() ? form.text(HIGHER_STANDARD, "团干部更高标准承诺", 500) : null;
		this.pledges.sign(round.campaignId(), round.branchCode(), round.round(), member.leagueNo(),
				FormData.toJson(pledge), higher);
	}

}
