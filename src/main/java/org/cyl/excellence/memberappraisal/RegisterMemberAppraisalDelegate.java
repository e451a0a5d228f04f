package org.cyl.excellence.memberappraisal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.organization.Groups;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.OrganizationType;
import org.cyl.excellence.organization.Role;
import org.cyl.excellence.organization.SubtreeFanOut;
import org.cyl.excellence.shared.FormData;

import org.springframework.stereotype.Component;

import static org.cyl.excellence.memberappraisal.MemberAppraisalVariables.*;

/**
 * {@code Task_RegisterAppraisal} (登记评议安排) of MemberAppraisalProcess, in the transaction
 * of the start form: checks the year and the deadlines (a bad value refuses the start,
 * nothing is kept), finds the initiator's committee (a 团委 or 团总支 where they are a
 * committee member), refuses a second launch of the same committee and year, records the
 * launch and lists the chunks of branches for the fan-out.
 */
@Component
class RegisterMemberAppraisalDelegate implements JavaDelegate {

	private final MemberAppraisalRepository repository;

	private final OrganizationDirectory organizations;

	private final SubtreeFanOut fanOut;

	RegisterMemberAppraisalDelegate(MemberAppraisalRepository repository, OrganizationDirectory organizations,
			SubtreeFanOut fanOut) {
		this.repository = repository;
		this.organizations = organizations;
		this.fanOut = fanOut;
	}

	@Override
	public void execute(DelegateExecution execution) {
		FormData form = new FormData(execution);
		int year = form.number(APPRAISAL_YEAR, "评议年度", 2000, 2100);
		LocalDate today = LocalDate.now();
		LocalDate selfDue = form.date(SELF_ASSESSMENT_DUE, "个人自评截止日期");
		LocalDate meetingDue = form.date(MEETING_DUE, "支部大会截止日期");
		if (selfDue.isBefore(today)) {
			throw FormData.invalid("个人自评截止日期", "不能早于今天");
		}
		if (meetingDue.isBefore(selfDue)) {
			throw FormData.invalid("支部大会截止日期", "不能早于个人自评截止日期");
		}
		if (meetingDue.isAfter(today.plusYears(1))) {
			throw FormData.invalid("支部大会截止日期", "应在一年以内");
		}
		Organization committee = committeeOf((String) execution.getVariable(INITIATOR));
		if (this.repository.launched(committee.code(), year)) {
			throw FormData.invalid("评议年度", "：" + committee.name() + "已发起过 " + year + " 年度的团员教育评议");
		}
		String id = UUID.randomUUID().toString();
		this.repository.createAppraisal(id, committee.code(), year, selfDue, meetingDue,
				(String) execution.getVariable(INITIATOR), execution.getProcessInstanceId());
		execution.setProcessBusinessKey(year + "年度团员教育评议 · " + committee.name() + "（" + committee.code() + "）");
		execution.setVariable(APPRAISAL_ID, id);
		execution.setVariable(COMMITTEE_CODE, committee.code());
		execution.setVariable(COMMITTEE_GROUP, Groups.of(committee.code(), Role.COMMITTEE));
		execution.setVariable(BRANCH_CHUNKS, this.fanOut.chunks(committee.code()));
	}

	private Organization committeeOf(String initiator) {
		if (initiator == null) {
			throw FormData.invalid("发起人", "未知：请登录后在 Tasklist 中发起");
		}
		List<Organization> committees = this.organizations.organizationsWhere(initiator, Role.COMMITTEE)
			.stream()
			.sorted()
			.map((code) -> this.organizations.find(code).orElseThrow())
			.filter((o) -> o.type() == OrganizationType.COMMITTEE || o.type() == OrganizationType.GENERAL_BRANCH)
			.toList();
		if (committees.isEmpty()) {
			throw FormData.invalid("发起人", "不是任何团委或团总支的委员：只有团委（团总支）委员可以发起团员教育评议");
		}
		return committees.get(0);
	}

}
