package org.cyl.excellence.appraisal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cyl.excellence.appraisal.AppraisalRepository.Appraisal;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * The appraisals a person may reach, with the links to their tools (选票, CSV, 结束评议) and
 * results — only those the person may open: for the appraisal list ({@code /appraisals}),
 * the campaign pages and a branch's record.
 */
@Service
public class AppraisalDirectory {

	private final AppraisalRepository appraisals;

	private final AppraisalAccess access;

	private final OrganizationDirectory organizations;

	private final Campaigns campaigns;

	AppraisalDirectory(AppraisalRepository appraisals, AppraisalAccess access, OrganizationDirectory organizations,
			Campaigns campaigns) {
		this.appraisals = appraisals;
		this.access = access;
		this.organizations = organizations;
		this.campaigns = campaigns;
	}

	/**
	 * An appraisal as a list shows it; a link is null where the person may not open it.
	 *
	 * @param subject what is appraised (an organisation, or a committee's candidate list)
	 * @param status 未开始, 评议中 or 已结束
	 * @param organizer whether the person organises it (prints the ballots, closes it)
	 * @param ballotsUrl the printable ballots (organisers only)
	 * @param csvUrl the ballot links as CSV (organisers only)
	 * @param closeUrl where the page's 结束评议 button posts (organisers, while open)
	 * @param resultsUrl the results (评议结果)
	 */
	public record AppraisalLink(String id, String campaignId, String campaignTitle, String subject, int round,
			String status, String opensOn, String closesOn, int ballotsIssued, Integer ballotsCast, String grade,
			boolean organizer, String ballotsUrl, String csvUrl, String closeUrl, String resultsUrl) {
	}

	/** The appraisals of a campaign the person may reach. */
	public List<AppraisalLink> ofCampaign(String campaignId, Authentication authentication) {
		return links(this.appraisals.findByCampaign(campaignId), authentication, false);
	}

	/**
	 * The appraisals (every round) of one organisation in a campaign the person may
	 * reach.
	 */
	public List<AppraisalLink> ofOrganization(String campaignId, String orgCode, Authentication authentication) {
		return links(this.appraisals.findByOrganization(campaignId, orgCode), authentication, false);
	}

	/** The appraisals the person organises, the newest first. */
	public List<AppraisalLink> organizedBy(Authentication authentication) {
		return links(this.appraisals.findAll(), authentication, true);
	}

	/**
	 * Every appraisal the person organises or may read the results of, the newest first.
	 */
	public List<AppraisalLink> concerning(Authentication authentication) {
		return links(this.appraisals.findAll(), authentication, false);
	}

	private List<AppraisalLink> links(List<Appraisal> found, Authentication authentication, boolean organizedOnly) {
		List<AppraisalLink> links = new ArrayList<>();
		Map<String, String> titles = new HashMap<>();
		Map<String, Organization> orgs = null;
		List<String> committees = this.access.committees(authentication);
		// the rounds of one organisation share their answer
		Map<String, Boolean> published = new HashMap<>();
		for (Appraisal a : found) {
			boolean organizer = this.access.organizes(authentication, a, committees);
			if (organizedOnly && !organizer) {
				continue;
			}
			boolean results = organizer || published.computeIfAbsent(a.orgCode() + " " + a.publishScope(),
					(key) -> this.access.mayReadPublished(authentication, a));
			if (!results) {
				continue;
			}
			if (orgs == null) {
				orgs = this.organizations.byCode();
			}
			Organization org = orgs.get(a.orgCode());
			String title = titles.computeIfAbsent(String.valueOf(a.campaignId()),
					(id) -> this.campaigns.find(id).map((c) -> c.plan().title()).orElse(""));
			boolean open = "OPEN".equals(a.status());
			String base = "/appraisals/" + a.id();
			links.add(new AppraisalLink(a.id(), a.campaignId(), title,
					subject(a, (org != null) ? org.name() : a.orgCode()), a.round(), status(a), day(a.opensAt(), 0),
					day(a.closesAt(), 1), a.ballotsIssued(), a.ballotsCast(), a.grade(), organizer,
					organizer ? base + "/ballots" : null,
					organizer ? "/api/appraisals/" + a.id() + "/ballots.csv" : null,
					(organizer && open) ? base + "/close" : null, base + "/results"));
		}
		return links;
	}

	/**
	 * What is appraised, as people read it: the organisation, or the committee's
	 * candidate list.
	 */
	static String subject(Appraisal appraisal, String orgName) {
		return appraisal.candidateList() ? orgName + "拟表彰对象（候选名单）" : orgName;
	}

	static String status(Appraisal appraisal) {
		if (!"OPEN".equals(appraisal.status())) {
			return "已结束";
		}
		return Instant.now().isBefore(appraisal.opensAt()) ? "未开始" : "评议中";
	}

	/** The day of an instant; the closing instant is the start of the day after. */
	private static String day(Instant instant, int daysBefore) {
		return instant.atZone(ZoneId.systemDefault()).toLocalDate().minusDays(daysBefore).toString();
	}

}
