package org.cyl.excellence.branch;

/**
 * Names of the variables of the branch plan, the report and the leader review; form keys
 * are the same.
 */
public final class ReviewVariables {

	public static final String BRANCH_PLAN = "branchPlan";

	public static final String MEETING_DATE = "meetingDate";

	public static final String ATTENDANCE = "attendance";

	/**
	 * The work report: results1..N, problems1..N, nextSteps1..N, one per organisation
	 * item.
	 */
	public static final String RESULTS = "results";

	public static final String PROBLEMS = "problems";

	public static final String NEXT_STEPS = "nextSteps";

	/** The work report as the reviewers read it (markdown). */
	public static final String REPORT_SUMMARY = "reportSummary";

	public static final String REVIEW_HISTORY = "reviewHistory";

	public static final String REVIEW_PASSED = "reviewPassed";

	public static final String REVIEW_FINDINGS = "reviewFindings";

	public static final String RECTIFY_DEADLINE = "rectifyDeadline";

	public static final String RECTIFY_MEASURES = "rectifyMeasures";

	public static final String RECTIFY_RESULT = "rectifyResult";

	public static final String SUPERVISION_DUE = "supervisionDue";

	public static final String SUPERVISION_OPINION = "supervisionOpinion";

	private ReviewVariables() {
	}

	/**
	 * LeaderReview.form, shared by 团委点评 and 党组织点评: its id, the prefix of its keys
	 * (reviewRating1..N, reviewAffirmed, reviewProblems, reviewDirection, reviewVerdict,
	 * reviewDeadline) and its heading (a task-local variable).
	 */
	public static final String LEADER_REVIEW = "LeaderReview";

	public static final String LEADER_REVIEW_KEYS = "review";

	public static final String REVIEWER_TITLE = "reviewerTitle";

}
