package org.cyl.excellence.campaign;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.cyl.excellence.campaign.CampaignVariables.ADVANCE_END;
import static org.cyl.excellence.campaign.CampaignVariables.CAMPAIGN_START;
import static org.cyl.excellence.campaign.CampaignVariables.MOBILIZATION_END;
import static org.cyl.excellence.campaign.CampaignVariables.PLEDGE_NAMES;
import static org.cyl.excellence.campaign.CampaignVariables.PLEDGE_WINDOW_DAYS;
import static org.cyl.excellence.campaign.CampaignVariables.QUOTA_MEMBERS;
import static org.cyl.excellence.campaign.CampaignVariables.QUOTA_MEMBERS_PER_BRANCH;
import static org.cyl.excellence.campaign.CampaignVariables.QUOTA_ORGANIZATIONS;
import static org.cyl.excellence.campaign.CampaignVariables.REVIEW_DATE;
import static org.cyl.excellence.campaign.CampaignVariables.STANDARD_SET;
import static org.cyl.excellence.campaign.CampaignVariables.SUMMARY_END;
import static org.cyl.excellence.campaign.CampaignVariables.THEME;
import static org.cyl.excellence.campaign.CampaignVariables.TITLE;

/**
 * The values of the plan form (CampaignPlan, the start form of CampaignProcess) as a
 * person fills them in: dates as yyyy-MM-dd, numbers as Long, under the names of
 * {@link CampaignVariables}. For the demo and the tests, which start campaigns as people
 * do.
 */
public final class PlanForm {

	private final Map<String, Object> values = new HashMap<>();

	public PlanForm(String title, String theme, String standardSet) {
		this.values.put(TITLE, title);
		this.values.put(THEME, theme);
		this.values.put(STANDARD_SET, standardSet);
		this.values.put(PLEDGE_NAMES, Plan.NAMES);
	}

	/** Whether the public pledge page names the members (Plan.NAMES) or counts them. */
	public PlanForm pledgeNames(String setting) {
		this.values.put(PLEDGE_NAMES, setting);
		return this;
	}

	/** The campaign's start and the ends of its three stages. */
	public PlanForm stages(LocalDate campaignStart, LocalDate mobilizationEnd, LocalDate advanceEnd,
			LocalDate summaryEnd) {
		this.values.put(CAMPAIGN_START, campaignStart.toString());
		this.values.put(MOBILIZATION_END, mobilizationEnd.toString());
		this.values.put(ADVANCE_END, advanceEnd.toString());
		this.values.put(SUMMARY_END, summaryEnd.toString());
		return this;
	}

	public PlanForm pledgeWindowDays(long days) {
		this.values.put(PLEDGE_WINDOW_DAYS, days);
		return this;
	}

	/** Pledge round {@code n} (from 1, in order). */
	public PlanForm round(int n, String theme, LocalDate end) {
		this.values.put(CampaignVariables.roundTheme(n), theme);
		this.values.put(CampaignVariables.roundEnd(n), end.toString());
		return this;
	}

	public PlanForm reviewDate(LocalDate date) {
		this.values.put(REVIEW_DATE, date.toString());
		return this;
	}

	/** How many organisations and members may be commended, and members per branch. */
	public PlanForm quotas(long organizations, long members, long membersPerBranch) {
		this.values.put(QUOTA_ORGANIZATIONS, organizations);
		this.values.put(QUOTA_MEMBERS, members);
		this.values.put(QUOTA_MEMBERS_PER_BRANCH, membersPerBranch);
		return this;
	}

	/** The values, in a map of their own that the caller may change. */
	public Map<String, Object> values() {
		return new HashMap<>(this.values);
	}

}
