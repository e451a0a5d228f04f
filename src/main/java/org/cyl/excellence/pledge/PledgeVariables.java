package org.cyl.excellence.pledge;

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

	/** The organisation pledge: a list of {item, commitment, measures}. */
	public static final String ORG_PLEDGE = "orgPledge";

	/** A member's pledge (task-local): a list of {item, commitment}. */
	public static final String MEMBER_PLEDGE = "memberPledge";

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
	 * The secretary's rating of each member: a list of {leagueNo, name, rating, remark}.
	 */
	public static final String FULFILMENT = "fulfilment";

	private PledgeVariables() {
	}

}
