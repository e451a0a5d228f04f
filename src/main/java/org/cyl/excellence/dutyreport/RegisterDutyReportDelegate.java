package org.cyl.excellence.dutyreport;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.dutyreport.DutyReportRepository.Launch;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.OrganizationType;
import org.cyl.excellence.organization.Role;
import org.cyl.excellence.organization.SubtreeFanOut;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.dutyreport.DutyReportVariables.APPRAISAL_CLOSES_ON;
import static org.cyl.excellence.dutyreport.DutyReportVariables.COMMITTEE_CODE;
import static org.cyl.excellence.dutyreport.DutyReportVariables.DUTY_YEAR;
import static org.cyl.excellence.dutyreport.DutyReportVariables.INITIATOR;
import static org.cyl.excellence.dutyreport.DutyReportVariables.LAUNCH_ID;
import static org.cyl.excellence.dutyreport.DutyReportVariables.RECTIFY_DAYS;
import static org.cyl.excellence.dutyreport.DutyReportVariables.REPORT_CHUNKS;
import static org.cyl.excellence.dutyreport.DutyReportVariables.REPORT_DUE_ON;

/**
 * {@code Task_RegisterLaunch} (登记述职安排) of DutyReportProcess: checks the start form (the
 * same limits as DutyReportLaunch.form), finds the committee the initiator launches for
 * (where they are a committee member of a 团委 or 团总支), records the launch and lists the
 * chunks of reporting organisations. A refused start writes nothing.
 */
@Component
class RegisterDutyReportDelegate implements JavaDelegate {

	/** Who reports: the secretaries of every 团支部, 团总支 and 团委 below the committee. */
	static final Set<OrganizationType> REPORTING = Set.of(OrganizationType.BRANCH, OrganizationType.GENERAL_BRANCH,
			OrganizationType.COMMITTEE);

	private static final Set<OrganizationType> LAUNCHING = Set.of(OrganizationType.HIGHER_COMMITTEE,
			OrganizationType.COMMITTEE, OrganizationType.GENERAL_BRANCH);

	private final DutyReportRepository reports;

	private final OrganizationDirectory organizations;

	private final SubtreeFanOut fanOut;

	RegisterDutyReportDelegate(DutyReportRepository reports, OrganizationDirectory organizations,
			SubtreeFanOut fanOut) {
		this.reports = reports;
		this.organizations = organizations;
		this.fanOut = fanOut;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String initiator = (String) execution.getVariable(INITIATOR);
		Organization committee = committeeOf(initiator);
		FormData form = new FormData(execution);
		int year = form.number(DUTY_YEAR, "述职年度", 2000, 2100);
		LocalDate reportDue = form.date(REPORT_DUE_ON, "述职报告截止日期");
		LocalDate closes = form.date(APPRAISAL_CLOSES_ON, "评议截止日期");
		int rectifyDays = form.number(RECTIFY_DAYS, "整改期限（天）", 7, 90);
		if (reportDue.isBefore(LocalDate.now())) {
			throw FormData.invalid("述职报告截止日期", "不能早于今天");
		}
		if (!closes.isAfter(reportDue)) {
			throw FormData.invalid("评议截止日期", "应晚于述职报告截止日期");
		}
		List<Integer> chunks = this.fanOut.chunksOf(committee.code(), REPORTING);
		if (chunks.isEmpty()) {
			throw FormData.invalid("发起组织", committee.name() + "下没有需要述职的团组织");
		}
		String id = UUID.randomUUID().toString();
		this.reports.createLaunch(new Launch(id, committee.code(), year, reportDue, closes, rectifyDays, initiator),
				execution.getProcessInstanceId());
		execution
			.setProcessBusinessKey(committee.name() + year + "年双向述职评议（" + committee.code() + "）#" + id.substring(0, 8));
		execution.setVariable(LAUNCH_ID, id);
		execution.setVariable(COMMITTEE_CODE, committee.code());
		execution.setVariable(REPORT_CHUNKS, chunks);
	}

	private Organization committeeOf(String initiator) {
		if (initiator != null) {
			for (String code : this.organizations.organizationsWhere(initiator, Role.COMMITTEE)) {
				Organization org = this.organizations.find(code).orElse(null);
				if (org != null && LAUNCHING.contains(org.type())) {
					return org;
				}
			}
		}
		throw FormData.invalid("发起组织", "只有团委或团总支的委员可以发起双向述职评议");
	}

}
