package org.cyl.excellence.dutyreport;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.dutyreport.DutyReportRepository.Launch;
import org.cyl.excellence.organization.Groups;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.Role;
import org.cyl.excellence.organization.SubtreeFanOut;
import org.cyl.excellence.shared.Dates;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.dutyreport.DutyReportVariables.APPRAISAL_CLOSES_ON;
import static org.cyl.excellence.dutyreport.DutyReportVariables.COMMITTEE_CODE;
import static org.cyl.excellence.dutyreport.DutyReportVariables.COMMITTEE_GROUP;
import static org.cyl.excellence.dutyreport.DutyReportVariables.DUTY_YEAR;
import static org.cyl.excellence.dutyreport.DutyReportVariables.LAUNCH_ID;
import static org.cyl.excellence.dutyreport.DutyReportVariables.ORG_CODE;
import static org.cyl.excellence.dutyreport.DutyReportVariables.ORG_NAME;
import static org.cyl.excellence.dutyreport.DutyReportVariables.RECTIFY_DAYS;
import static org.cyl.excellence.dutyreport.DutyReportVariables.REPORT_CHUNK;
import static org.cyl.excellence.dutyreport.DutyReportVariables.REPORT_DUE;
import static org.cyl.excellence.dutyreport.DutyReportVariables.REPORT_ID;
import static org.cyl.excellence.dutyreport.DutyReportVariables.SECRETARY_GROUP;
import static org.cyl.excellence.dutyreport.DutyReportVariables.SECRETARY_PROCESS;

/**
 * {@code Task_StartReports} (启动本批书记述职) of DutyReportProcess, inside the parallel
 * multi-instance SubProcess_StartReports (分批启动书记述职): one asynchronous job per chunk, the
 * chunks' jobs at the same time, starts a SecretaryDutyReportProcess for each reporting
 * organisation ({@link SubtreeFanOut#startChunkOf}), each with its report's row; it reads
 * the launch and writes nothing that another chunk writes (the count of ended chunks is
 * the engine's, in the job after this task). A chunk taken up again starts no
 * organisation twice. Each secretary reports to the committee directly above the
 * organisation (a branch of a 团总支 to the 团总支, a 团总支 to its 团委).
 */
@Component
class StartDutyReportsDelegate implements JavaDelegate {

	private final DutyReportRepository reports;

	private final SubtreeFanOut fanOut;

	StartDutyReportsDelegate(DutyReportRepository reports, SubtreeFanOut fanOut) {
		this.reports = reports;
		this.fanOut = fanOut;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Launch launch = this.reports.findLaunch((String) execution.getVariable(LAUNCH_ID)).orElseThrow();
		int chunk = ((Number) execution.getVariable(REPORT_CHUNK)).intValue();
		this.fanOut.startChunkOf(launch.committeeCode(), RegisterDutyReportDelegate.REPORTING, chunk, SECRETARY_PROCESS,
				(org) -> businessKey(launch, org), (org) -> start(launch, org));
	}

	/** Readable in Cockpit and unique per launch and organisation. */
	static String businessKey(Launch launch, Organization org) {
		return org.name() + "（" + org.code() + "）" + launch.year() + "年述职#" + launch.id().substring(0, 8);
	}

	private Map<String, Object> start(Launch launch, Organization org) {
		String id = UUID.randomUUID().toString();
		this.reports.createReport(id, launch, org.code(), org.parentCode());
		Map<String, Object> variables = new HashMap<>();
		variables.put(LAUNCH_ID, launch.id());
		variables.put(REPORT_ID, id);
		variables.put(DUTY_YEAR, launch.year());
		variables.put(ORG_CODE, org.code());
		variables.put(ORG_NAME, org.name());
		variables.put(COMMITTEE_CODE, org.parentCode());
		variables.put(SECRETARY_GROUP, Groups.of(org.code(), Role.SECRETARY));
		variables.put(COMMITTEE_GROUP, Groups.of(org.parentCode(), Role.COMMITTEE));
		variables.put(REPORT_DUE, Dates.endOf(launch.reportDue()));
		variables.put(APPRAISAL_CLOSES_ON, launch.appraisalCloses().toString());
		variables.put(RECTIFY_DAYS, launch.rectifyDays());
		return variables;
	}

}
