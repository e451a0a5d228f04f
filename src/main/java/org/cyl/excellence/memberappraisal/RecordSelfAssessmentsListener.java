package org.cyl.excellence.memberappraisal;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.shared.FormData;

import org.springframework.stereotype.Component;

import static org.cyl.excellence.memberappraisal.MemberAppraisalVariables.*;

/**
 * {@code Task_RecordSelfAssessments} (补录自我评价) of BranchMemberAppraisalProcess: the
 * secretary records on the sheet the self-assessments of members without an account or
 * who missed the deadline; the task completes only when every member has one.
 */
@Component
class RecordSelfAssessmentsListener implements TaskListener {

	private final MemberAppraisalRepository repository;

	RecordSelfAssessmentsListener(MemberAppraisalRepository repository) {
		this.repository = repository;
	}

	@Override
	public void notify(DelegateTask task) {
		String appraisalId = (String) task.getVariable(APPRAISAL_ID);
		String branch = (String) task.getVariable(BRANCH_CODE);
		List<MemberAppraisalRepository.Entry> entries = this.repository.entries(appraisalId, branch);
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			this.repository.setStatus(appraisalId, branch, MemberAppraisalRepository.SELF_RECORD);
			SheetSummary.show(task, SheetSummary.selfAssessments(entries));
			FormData.freshInputs(task, SELF_ASSESSMENTS_CONFIRMED);
			return;
		}
		if (!Boolean.TRUE.equals(task.getVariable(SELF_ASSESSMENTS_CONFIRMED))) {
			throw FormData.invalid("已核对", "须勾选");
		}
		List<String> missing = entries.stream()
			.filter((e) -> e.selfAssessment() == null)
			.map(MemberAppraisalRepository.Entry::memberName)
			.toList();
		if (!missing.isEmpty()) {
			throw FormData.invalid("自我评价", "尚未登记齐全，请先在评议登记表中补录：" + String.join("、", missing));
		}
		this.repository.setStatus(appraisalId, branch, MemberAppraisalRepository.MEETING);
	}

}
