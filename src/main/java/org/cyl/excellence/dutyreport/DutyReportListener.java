package org.cyl.excellence.dutyreport;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.Dates;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.dutyreport.DutyReportVariables.APPRAISAL_CLOSES_ON;
import static org.cyl.excellence.dutyreport.DutyReportVariables.COMMENT_DUE;
import static org.cyl.excellence.dutyreport.DutyReportVariables.MAX_REPORT;
import static org.cyl.excellence.dutyreport.DutyReportVariables.MIN_REPORT;
import static org.cyl.excellence.dutyreport.DutyReportVariables.REPORT_ID;
import static org.cyl.excellence.dutyreport.DutyReportVariables.REPORT_TEXT;

/**
 * {@code Task_WriteReport} (撰写述职报告) of SecretaryDutyReportProcess. On create: links the
 * report's row to its process and empties the field. On complete: the 述学述职 report, at
 * least {@value DutyReportVariables#MIN_REPORT} and at most
 * {@value DutyReportVariables#MAX_REPORT} characters after trimming (the form's
 * minLength/maxLength, the same count), kept with who wrote it; the committee's comment
 * is due when the appraisal closes, and a week from now at the earliest.
 */
@Component
class DutyReportListener implements TaskListener {

	private final DutyReportRepository reports;

	private final CurrentUser currentUser;

	DutyReportListener(DutyReportRepository reports, CurrentUser currentUser) {
		this.reports = reports;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String id = (String) task.getVariable(REPORT_ID);
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			this.reports.attach(id, task.getProcessInstanceId());
			return;
		}
		String text = new FormData(task).text(REPORT_TEXT, "述职报告", MAX_REPORT);
		if (text.length() < MIN_REPORT) {
			throw FormData.invalid("述职报告", "不能少于 " + MIN_REPORT + " 个字（现有 " + text.length() + " 个字）");
		}
		this.reports.write(id, this.currentUser.idOr(task.getAssignee()), text);
		LocalDate closes = firstClosing((String) task.getVariable(APPRAISAL_CLOSES_ON));
		task.getExecution()
			.setVariable(COMMENT_DUE,
					Dates.endOf(closes.isBefore(LocalDate.now().plusDays(7)) ? LocalDate.now().plusDays(7) : closes));
	}

	/**
	 * The last day of the first appraisal round: the launch's closing day, and three days
	 * from today at the earliest (a late report still gives the members time).
	 */
	static LocalDate firstClosing(String launchCloses) {
		LocalDate closes = LocalDate.parse(launchCloses);
		LocalDate earliest = LocalDate.now().plusDays(3);
		return closes.isBefore(earliest) ? earliest : closes;
	}

}
