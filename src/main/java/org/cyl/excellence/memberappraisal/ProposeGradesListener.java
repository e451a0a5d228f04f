package org.cyl.excellence.memberappraisal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.Dates;
import org.cyl.excellence.shared.FormData;

import org.springframework.stereotype.Component;

import static org.cyl.excellence.memberappraisal.MemberAppraisalVariables.*;

/**
 * {@code Task_ProposeMemberGrades} (提出评议等次) of BranchMemberAppraisalProcess: the branch
 * committee's grades, entered on the sheet, are checked by {@link GradeRules} (every
 * member graded, a reason for each departure from the vote, 优秀 within the DMN share)
 * before the task completes; a return from the committee above shows its opinion.
 */
@Component
class ProposeGradesListener implements TaskListener {

	private final MemberAppraisalRepository repository;

	private final GradeRules rules;

	private final CurrentUser currentUser;

	ProposeGradesListener(MemberAppraisalRepository repository, GradeRules rules, CurrentUser currentUser) {
		this.repository = repository;
		this.rules = rules;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String appraisalId = (String) task.getVariable(APPRAISAL_ID);
		String branch = (String) task.getVariable(BRANCH_CODE);
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			MemberAppraisalRepository.BranchSheet sheet = this.repository.branch(appraisalId, branch).orElseThrow();
			this.repository.setStatus(appraisalId, branch, MemberAppraisalRepository.PROPOSAL);
			SheetSummary.show(task, SheetSummary.votes(this.repository.entries(appraisalId, branch)));
			task.setVariableLocal(RETURN_OPINION, sheet.returnOpinion());
			FormData.freshInputs(task, GRADES_CONFIRMED);
			return;
		}
		if (!Boolean.TRUE.equals(task.getVariable(GRADES_CONFIRMED))) {
			throw FormData.invalid("已核对", "须勾选");
		}
		this.rules.check(this.repository.entries(appraisalId, branch));
		this.repository.proposed(appraisalId, branch, this.currentUser.idOr(task.getAssignee()));
		task.setVariable(APPROVAL_DUE, Dates.inDays(14));
	}

}
