package org.cyl.excellence.dutyreport;

/**
 * The variable names of DutyReportProcess and SecretaryDutyReportProcess; the form field
 * keys are the same names. Every variable a gateway, an assignee or a candidate group
 * reads is set by this module's delegates and listeners, never by a request.
 */
public final class DutyReportVariables {

	public static final String LAUNCH_PROCESS = "DutyReportProcess";

	public static final String SECRETARY_PROCESS = "SecretaryDutyReportProcess";

	// start form DutyReportLaunch
	static final String DUTY_YEAR = "dutyYear";

	static final String REPORT_DUE_ON = "reportDueOn";

	static final String APPRAISAL_CLOSES_ON = "appraisalClosesOn";

	static final String RECTIFY_DAYS = "rectifyDays";

	static final String INITIATOR = "initiator";

	// set by the application
	static final String LAUNCH_ID = "dutyLaunchId";

	/**
	 * The launching committee in DutyReportProcess, the committee above in each report.
	 */
	static final String COMMITTEE_CODE = "committeeCode";

	static final String REPORT_CHUNKS = "reportChunks";

	static final String REPORT_CHUNK = "reportChunk";

	static final String REPORT_ID = "dutyReportId";

	/** The reporting organisation (supervision places the tasks by it). */
	static final String ORG_CODE = "orgCode";

	static final String ORG_NAME = "orgName";

	static final String SECRETARY_GROUP = "secretaryGroup";

	static final String COMMITTEE_GROUP = "committeeGroup";

	static final String REPORT_DUE = "reportDue";

	static final String COMMENT_DUE = "commentDue";

	static final String APPRAISAL_CLOSES_AT = "appraisalClosesAt";

	static final String POLL_ID = "pollId";

	static final String APPRAISAL_ROUND = "appraisalRound";

	static final String APPRAISAL_VALID = "appraisalValid";

	static final String REPEAT_APPRAISAL = "repeatAppraisal";

	static final String GOOD_PERCENT = "goodPercent";

	static final String POOR_PERCENT = "poorPercent";

	/**
	 * The DMN table's result: GOOD, FAIR, POOR; INVALID when participation was too low.
	 */
	static final String RATING = "rating";

	static final String RECTIFY = "rectify";

	static final String RECTIFY_DUE = "rectifyDue";

	static final String CHECK_DUE = "checkDue";

	static final String RECTIFICATION_ACCEPTED = "rectificationAccepted";

	// forms
	static final String REPORT_TEXT = "reportText";

	static final String COMMENT_TEXT = "commentText";

	static final String APPRAISAL_SUMMARY = "appraisalSummary";

	static final String RECTIFY_MEASURES = "rectifyMeasures";

	static final String RECTIFY_RESULT = "rectifyResult";

	static final String RECTIFY_FINDINGS = "rectifyFindings";

	static final String CHECK_DECISION = "checkDecision";

	static final String CHECK_OPINION = "checkOpinion";

	/**
	 * The shortest report, in characters: the form's minLength, which counts the same
	 * UTF-16 characters as {@link String#length()} (a Chinese character is one, never its
	 * three bytes).
	 */
	static final int MIN_REPORT = 800;

	/** The longest: what the engine keeps in one text variable (4000 characters). */
	static final int MAX_REPORT = 4000;

	private DutyReportVariables() {
	}

}
