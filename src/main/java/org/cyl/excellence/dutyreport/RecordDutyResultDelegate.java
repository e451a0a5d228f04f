package org.cyl.excellence.dutyreport;

import java.time.LocalDate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.dutyreport.DutyReportRepository.Launch;
import org.cyl.excellence.dutyreport.DutyReportRepository.Report;
import org.cyl.excellence.organization.Groups;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.Role;
import org.cyl.excellence.shared.Dates;
import org.cyl.excellence.supervision.Notices;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.dutyreport.DutyReportVariables.RATING;
import static org.cyl.excellence.dutyreport.DutyReportVariables.RECTIFY;
import static org.cyl.excellence.dutyreport.DutyReportVariables.RECTIFY_DUE;
import static org.cyl.excellence.dutyreport.DutyReportVariables.REPORT_ID;

/**
 * {@code Task_RecordResult} (上报评议结果) of SecretaryDutyReportProcess, when both the comment
 * and the appraisal are done: keeps the rating (the DMN table DutyReportRating's, or
 * INVALID) on the secretary's record and reports it upward — a notice to every committee
 * member of the committee above, with the launch's results page — and to the secretary. A
 * secretary rated 差 (POOR) rectifies within the launch's 整改期限.
 */
@Component
class RecordDutyResultDelegate implements JavaDelegate {

	private final DutyReportRepository reports;

	private final OrganizationDirectory organizations;

	private final Notices notices;

	private final IdentityService identityService;

	RecordDutyResultDelegate(DutyReportRepository reports, OrganizationDirectory organizations, Notices notices,
			IdentityService identityService) {
		this.reports = reports;
		this.organizations = organizations;
		this.notices = notices;
		this.identityService = identityService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Report report = this.reports.find((String) execution.getVariable(REPORT_ID)).orElseThrow();
		Launch launch = this.reports.findLaunch(report.launchId()).orElseThrow();
		Object decided = execution.getVariable(RATING);
		String rating = DutyReports.RATINGS.containsKey(String.valueOf(decided)) ? decided.toString() : "INVALID";
		boolean rectify = "POOR".equals(rating);
		LocalDate due = rectify ? LocalDate.now().plusDays(launch.rectifyDays()) : null;
		this.reports.rate(report.id(), rating, due);
		execution.setVariable(RECTIFY, rectify);
		if (rectify) {
			execution.setVariable(RECTIFY_DUE, Dates.endOf(due));
		}
		String orgName = this.organizations.find(report.orgCode()).map((o) -> o.name()).orElse(report.orgCode());
		String result = orgName + report.year() + "年书记述职评议结果：" + DutyReports.RATINGS.get(rating) + "（"
				+ DutyReports.counts(report) + "）" + (rectify ? "，须在 " + due + " 前限期整改" : "") + "。";
		String link = "/dutyreports/launches/" + launch.id();
		this.identityService.createUserQuery()
			.memberOfGroup(Groups.of(report.committeeCode(), Role.COMMITTEE))
			.list()
			.forEach((user) -> this.notices.send(user.getId(), result, link));
		if (report.secretary() != null) {
			this.notices.send(report.secretary(), result, "/dutyreports/" + report.id());
		}
	}

}
