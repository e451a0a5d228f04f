package org.cyl.excellence.commendation;

/** Names of the variables of CommendationProcess; form keys are the same. */
public final class CommendationVariables {

	public static final String PROCESS = "CommendationProcess";

	/** Who recommends organisations: the committee's Party organisation's reviewers. */
	public static final String PARTY_GROUP = "partyGroup";

	// Task_ListCandidates and Task_AssessCandidates (one task per batch)
	public static final String ASSESSMENT_BATCHES = "assessmentBatches";

	public static final String ASSESSMENT_BATCH = "assessmentBatch";

	public static final String APPRAISE_CANDIDATES = "appraiseCandidates";

	// Task_ListDeedsBranches and Task_WriteDeeds (one task per branch)
	public static final String DEEDS_BRANCHES = "deedsBranches";

	public static final String DEEDS_BRANCH = "deedsBranch";

	/**
	 * The accepted candidates as the masses are asked about them (MassAppraisalProcess).
	 */
	public static final String APPRAISAL_SUBJECTS = "appraisalSubjects";

	// Task_AuditCandidates
	public static final String AUDIT_DECISION = "auditDecision";

	public static final String STRUCK_CANDIDATES = "struckCandidates";

	public static final String AUDIT_OPINION = "auditOpinion";

	// SubProcess_PublicNotice
	public static final String NOTICE_ENDS = "noticeEnds";

	public static final String OBJECTION_ID = "objectionId";

	public static final String OBJECTION_VERDICT = "objectionVerdict";

	public static final String OBJECTION_FINDING = "objectionFinding";

	/** The message by which a filed objection reaches the process. */
	public static final String MESSAGE_OBJECTION_FILED = "ObjectionFiled";

	// Task_IssueDecision
	public static final String DECISION_NO = "decisionNo";

	public static final String DECIDED_ON = "decidedOn";

	private CommendationVariables() {
	}

}
