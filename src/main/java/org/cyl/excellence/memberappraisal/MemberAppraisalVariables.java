package org.cyl.excellence.memberappraisal;

/**
 * The process variables of MemberAppraisalProcess and BranchMemberAppraisalProcess; form
 * field keys are the same names. Every variable a gateway, an assignee or a candidate
 * group reads is set by the application, never by a request.
 */
public final class MemberAppraisalVariables {

	public static final String LAUNCH_PROCESS = "MemberAppraisalProcess";

	public static final String BRANCH_PROCESS = "BranchMemberAppraisalProcess";

	// the start form (MemberAppraisalLaunch)
	static final String APPRAISAL_YEAR = "appraisalYear";

	static final String SELF_ASSESSMENT_DUE = "selfAssessmentDue";

	static final String MEETING_DUE = "meetingDue";

	static final String INITIATOR = "initiator";

	// set by the application
	public static final String APPRAISAL_ID = "appraisalId";

	public static final String COMMITTEE_CODE = "committeeCode";

	public static final String BRANCH_CODE = "branchCode";

	static final String COMMITTEE_GROUP = "committeeGroup";

	static final String BRANCH_CHUNKS = "branchChunks";

	static final String BRANCH_CHUNK = "branchChunk";

	static final String BRANCH_NAME = "branchName";

	static final String APPRAISAL_TITLE = "appraisalTitle";

	static final String SECRETARY_GROUP = "secretaryGroup";

	static final String APPROVER_GROUP = "approverGroup";

	static final String ASSESSING_MEMBERS = "assessingMembers";

	static final String MEMBER = "member";

	static final String SELF_ASSESSMENT_CLOSE = "selfAssessmentClose";

	static final String RECORD_DUE = "recordDue";

	static final String PROPOSAL_DUE = "proposalDue";

	static final String APPROVAL_DUE = "approvalDue";

	static final String MEETING_QUORATE = "meetingQuorate";

	static final String GRADES_APPROVED = "gradesApproved";

	// shown on the task forms (task-local)
	static final String SHEET_PATH = "sheetPath";

	static final String SHEET_SUMMARY = "sheetSummary";

	static final String MEMBER_COUNT = "memberCount";

	static final String RETURN_OPINION = "returnOpinion";

	// form fields of the branch's tasks
	static final String SELF_ASSESSMENT = "selfAssessment";

	static final String SELF_ASSESSMENTS_CONFIRMED = "selfAssessmentsConfirmed";

	static final String MEETING_DATE = "meetingDate";

	static final String PRESENT = "present";

	static final String BALLOTS_CONFIRMED = "ballotsConfirmed";

	static final String GRADES_CONFIRMED = "gradesConfirmed";

	static final String APPROVAL_DECISION = "approvalDecision";

	static final String APPROVAL_OPINION = "approvalOpinion";

	private MemberAppraisalVariables() {
	}

}
