package org.cyl.excellence.memberappraisal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.shared.FormData;

import org.springframework.stereotype.Component;

import static org.cyl.excellence.memberappraisal.MemberAppraisalVariables.*;

/**
 * {@code Task_WriteSelfAssessment} (撰写自我评价) of BranchMemberAppraisalProcess, one task per
 * member with an account: the member's written self-assessment, 20 to 2000 characters as
 * on the form, goes onto the member's line of the sheet.
 */
@Component
class SelfAssessmentListener implements TaskListener {

	static final int MIN = 20;

	static final int MAX = 2000;

	private final MemberAppraisalRepository repository;

	SelfAssessmentListener(MemberAppraisalRepository repository) {
		this.repository = repository;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			FormData.freshInputs(task, SELF_ASSESSMENT);
			return;
		}
		String text = new FormData(task).text(SELF_ASSESSMENT, "自我评价", MAX);
		if (text.length() < MIN) {
			throw FormData.invalid("自我评价", "不能少于 " + MIN + " 个字");
		}
		String username = (String) task.getVariable(MEMBER);
		String appraisalId = (String) task.getVariable(APPRAISAL_ID);
		MemberAppraisalRepository.Entry entry = this.repository
			.entries(appraisalId, (String) task.getVariable(BRANCH_CODE))
			.stream()
			.filter((e) -> username.equals(e.username()))
			.findFirst()
			.orElseThrow(() -> FormData.invalid("自我评价", "：您不在本支部的评议登记表中"));
		this.repository.saveSelfAssessment(appraisalId, entry.leagueNo(), text, username);
	}

}
