package org.cyl.excellence.dutyreport;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.appraisal.Polls;
import org.cyl.excellence.dutyreport.DutyReportRepository.Report;
import org.cyl.excellence.organization.Groups;
import org.cyl.excellence.organization.Member;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.OrganizationType;
import org.cyl.excellence.organization.Role;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.supervision.Notices;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.dutyreport.DutyReportVariables.APPRAISAL_CLOSES_AT;
import static org.cyl.excellence.dutyreport.DutyReportVariables.APPRAISAL_CLOSES_ON;
import static org.cyl.excellence.dutyreport.DutyReportVariables.APPRAISAL_ROUND;
import static org.cyl.excellence.dutyreport.DutyReportVariables.POLL_ID;
import static org.cyl.excellence.dutyreport.DutyReportVariables.REPORT_ID;

/**
 * {@code Task_OpenAppraisal} (发放评议票) of SecretaryDutyReportProcess: opens a poll
 * (appraisal's {@link Polls}) with one single-use ballot per appraiser — a branch's
 * members, a 团总支's or 团委's committee members, the secretaries themselves left out. Each
 * appraiser with an account finds his ballot link as a notice on his 工作台; the others'
 * ballots the secretary prints from the report's ballot page. The first round closes on
 * the launch's closing day (three days from now at the earliest), a repeated round a week
 * from now.
 */
@Component
class OpenDutyAppraisalDelegate implements JavaDelegate {

	/** The question of the poll (at most 50 characters: the tally's item). */
	static final String QUESTION = "对书记述学述职的总体评价";

	private final DutyReportRepository reports;

	private final OrganizationDirectory organizations;

	private final Polls polls;

	private final Notices notices;

	private final CurrentUser currentUser;

	OpenDutyAppraisalDelegate(DutyReportRepository reports, OrganizationDirectory organizations, Polls polls,
			Notices notices, CurrentUser currentUser) {
		this.reports = reports;
		this.organizations = organizations;
		this.polls = polls;
		this.notices = notices;
		this.currentUser = currentUser;
	}

	/** Who appraises: the usernames of those with accounts, and how many have none. */
	record Appraisers(List<String> withAccounts, int withoutAccounts) {

		int total() {
			return this.withAccounts.size() + this.withoutAccounts;
		}

	}

	@Override
	public void execute(DelegateExecution execution) {
		Report report = this.reports.find((String) execution.getVariable(REPORT_ID)).orElseThrow();
		Organization org = this.organizations.find(report.orgCode()).orElseThrow();
		Appraisers appraisers = appraisers(org);
		int round = report.round() + 1;
		LocalDate closes = (round == 1)
				? DutyReportListener.firstClosing((String) execution.getVariable(APPRAISAL_CLOSES_ON))
				: LocalDate.now().plusDays(7);
		String pollId = this.polls.open(org.code(), report.committeeCode(), QUESTION, appraisers.total(), closes,
				execution.getProcessInstanceId(), this.currentUser.id());
		this.reports.openRound(report.id(), pollId, round, appraisers.total(), appraisers.withAccounts().size());
		String secretary = (report.secretary() != null) ? this.organizations.displayName(report.secretary()) : "";
		String text = org.name() + "书记" + secretary + "已提交" + report.year() + "年述学述职报告，请您背靠背评议（好、中、差，不记名），"
				+ ((round > 1) ? "上一轮参评人数不足三分之二，本轮为重新评议，" : "") + "截止 " + closes + "。";
		for (int i = 0; i < appraisers.withAccounts().size(); i++) {
			this.notices.send(appraisers.withAccounts().get(i), text, this.polls.link(pollId, i));
		}
		if (appraisers.withoutAccounts() > 0 && report.secretary() != null) {
			this.notices.send(report.secretary(),
					"述职评议票已发放：" + appraisers.withAccounts().size() + " 张已通过工作台通知发给评议人，另有 "
							+ appraisers.withoutAccounts() + " 张请打印后发给没有账号的团员，截止 " + closes + "。",
					"/dutyreports/" + report.id() + "/ballots");
		}
		execution.setVariable(POLL_ID, pollId);
		execution.setVariable(APPRAISAL_ROUND, round);
		// the poll closes at the start of the day after its last day
		execution.setVariable(APPRAISAL_CLOSES_AT,
				Date.from(closes.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()));
	}

	Appraisers appraisers(Organization org) {
		Set<String> secretaries = this.organizations.peopleOf(Groups.of(org.code(), Role.SECRETARY));
		List<String> accounts = new ArrayList<>();
		int without = 0;
		if (org.type() == OrganizationType.BRANCH) {
			for (Member m : this.organizations.members(org.code())) {
				if (m.username() == null) {
					without++;
				}
				else if (!secretaries.contains(m.username())) {
					accounts.add(m.username());
				}
			}
		}
		else {
			for (String user : this.organizations.peopleOf(Groups.of(org.code(), Role.COMMITTEE))) {
				if (!secretaries.contains(user)) {
					accounts.add(user);
				}
			}
		}
		return new Appraisers(accounts, without);
	}

}
