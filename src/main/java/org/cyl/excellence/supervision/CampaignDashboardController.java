package org.cyl.excellence.supervision;

import org.cyl.excellence.campaign.Campaigns;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cyl.excellence.campaign.Campaign;
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
 * and as JSON ({@code /api/campaigns/{id}/dashboard}), and the list of campaigns a person
 * may watch ({@code /campaigns}): for the campaign's committee, the committees and Party
 * organisations above it, managers and administrators.
 */
@Controller
class CampaignDashboardController {

	private static final ObjectMapper json = new ObjectMapper();

	private final Campaigns campaigns;

	private final CampaignDashboard dashboard;

	private final OrganizationDirectory organizations;

	CampaignDashboardController(Campaigns campaigns, CampaignDashboard dashboard, OrganizationDirectory organizations) {
		this.campaigns = campaigns;
		this.dashboard = dashboard;
		this.organizations = organizations;
	}

	@GetMapping("/api/campaigns/{campaignId}/dashboard")
	@ResponseBody
	Map<String, Object> api(@PathVariable String campaignId, Authentication auth) {
		return this.dashboard.of(watched(campaignId, auth));
	}

	@GetMapping("/campaigns/{campaignId}/dashboard")
	String page(@PathVariable String campaignId, Authentication auth, Model model) throws JsonProcessingException {
		Map<String, Object> view = this.dashboard.of(watched(campaignId, auth));
		model.addAttribute("view", view);
		// inside a script element: no "</script>" may close it early
		model.addAttribute("viewJson", json.writeValueAsString(view).replace("<", "\\u003c"));
		return "supervision/campaign-dashboard";
	}

	@GetMapping("/campaigns")
	String list(Authentication auth, Model model) {
		List<Map<String, Object>> rows = this.campaigns.findAll()
			.stream()
			.filter((c) -> this.organizations.find(c.committeeCode())
				.map((o) -> this.organizations.maySee(auth, o))
				.orElse(false))
			.map((c) -> Map.<String, Object>of("id", c.id(), "title", c.plan().title(), "committee",
					this.organizations.find(c.committeeCode()).map(Organization::name).orElse(c.committeeCode()),
					"status", c.status(), "start", c.plan().campaignStart(), "end", c.plan().summaryEnd()))
			.toList();
		model.addAttribute("campaigns", rows);
		return "supervision/campaigns";
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
