package org.cyl.excellence.dutyreport;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.dutyreport.DutyReportRepository.Launch;
import org.cyl.excellence.dutyreport.DutyReportRepository.Rectification;
import org.cyl.excellence.dutyreport.DutyReportRepository.Report;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.Dates;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.dutyreport.DutyReportVariables.CHECK_DECISION;
import static org.cyl.excellence.dutyreport.DutyReportVariables.CHECK_OPINION;
import static org.cyl.excellence.dutyreport.DutyReportVariables.RECTIFICATION_ACCEPTED;
import static org.cyl.excellence.dutyreport.DutyReportVariables.RECTIFY_DUE;
import static org.cyl.excellence.dutyreport.DutyReportVariables.RECTIFY_FINDINGS;
import static org.cyl.excellence.dutyreport.DutyReportVariables.RECTIFY_MEASURES;
import static org.cyl.excellence.dutyreport.DutyReportVariables.RECTIFY_RESULT;
import static org.cyl.excellence.dutyreport.DutyReportVariables.REPORT_ID;

/**
 * {@code Task_CheckRectification} (验收整改) of SecretaryDutyReportProcess: the committee
 * above checks the rectification — accepted (the report is done) or returned with an
 * opinion (required, at most 1000 characters), and the secretary rectifies again within a
 * new 整改期限. Every attempt and check is kept (duty_rectification).
 */
@Component
class DutyRectificationCheckListener implements TaskListener {

	private final DutyReportRepository reports;

	private final CurrentUser currentUser;

	DutyRectificationCheckListener(DutyReportRepository reports, CurrentUser currentUser) {
		this.reports = reports;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String id = (String) task.getVariable(REPORT_ID);
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			Report report = this.reports.find(id).orElseThrow();
			List<Rectification> attempts = this.reports.rectifications(id);
			Rectification last = attempts.get(attempts.size() - 1);
			task.setVariableLocal(RECTIFY_FINDINGS, DutyRectifyListener.findings(report, attempts));
			task.setVariableLocal(RECTIFY_MEASURES, last.measures());
			task.setVariableLocal(RECTIFY_RESULT, last.result());
			FormData.freshInputs(task, CHECK_DECISION, CHECK_OPINION);
			return;
		}
		FormData form = new FormData(task);
		String decision = form.choice(CHECK_DECISION, "验收结论", Set.of("accept", "return"));
		String opinion = form.optionalText(CHECK_OPINION, "验收意见", 1000);
		boolean accepted = "accept".equals(decision);
		if (!accepted && opinion == null) {
			throw FormData.invalid("验收意见", "退回时请写明还需整改的内容");
		}
		this.reports.decideRectification(id, accepted ? "ACCEPT" : "RETURN", opinion,
				this.currentUser.idOr(task.getAssignee()));
		task.getExecution().setVariable(RECTIFICATION_ACCEPTED, accepted);
		if (accepted) {
			this.reports.finish(id);
		}
		else {
			Launch launch = this.reports.findLaunch(this.reports.find(id).orElseThrow().launchId()).orElseThrow();
			LocalDate due = LocalDate.now().plusDays(launch.rectifyDays());
			this.reports.rectifyAgain(id, due);
			task.getExecution().setVariable(RECTIFY_DUE, Dates.endOf(due));
		}
	}

}
