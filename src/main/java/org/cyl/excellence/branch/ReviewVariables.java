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

}
