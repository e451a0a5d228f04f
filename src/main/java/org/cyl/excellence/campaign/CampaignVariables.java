package org.cyl.excellence.campaign;

/**
 * Names of the process variables of CampaignProcess and BranchCampaignProcess; form keys
 * are the same.
 */
public final class CampaignVariables {

	// the plan (start form CampaignPlan, RevisePlan)
	public static final String TITLE = "title";

	public static final String THEME = "theme";

	public static final String STANDARD_SET = "standardSet";

	public static final String CAMPAIGN_START = "campaignStart";

	public static final String MOBILIZATION_END = "mobilizationEnd";

	public static final String ADVANCE_END = "advanceEnd";

	public static final String SUMMARY_END = "summaryEnd";

	public static final String PLEDGE_WINDOW_DAYS = "pledgeWindowDays";

	public static final String REVIEW_DATE = "reviewDate";

	/** The theme of pledge round {@code n} (1 to Plan.MAX_ROUNDS): round1Theme, … */
	public static String roundTheme(int n) {
		return "round" + n + "Theme";
	}

	/** The end date of pledge round {@code n}: round1End, … */
	public static String roundEnd(int n) {
		return "round" + n + "End";
	}

	/**
	 * Whether the public pledge page (公开承诺) names the members who pledged ({@code NAMES})
	 * or only counts them ({@code COUNTS}).
	 */
	public static final String PLEDGE_NAMES = "pledgeNames";

	public static final String QUOTA_ORGANIZATIONS = "quotaOrganizations";

	public static final String QUOTA_MEMBERS = "quotaMembers";

	public static final String QUOTA_MEMBERS_PER_BRANCH = "quotaMembersPerBranch";

	// set by the application
	public static final String INITIATOR = "initiator";

	public static final String CAMPAIGN_ID = "campaignId";

	public static final String CAMPAIGN_TITLE = "campaignTitle";

	public static final String COMMITTEE_CODE = "committeeCode";

	public static final String COMMITTEE_GROUP = "committeeGroup";

	public static final String HIGHER_COMMITTEE_GROUP = "higherCommitteeGroup";

	public static final String PLAN_SUMMARY = "planSummary";

	public static final String PLAN_APPROVAL_DUE = "planApprovalDue";

	public static final String PLAN_REVISION_DUE = "planRevisionDue";

	public static final String SUMMARY_END_DATE = "summaryEndDate";

	public static final String BRANCH_CHUNKS = "branchChunks";

	public static final String BRANCH_CHUNK = "branchChunk";

	// plan approval (ApprovePlan)
	public static final String PLAN_DECISION = "planDecision";

	public static final String PLAN_OPINION = "planOpinion";

	// withdrawal (SubProcess_CampaignWithdrawn), set by CampaignWithdrawal with the
	// message
	public static final String WITHDRAWN_BY = "withdrawnBy";

	public static final String WITHDRAWAL_REASON = "withdrawalReason";

	/**
	 * The message that withdraws a campaign at any point until it ends (the committee's
	 * 撤销活动).
	 */
	public static final String MESSAGE_CAMPAIGN_WITHDRAWN = "CampaignWithdrawn";

	/** The message a campaign waits for until its last branch has finished. */
	public static final String MESSAGE_ALL_BRANCHES_FINISHED = "AllBranchesFinished";

	public static final String CAMPAIGN_PROCESS = "CampaignProcess";

	public static final String BRANCH_PROCESS = "BranchCampaignProcess";

	private CampaignVariables() {
	}

}
