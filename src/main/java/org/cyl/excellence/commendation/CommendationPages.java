package org.cyl.excellence.commendation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.commendation.CommendationRepository.Candidate;
import org.cyl.excellence.commendation.CommendationRepository.Commendation;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.shared.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The commendation a page asks about, for {@link PublicCommendationController} and
 * {@link CommendationController}: found or 404 (shared/ApiExceptionHandler answers it as
 * a page or as JSON), visible to the person or 403, and the names the pages show.
 */
@Component
class CommendationPages {

	private final CommendationRepository commendations;

	private final Campaigns campaigns;

	private final OrganizationDirectory organizations;

	CommendationPages(CommendationRepository commendations, Campaigns campaigns, OrganizationDirectory organizations) {
		this.commendations = commendations;
		this.campaigns = campaigns;
		this.organizations = organizations;
	}

	/** The commendation, for those within the committee's subtree and its line above. */
	Commendation visible(String campaignId, Authentication auth) {
		Commendation c = this.commendations.find(campaignId).orElseThrow(() -> new NotFoundException("没有这项活动的评比表彰"));
		Organization committee = this.organizations.find(c.committeeCode()).orElseThrow();
		if (!this.organizations.maySee(auth, committee) && !this.organizations.isWithin(auth, c.committeeCode())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有本团委及其下属组织、上级团委可以查看");
		}
		return c;
	}

	/**
	 * Whether the person may read the objectors' names and contacts: the committee and
	 * above.
	 */
	boolean maySeeContacts(Commendation c, Authentication auth) {
		return this.organizations.maySee(auth, this.organizations.find(c.committeeCode()).orElseThrow());
	}

	/** The commendation whose notice (公示) has begun. */
	Commendation noticed(String campaignId) {
		return this.commendations.find(campaignId)
			.filter((c) -> c.noticeFrom() != null)
			.orElseThrow(() -> new NotFoundException("没有这项公示"));
	}

	/** The commendation whose decision is issued. */
	Commendation decided(String campaignId) {
		return this.commendations.find(campaignId)
			.filter((c) -> c.decisionNo() != null)
			.orElseThrow(() -> new NotFoundException("表彰决定尚未印发"));
	}

	String campaignTitle(String campaignId) {
		return this.campaigns.find(campaignId).orElseThrow().plan().title();
	}

	String committeeName(Commendation c) {
		return this.organizations.find(c.committeeCode()).map(Organization::name).orElse(c.committeeCode());
	}

	Map<String, String> branchNames(List<Candidate> candidates) {
		Map<String, String> names = new LinkedHashMap<>();
		for (Candidate x : candidates) {
			names.computeIfAbsent(x.orgCode(),
					(code) -> this.organizations.find(code).map(Organization::name).orElse(code));
		}
		return names;
	}

}
