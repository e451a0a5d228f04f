package org.cyl.excellence.supervision;

import org.cyl.excellence.campaign.Campaigns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cyl.excellence.appraisal.AppraisalDirectory;
import org.cyl.excellence.campaign.Campaign;
import org.cyl.excellence.campaign.CampaignWithdrawal;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The campaign dashboard (活动进展) as a page with charts ({@code /campaigns/{id}/dashboard})
 * and as JSON ({@code /api/campaigns/{id}/dashboard}): for the campaign's committee, the
 * committees and Party organisations above it, managers and administrators; and the list
 * of the campaigns that concern a person ({@code /campaigns}). A withdrawn campaign says
 * so, with its reason; the committee's members find 撤销活动 on both pages.
 */
@Controller
class CampaignDashboardController {

	private static final ObjectMapper json = new ObjectMapper();

	private final Campaigns campaigns;

	private final CampaignDashboard dashboard;

	private final OrganizationDirectory organizations;

	private final AppraisalDirectory appraisals;

	private final CampaignWithdrawal withdrawal;

	CampaignDashboardController(Campaigns campaigns, CampaignDashboard dashboard, OrganizationDirectory organizations,
			AppraisalDirectory appraisals, CampaignWithdrawal withdrawal) {
		this.appraisals = appraisals;
		this.campaigns = campaigns;
		this.dashboard = dashboard;
		this.organizations = organizations;
		this.withdrawal = withdrawal;
	}

	@GetMapping("/api/campaigns/{campaignId}/dashboard")
	@ResponseBody
	Map<String, Object> api(@PathVariable String campaignId, Authentication auth) {
		Campaign campaign = watched(campaignId, auth);
		Map<String, Object> view = new LinkedHashMap<>(this.dashboard.of(campaign));
		view.put("withdrawal", withdrawalOf(campaign));
		return view;
	}

	@GetMapping("/campaigns/{campaignId}/dashboard")
	String page(@PathVariable String campaignId, Authentication auth, Model model) throws JsonProcessingException {
		Campaign campaign = watched(campaignId, auth);
		Map<String, Object> view = this.dashboard.of(campaign);
		model.addAttribute("view", view);
		model.addAttribute("withdrawal", withdrawalOf(campaign));
		model.addAttribute("mayWithdraw", this.withdrawal.mayWithdraw(auth, campaign));
		// inside a script element: no "</script>" may close it early
		model.addAttribute("viewJson", json.writeValueAsString(view).replace("<", "\\u003c"));
		// the campaign's appraisals, with the tools and results the person may open
		model.addAttribute("appraisals", this.appraisals.ofCampaign(campaignId, auth));
		return "supervision/campaign-dashboard";
	}

	/**
	 * The campaigns that concern the person: those they may watch (of their committee, of
	 * the committees below the ones they sit on, of the organisations their Party
	 * organisation reviews; managers every one) with a link to the dashboard, and those
	 * their organisation takes part in — the campaigns of the committees above that
	 * include their branch, or branches below them, or branches they co-review — with a
	 * link to each such branch's record.
	 */
	@GetMapping("/campaigns")
	String list(Authentication auth, Model model) {
		Map<String, Organization> orgs = this.organizations.byCode();
		Map<String, List<String>> takingPart = this.campaigns.takingPart(this.organizations.branchesConcerning(auth));
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Campaign c : this.campaigns.findAll()) {
			Organization committee = orgs.get(c.committeeCode());
			boolean watches = committee != null && this.organizations.maySee(auth, committee);
			List<String> branches = takingPart.getOrDefault(c.id(), List.of());
			if (!watches && branches.isEmpty()) {
				continue;
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", c.id());
			row.put("title", c.plan().title());
			row.put("committee", (committee != null) ? committee.name() : c.committeeCode());
			row.put("status", c.status());
			row.put("start", c.plan().campaignStart());
			row.put("end", c.plan().summaryEnd());
			row.put("dashboard", watches);
			row.put("mayWithdraw", this.withdrawal.mayWithdraw(auth, c));
			row.put("branches",
					watches ? List.of()
							: branches.stream()
								.map((b) -> Map.of("code", b, "name",
										Optional.ofNullable(orgs.get(b)).map(Organization::name).orElse(b)))
								.toList());
			rows.add(row);
		}
		model.addAttribute("campaigns", rows);
		// the appraisals the person organises, in these campaigns or in a campaign above
		// (a 团总支 organises its branches' appraisals of its committee's campaign)
		model.addAttribute("appraisals", this.appraisals.organizedBy(auth));
		return "supervision/campaigns";
	}

	/**
	 * When, by whom (the name) and why the campaign was withdrawn; null when it was not.
	 */
	private Map<String, Object> withdrawalOf(Campaign campaign) {
		return this.campaigns.withdrawal(campaign.id())
			.map((w) -> Map.<String, Object>of("withdrawnAt", w.withdrawnAt().withNano(0).toString(), "withdrawnBy",
					this.organizations.displayName(w.withdrawnBy()), "reason", w.reason()))
			.orElse(null);
	}

	private Campaign watched(String campaignId, Authentication auth) {
		Campaign campaign = this.campaigns.find(campaignId)
			.orElseThrow(() -> new NotFoundException("活动 " + campaignId + " 不存在"));
		Organization committee = this.organizations.find(campaign.committeeCode()).orElseThrow();
		if (!this.organizations.maySee(auth, committee)) {
			throw new AccessDeniedException("只有" + committee.name() + "及上级组织、管理者可以查看活动进展");
		}
		return campaign;
	}

}
