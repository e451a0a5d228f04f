package org.cyl.excellence.branch;

/** Names of the variables BranchCampaignProcess starts with; form keys are the same. */
public final class BranchVariables {

	public static final String BRANCH_CODE = "branchCode";

	/** The task of 签订个人承诺, one per member while the pledge window is open. */
	public static final String SIGN_MEMBER_PLEDGE_TASK = "Task_SignMemberPledge";

	public static final String BRANCH_NAME = "branchName";

	public static final String SECRETARY_GROUP = "secretaryGroup";

	public static final String REVIEW_COMMITTEE_GROUP = "reviewCommitteeGroup";

	public static final String PARTY_REVIEW_GROUP = "partyReviewGroup";

	public static final String HIGHER_COMMITTEE_GROUP = "higherCommitteeGroup";

	public static final String ROUND_NUMBERS = "roundNumbers";

	public static final String MEMBER_COUNT = "memberCount";

	public static final String MOBILIZATION_DUE = "mobilizationDue";

	public static final String REPORT_DUE = "reportDue";

	public static final String REVIEW_DUE = "reviewDue";

	public static final String RECOMMEND_DUE = "recommendDue";

	/** How many leader reviews the branch has failed so far (督办 from the second on). */
	public static final String FAILED_REVIEWS = "failedReviews";

	private BranchVariables() {
	}

}
