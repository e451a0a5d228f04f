package org.cyl.excellence.memberappraisal;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.Dates;
import org.cyl.excellence.shared.FormData;

import org.springframework.stereotype.Component;

import static org.cyl.excellence.memberappraisal.MemberAppraisalVariables.*;

/**
 * {@code Task_ApproveMemberGrades} (审批评议等次) of BranchMemberAppraisalProcess: the
 * committee directly above approves the branch's grades or returns them with an opinion
 * (required, at most 1000 characters); sets {@code gradesApproved}, which the gateway
 * reads.
 */
@Component
class ApproveGradesListener implements TaskListener {

	static final int MAX_OPINION = 1000;

	private final MemberAppraisalRepository repository;

	private final CurrentUser currentUser;

	ApproveGradesListener(MemberAppraisalRepository repository, CurrentUser currentUser) {
		this.repository = repository;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String appraisalId = (String) task.getVariable(APPRAISAL_ID);
		String branch = (String) task.getVariable(BRANCH_CODE);
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			SheetSummary.show(task, SheetSummary.grades(this.repository.entries(appraisalId, branch)));
			FormData.freshInputs(task, APPROVAL_DECISION, APPROVAL_OPINION);
			return;
		}
		FormData form = new FormData(task);
		boolean approved = "approve".equals(form.choice(APPROVAL_DECISION, "审批结论", Set.of("approve", "return")));
		String opinion = approved ? form.optionalText(APPROVAL_OPINION, "退回意见", MAX_OPINION)
				: form.text(APPROVAL_OPINION, "退回意见", MAX_OPINION);
		this.repository.decided(appraisalId, branch, approved, this.currentUser.idOr(task.getAssignee()),
				approved ? null : opinion);
		task.setVariable(GRADES_APPROVED, approved);
		if (!approved) {
			task.setVariable(PROPOSAL_DUE, Dates.inDays(7));
		}
	}

}
