package org.cyl.excellence.branch;

import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.campaign.Campaign;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * A branch in a campaign as its pages show it: 404 for an unknown campaign or branch, 403
 * for anybody who is not one of the branch's people or reviewers.
 */
@Service
public class BranchAccess {

	private final Campaigns campaigns;

	private final OrganizationDirectory organizations;

	BranchAccess(Campaigns campaigns, OrganizationDirectory organizations) {
		this.campaigns = campaigns;
		this.organizations = organizations;
	}

	/** The campaign and the branch, once the person may see them. */
	public record CampaignBranch(Campaign campaign, Organization branch) {
	}

	/**
	 * @param what what the page shows, for the refusal ("的承诺", "的活动记录")
	 */
	public CampaignBranch open(String campaignId, String branchCode, Authentication authentication, String what) {
		Campaign campaign = this.campaigns.find(campaignId)
			.orElseThrow(() -> new NotFoundException("活动 " + campaignId + " 不存在"));
		Organization branch = this.organizations.find(branchCode)
			.orElseThrow(() -> new NotFoundException("团支部 " + branchCode + " 不存在"));
		if (!this.organizations.maySee(authentication, branch)) {
			throw new AccessDeniedException("无权查看" + branch.name() + what);
		}
		return new CampaignBranch(campaign, branch);
	}

}
