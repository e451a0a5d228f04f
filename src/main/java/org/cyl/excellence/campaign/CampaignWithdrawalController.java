package org.cyl.excellence.campaign;

import java.util.LinkedHashMap;
import java.util.Map;

import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 撤销活动 as a page: the confirmation with the reason ({@code /campaigns/{id}/withdraw},
 * linked from the campaign list and the campaign's dashboard for those who may), and as
 * JSON ({@code POST /api/campaigns/{id}/withdrawal} with {@code {"reason": ...}}). Only
 * committee members of the campaign's own committee; see {@link CampaignWithdrawal}.
 */
@Controller
class CampaignWithdrawalController {

	private final CampaignWithdrawal withdrawal;

	private final OrganizationDirectory organizations;

	CampaignWithdrawalController(CampaignWithdrawal withdrawal, OrganizationDirectory organizations) {
		this.withdrawal = withdrawal;
		this.organizations = organizations;
	}

	@GetMapping("/campaigns/{campaignId}/withdraw")
	String confirm(@PathVariable String campaignId, Authentication auth, Model model) {
		Campaign campaign = this.withdrawal.withdrawable(campaignId, auth);
		model.addAttribute("campaignId", campaign.id());
		model.addAttribute("title", campaign.plan().title());
		model.addAttribute("committee", committeeName(campaign));
		model.addAttribute("approved", !"PLANNED".equals(campaign.status()));
		model.addAttribute("maxReason", CampaignWithdrawal.MAX_REASON);
		return "campaign/campaign-withdraw";
	}

	@PostMapping("/campaigns/{campaignId}/withdraw")
	String withdraw(@PathVariable String campaignId, @RequestParam(required = false) String reason,
			Authentication auth) {
		this.withdrawal.withdraw(campaignId, reason, auth);
		return "redirect:/campaigns/" + campaignId + "/dashboard";
	}

	record WithdrawalRequest(String reason) {
	}

	@PostMapping("/api/campaigns/{campaignId}/withdrawal")
	@ResponseBody
	Map<String, Object> withdrawApi(@PathVariable String campaignId,
			@RequestBody(required = false) WithdrawalRequest request, Authentication auth) {
		Withdrawal done = this.withdrawal.withdraw(campaignId, (request != null) ? request.reason() : null, auth);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("campaignId", campaignId);
		answer.put("status", CampaignWithdrawal.WITHDRAWN);
		answer.put("withdrawnAt", done.withdrawnAt().toString());
		answer.put("withdrawnBy", done.withdrawnBy());
		answer.put("reason", done.reason());
		answer.put("message", "活动已撤销");
		return answer;
	}

	private String committeeName(Campaign campaign) {
		return this.organizations.find(campaign.committeeCode())
			.map(Organization::name)
			.orElse(campaign.committeeCode());
	}

}
