package org.cyl.excellence.branch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cyl.excellence.campaign.Campaign;
import org.cyl.excellence.campaign.Plan;
import org.cyl.excellence.organization.Organization;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 公开承诺: a branch's approved pledges, round by round, as a page and as JSON, for the
 * branch's members and its reviewers (the committees above it and its Party
 * organisation). Only rounds whose pledges were approved and published are shown.
 */
@Controller
class PledgeController {

	private static final ObjectMapper json = new ObjectMapper();

	private final BranchAccess access;

	private final PledgeRepository pledges;

	PledgeController(BranchAccess access, PledgeRepository pledges) {
		this.access = access;
		this.pledges = pledges;
	}

	record RoundView(int round, String theme, List<Map<String, Object>> organizationPledge, List<MemberView> members) {
	}

	record MemberView(String name, boolean cadre, String status, List<Map<String, Object>> commitments,
			String higherStandard) {
	}

	record BranchPledges(String campaignTitle, String branchCode, String branchName, List<RoundView> rounds) {
	}

	@GetMapping("/api/campaigns/{campaignId}/branches/{branchCode}/pledges")
	@ResponseBody
	BranchPledges api(@PathVariable String campaignId, @PathVariable String branchCode, Authentication authentication) {
		return published(campaignId, branchCode, authentication);
	}

	@GetMapping("/campaigns/{campaignId}/branches/{branchCode}/pledges")
	String page(@PathVariable String campaignId, @PathVariable String branchCode, Authentication authentication,
			Model model) {
		model.addAttribute("pledges", published(campaignId, branchCode, authentication));
		model.addAttribute("campaignId", campaignId);
		return "branch/pledges";
	}

	private BranchPledges published(String campaignId, String branchCode, Authentication authentication) {
		BranchAccess.CampaignBranch opened = this.access.open(campaignId, branchCode, authentication, "的承诺");
		Campaign campaign = opened.campaign();
		Organization branch = opened.branch();
		List<RoundView> rounds = new ArrayList<>();
		for (int round : this.pledges.publishedRounds(campaignId, branchCode)) {
			Plan.Round planned = campaign.plan().rounds().get(round - 1);
			List<Map<String, Object>> organization = this.pledges
				.latestDocument(campaignId, branchCode, PledgeRepository.ORG_PLEDGE, round)
				.map(PledgeController::rows)
				.orElse(List.of());
			List<MemberView> members = new ArrayList<>();
			for (PledgeRepository.MemberPledgeRow row : this.pledges.memberPledges(campaignId, branchCode, round)) {
				members.add(new MemberView(row.name(), row.cadre(), "SIGNED".equals(row.status()) ? "已承诺" : "未按期承诺",
						(row.content() != null) ? rows(row.content()) : List.of(), row.higherStandard()));
			}
			rounds.add(new RoundView(round, planned.theme(), organization, members));
		}
		return new BranchPledges(campaign.plan().title(), branchCode, branch.name(), rounds);
	}

	private static List<Map<String, Object>> rows(String content) {
		try {
			return json.readValue(content, new TypeReference<List<Map<String, Object>>>() {
			});
		}
		catch (Exception ex) {
			return List.of(new LinkedHashMap<>(Map.of("item", "（无法读取）")));
		}
	}

}
