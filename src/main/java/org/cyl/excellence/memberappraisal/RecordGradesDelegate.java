package org.cyl.excellence.memberappraisal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static org.cyl.excellence.memberappraisal.MemberAppraisalVariables.APPRAISAL_ID;
import static org.cyl.excellence.memberappraisal.MemberAppraisalVariables.BRANCH_CODE;

/**
 * {@code Task_RecordGrades} (记入团员档案) of BranchMemberAppraisalProcess: the approved grades
 * become the members' record ({@link MemberGrades}); the 不合格 members appear on the
 * launching committee's follow-up list (its results page), and 基本合格 or better is shown as
 * the condition of the year's 团籍注册.
 */
@Component
class RecordGradesDelegate implements JavaDelegate {

	private final MemberAppraisalRepository repository;

	RecordGradesDelegate(MemberAppraisalRepository repository) {
		this.repository = repository;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.repository.setStatus((String) execution.getVariable(APPRAISAL_ID),
				(String) execution.getVariable(BRANCH_CODE), MemberAppraisalRepository.APPROVED);
	}

}
