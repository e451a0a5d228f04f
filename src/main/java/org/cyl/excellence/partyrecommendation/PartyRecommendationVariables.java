package org.cyl.excellence.partyrecommendation;

/**
 * Names of the variables of PartyRecommendationProcess and
 * BranchPartyRecommendationProcess; form field keys are the same names.
 */
public final class PartyRecommendationVariables {

	public static final String LAUNCH_PROCESS = "PartyRecommendationProcess";

	public static final String BRANCH_PROCESS = "BranchPartyRecommendationProcess";

	/** The message an objection to a branch's public notice sends to its process. */
	public static final String MESSAGE_OBJECTION_FILED = "PartyRecommendationObjectionFiled";

	/** How many candidate blocks the forms have (design.md: no dynamic lists). */
	public static final int MAX_CANDIDATES = 5;

	// the start form
	public static final String STAGE = "stage";

	public static final String PROPOSAL_DUE_DATE = "proposalDueDate";

	public static final String MEETING_DUE_DATE = "meetingDueDate";

	// computed by the application
	public static final String INITIATOR = "initiator";

	public static final String LAUNCH_ID = "launchId";

	public static final String COMMITTEE_CODE = "committeeCode";

	public static final String COMMITTEE_GROUP = "committeeGroup";

	public static final String BRANCH_CODE = "branchCode";

	public static final String SECRETARY_GROUP = "secretaryGroup";

	public static final String BRANCH_CHUNKS = "branchChunks";

	public static final String BRANCH_CHUNK = "branchChunk";

	public static final String STAGE_LABEL = "stageLabel";

	public static final String PROPOSAL_DUE = "proposalDue";

	public static final String MEETING_DUE = "meetingDue";

	public static final String TASK_DUE = "taskDue";

	public static final String PROPOSED_COUNT = "proposedCount";

	public static final String LIST_AGREED = "listAgreed";

	public static final String QUORUM_MET = "quorumMet";

	public static final String PASSED_COUNT = "passedCount";

	public static final String KEPT_COUNT = "keptCount";

	public static final String NOTICE_ENDS = "noticeEnds";

	public static final String OBJECTION_ID = "objectionId";

	public static final String OBJECTION_UPHELD = "objectionUpheld";

	// form fields of the tasks
	public static final String CANDIDATE = "candidate";

	public static final String LIST_DECISION = "listDecision";

	public static final String LIST_OPINION = "listOpinion";

	public static final String MEETING_DATE = "meetingDate";

	public static final String PRESENT = "present";

	public static final String PRESENTED = "presented";

	public static final String VOTES = "votes";

	public static final String KEEP = "keep";

	public static final String REASON = "reason";

	public static final String VERDICT = "verdict";

	public static final String FINDING = "finding";

	public static final String ISSUE_NO = "issueNo";

	public static final String APPROVAL_OPINION = "approvalOpinion";

	private PartyRecommendationVariables() {
	}

}
