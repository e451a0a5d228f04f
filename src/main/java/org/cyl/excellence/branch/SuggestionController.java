package org.cyl.excellence.branch;

import org.cyl.excellence.organization.Organization;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 意见建议 ({@code /campaigns/{campaign}/branches/{branch}/suggestions}): what the youth
 * suggested to the branch (suggestion box, ballots), for the branch's secretary and the
 * committee members above it, who answer each; the answers appear on the public page.
 */
@Controller
class SuggestionController {

	private final Suggestions suggestions;

	private final PublicPledges pledges;

	SuggestionController(Suggestions suggestions, PublicPledges pledges) {
		this.suggestions = suggestions;
		this.pledges = pledges;
	}

	@GetMapping("/campaigns/{campaignId}/branches/{branchCode}/suggestions")
	String list(@PathVariable String campaignId, @PathVariable String branchCode, Authentication authentication,
			Model model) {
		Organization branch = this.suggestions.open(campaignId, branchCode, authentication);
		PublicPledges.Page page = this.pledges.page(campaignId, branchCode);
		model.addAttribute("campaignId", campaignId);
		model.addAttribute("branchCode", branchCode);
		model.addAttribute("branchName", branch.name());
		model.addAttribute("campaignTitle", page.campaignTitle());
		model.addAttribute("publicPage", page.path());
		model.addAttribute("posterUrl", "/campaigns/" + campaignId + "/branches/" + branchCode + "/pledges/poster.pdf");
		model.addAttribute("suggestions", this.suggestions.all(campaignId, branchCode));
		model.addAttribute("maxAnswer", Suggestions.MAX_ANSWER);
		return "branch/suggestions";
	}

	@PostMapping("/campaigns/{campaignId}/branches/{branchCode}/suggestions/{id}/answer")
	String answer(@PathVariable String campaignId, @PathVariable String branchCode, @PathVariable long id,
			@RequestParam(name = "answer", required = false) String answer, Authentication authentication) {
		this.suggestions.open(campaignId, branchCode, authentication);
		this.suggestions.answer(campaignId, branchCode, id, answer, authentication.getName());
		return "redirect:" + Suggestions.listPage(campaignId, branchCode) + "?answered#s" + id;
	}

}
