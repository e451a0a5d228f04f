package org.cyl.excellence.appraisal;

/** Names of the variables of MassAppraisalProcess; form keys are the same. */
public final class AppraisalVariables {

	/**
	 * The organisation appraised, and who organises the appraisal (its parent committee's
	 * group).
	 */
	public static final String ORG_CODE = "orgCode";

	public static final String APPRAISAL_COMMITTEE_GROUP = "appraisalCommitteeGroup";

	public static final String APPRAISAL_DUE = "appraisalDue";

	// the form InitiateAppraisal
	public static final String BALLOT_COUNT = "ballotCount";

	public static final String OPENS_AT = "opensAt";

	public static final String CLOSES_AT = "closesAt";

	public static final String PUBLISH_SCOPE = "publishScope";

	/** The items asked, as the form shows them (markdown). */
	public static final String APPRAISAL_ITEMS = "appraisalItems";

	// set by the application
	public static final String APPRAISAL_ID = "appraisalId";

	public static final String CLOSING_TIME = "closingTime";

	public static final String PARTICIPATION = "participation";

	public static final String SATISFACTION = "satisfaction";

	public static final String DISSATISFACTION = "dissatisfaction";

	/** The decision of the DMN table AppraisalOutcome: {grade, outcome}. */
	public static final String APPRAISAL_DECISION = "appraisalDecision";

	public static final String APPRAISAL_SUMMARY = "appraisalSummary";

	public static final String APPRAISAL_MEASURES = "appraisalMeasures";

	public static final String APPRAISAL_RECTIFY_DUE = "appraisalRectifyDue";

	/** The message by which the committee closes an appraisal before its closing time. */
	public static final String MESSAGE_CLOSED_EARLY = "AppraisalClosedEarly";

	public static final String PROCESS = "MassAppraisalProcess";

	private AppraisalVariables() {
	}

}
