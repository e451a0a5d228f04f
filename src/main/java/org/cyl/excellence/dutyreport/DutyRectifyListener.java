package org.cyl.excellence.dutyreport;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.dutyreport.DutyReportRepository.Rectification;
import org.cyl.excellence.dutyreport.DutyReportRepository.Report;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.Dates;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.dutyreport.DutyReportVariables.CHECK_DUE;
import static org.cyl.excellence.dutyreport.DutyReportVariables.RECTIFY_FINDINGS;
import static org.cyl.excellence.dutyreport.DutyReportVariables.RECTIFY_MEASURES;
import static org.cyl.excellence.dutyreport.DutyReportVariables.RECTIFY_RESULT;
import static org.cyl.excellence.dutyreport.DutyReportVariables.REPORT_ID;

/**
 * {@code Task_Rectify} (限期整改) of SecretaryDutyReportProcess, for a secretary appraised 差.
 * On create: what to rectify — the appraisal, the committee's comment and any opinion of
 * a check that returned the rectification. On complete: measures and results (each at
 * most 2000 characters, as the form), kept as the next attempt; the committee above
 * checks them within a week.
 */
@Component
class DutyRectifyListener implements TaskListener {

	private final DutyReportRepository reports;

	private final CurrentUser currentUser;

	DutyRectifyListener(DutyReportRepository reports, CurrentUser currentUser) {
		this.reports = reports;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String id = (String) task.getVariable(REPORT_ID);
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			task.setVariableLocal(RECTIFY_FINDINGS,
					findings(this.reports.find(id).orElseThrow(), this.reports.rectifications(id)));
			FormData.freshInputs(task, RECTIFY_MEASURES, RECTIFY_RESULT);
			return;
		}
		FormData form = new FormData(task);
		String measures = form.text(RECTIFY_MEASURES, "整改措施", 2000);
		String result = form.text(RECTIFY_RESULT, "整改情况", 2000);
		this.reports.addRectification(id, measures, result, this.currentUser.idOr(task.getAssignee()));
		task.getExecution().setVariable(CHECK_DUE, Dates.inDays(7));
	}

	static String findings(Report report, List<Rectification> earlier) {
		StringBuilder text = new StringBuilder("团员评议：" + DutyReports.counts(report) + "，评议结果为“差”。");
		if (report.comment() != null) {
			text.append("\n上级点评：").append(report.comment());
		}
		for (Rectification r : earlier) {
			if ("RETURN".equals(r.decision())) {
				text.append("\n第 ").append(r.attempt()).append(" 次整改验收未通过：").append(r.opinion());
			}
		}
		return text.toString();
	}

}
