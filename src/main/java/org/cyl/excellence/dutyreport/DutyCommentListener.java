package org.cyl.excellence.dutyreport;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.dutyreport.DutyReportVariables.COMMENT_TEXT;
import static org.cyl.excellence.dutyreport.DutyReportVariables.REPORT_ID;

/**
 * {@code Task_CommentReport} (点评述职报告) of SecretaryDutyReportProcess: a committee member
 * of the committee above comments on the report (20 to 2000 characters, as the form),
 * kept with who and when.
 */
@Component
class DutyCommentListener implements TaskListener {

	static final int MIN_COMMENT = 20;

	private final DutyReportRepository reports;

	private final CurrentUser currentUser;

	DutyCommentListener(DutyReportRepository reports, CurrentUser currentUser) {
		this.reports = reports;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			FormData.freshInputs(task, COMMENT_TEXT);
			return;
		}
		String comment = new FormData(task).text(COMMENT_TEXT, "点评意见", 2000);
		if (comment.length() < MIN_COMMENT) {
			throw FormData.invalid("点评意见", "不能少于 " + MIN_COMMENT + " 个字");
		}
		this.reports.comment((String) task.getVariable(REPORT_ID), comment, this.currentUser.idOr(task.getAssignee()));
	}

}
