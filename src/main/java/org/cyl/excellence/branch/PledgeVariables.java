package org.cyl.excellence.branch;

/**
 * Names of the variables of a pledge round of BranchCampaignProcess; form keys are the
 * same.
 */
public final class PledgeVariables {

	public static final String ROUND_NO = "roundNo";

	public static final String ROUND_THEME = "roundTheme";

	public static final String ROUND_END_DATE = "roundEndDate";

	public static final String PLEDGE_DUE = "pledgeDue";

	public static final String PLEDGE_WINDOW_END = "pledgeWindowEnd";

	public static final String PLEDGE_REVIEW_DUE = "pledgeReviewDue";

	public static final String PLEDGE_REVISION_DUE = "pledgeRevisionDue";

	public static final String EVALUATION_DUE = "evaluationDue";

	/**
	 * The organisation pledge: commitment1..N and measures1..N, one per organisation
	 * item.
	 */
	public static final String COMMITMENT = "commitment";

	public static final String MEASURES = "measures";

	/** The organisation pledge as the reviewers read it (markdown). */
	public static final String ORG_PLEDGE_SUMMARY = "orgPledgeSummary";

	/** A member's pledge (task-local): pledge1..N, one per member item. */
	public static final String PLEDGE = "pledge";

	public static final String IS_CADRE = "isCadre";

	public static final String HIGHER_STANDARD = "higherStandard";

	/**
	 * The usernames of the branch's members who sign in Tasklist (multi-instance
	 * collection).
	 */
	public static final String PLEDGING_MEMBERS = "pledgingMembers";

	public static final String MEMBER = "member";

	public static final String MEMBER_PLEDGE_SUMMARY = "memberPledgeSummary";

	public static final String PLEDGE_DECISION = "pledgeDecision";

	public static final String PLEDGE_OPINION = "pledgeOpinion";

	/**
	 * The branch's members as the options of the 评诺 checklists: a list of {label, value}.
	 */
	public static final String MEMBER_OPTIONS = "memberOptions";

	/**
	 * 评诺: the League numbers of the members who fulfilled, partly fulfilled, did not
	 * fulfil.
	 */
	public static final String FULFILLED = "fulfilled";

	public static final String PARTIAL = "partial";

	public static final String UNFULFILLED = "unfulfilled";

	public static final String FULFILMENT_REMARK = "fulfilmentRemark";

	private PledgeVariables() {
	}

}
