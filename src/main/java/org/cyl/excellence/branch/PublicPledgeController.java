package org.cyl.excellence.branch;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cyl.excellence.shared.PublicUrl;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 公开承诺 for everybody, without login or session
 * ({@code /public/campaigns/{campaign}/branches/{branch}}, reached by the wall poster's
 * QR code and every ballot of the branch): what {@link PublicPledges} publishes, the
 * answered suggestions and the suggestion box ({@link Suggestions}). The poster itself
 * ({@code …/pledges/poster.pdf}) is printed by the branch's people and reviewers, after
 * login. An unknown campaign or branch, or a branch not taking part, is 404.
 */
@Controller
class PublicPledgeController {

	private final PublicPledges pledges;

	private final Suggestions suggestions;

	private final BranchAccess access;

	private final PublicUrl publicUrl;

	PublicPledgeController(PublicPledges pledges, Suggestions suggestions, BranchAccess access, PublicUrl publicUrl) {
		this.pledges = pledges;
		this.suggestions = suggestions;
		this.access = access;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/public/campaigns/{campaignId}/branches/{branchCode}")
	String page(@PathVariable String campaignId, @PathVariable String branchCode,
			@RequestParam(name = "suggested", required = false) String suggested, Model model) {
		return page(campaignId, branchCode, model, (suggested != null) ? "您的意见建议已收到，答复后将在本页公开。谢谢您的监督！" : null, null,
				null);
	}

	@PostMapping("/public/campaigns/{campaignId}/branches/{branchCode}/suggestions")
	String suggest(@PathVariable String campaignId, @PathVariable String branchCode,
			@RequestParam(name = "content", required = false) String content, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		this.pledges.page(campaignId, branchCode);
		try {
			this.suggestions.submit(campaignId, branchCode, content, request.getRemoteAddr());
		}
		catch (Suggestions.Refused refused) {
			response.setStatus(refused.status());
			return page(campaignId, branchCode, model, null, refused.getMessage(), content);
		}
		return "redirect:" + PublicPledges.path(campaignId, branchCode) + "?suggested#suggestions";
	}

	private String page(String campaignId, String branchCode, Model model, String info, String error, String content) {
		model.addAttribute("page", this.pledges.page(campaignId, branchCode));
		model.addAttribute("answered", this.suggestions.answered(campaignId, branchCode));
		model.addAttribute("info", info);
		model.addAttribute("error", error);
		model.addAttribute("content", content);
		model.addAttribute("maxLength", Suggestions.MAX_LENGTH);
		return "branch/public-pledges";
	}

	@GetMapping("/campaigns/{campaignId}/branches/{branchCode}/pledges/poster.pdf")
	ResponseEntity<byte[]> poster(@PathVariable String campaignId, @PathVariable String branchCode,
			Authentication authentication) {
		this.access.open(campaignId, branchCode, authentication, "的承诺海报");
		PublicPledges.Page page = this.pledges.page(campaignId, branchCode);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"pledge-poster-" + branchCode + ".pdf\"")
			.body(PledgePoster.render(page, this.publicUrl.of(page.path())));
	}

}
