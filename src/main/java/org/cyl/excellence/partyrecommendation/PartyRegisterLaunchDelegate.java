package org.cyl.excellence.partyrecommendation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

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

import static org.cyl.excellence.partyrecommendation.PartyRecommendationVariables.*;

/**
 * {@code Task_RegisterLaunch} (登记推优工作) of PartyRecommendationProcess, in the transaction
 * of the start form: checks the stage and the deadlines (a bad start form refuses the
 * start, nothing is kept), finds the initiator's committee, records the launch (its day
 * is the day eligibility is judged on) and cuts the committee's branches into the
 * fan-out's chunks.
 */
@Component
class PartyRegisterLaunchDelegate implements JavaDelegate {

	/**
	 * Those whose committee members may launch: as for the campaign (Groups.COMMITTEES).
	 */
	private static final Set<OrganizationType> COMMITTEES = Set.of(OrganizationType.HIGHER_COMMITTEE,
			OrganizationType.COMMITTEE);

	private final PartyRecommendationRepository repository;

	private final OrganizationDirectory organizations;

	private final SubtreeFanOut fanOut;

	PartyRegisterLaunchDelegate(PartyRecommendationRepository repository, OrganizationDirectory organizations,
			SubtreeFanOut fanOut) {
		this.repository = repository;
		this.organizations = organizations;
		this.fanOut = fanOut;
	}

	@Override
	public void execute(DelegateExecution execution) {
		FormData form = new FormData(execution);
		String stageName = form.choice(STAGE, "推优阶段",
				Set.of(RecommendationStage.ACTIVIST.name(), RecommendationStage.DEVELOPMENT.name()));
		RecommendationStage stage = RecommendationStage.valueOf(stageName);
		LocalDate today = LocalDate.now();
		LocalDate proposalDue = form.date(PROPOSAL_DUE_DATE, "提名截止日期");
		LocalDate meetingDue = form.date(MEETING_DUE_DATE, "推优大会截止日期");
		if (proposalDue.isBefore(today)) {
			throw FormData.invalid("提名截止日期", "不能早于今天");
		}
		if (proposalDue.isAfter(today.plusYears(1))) {
			throw FormData.invalid("提名截止日期", "不能晚于一年以后");
		}
		if (meetingDue.isBefore(proposalDue)) {
			throw FormData.invalid("推优大会截止日期", "不能早于提名截止日期");
		}
		if (meetingDue.isAfter(today.plusYears(1))) {
			throw FormData.invalid("推优大会截止日期", "不能晚于一年以后");
		}
		String initiator = (String) execution.getVariable(INITIATOR);
		Organization committee = committeeOf(initiator);
		if (this.organizations.branchesBelow(committee.code()).isEmpty()) {
			throw FormData.invalid("发起组织", committee.name() + "下没有团支部");
		}
		long id = this.repository.createLaunch(committee.code(), stage, today, initiator, proposalDue, meetingDue,
				execution.getProcessInstanceId());
		execution.setProcessBusinessKey(
				"推优入党（" + stage.label() + "）·" + committee.name() + "（" + committee.code() + "）#L" + id);
		execution.setVariable(LAUNCH_ID, id);
		execution.setVariable(COMMITTEE_CODE, committee.code());
		execution.setVariable(COMMITTEE_GROUP, Groups.of(committee.code(), Role.COMMITTEE));
		execution.setVariable(STAGE_LABEL, stage.label());
		execution.setVariable(BRANCH_CHUNKS, this.fanOut.chunks(committee.code()));
	}

	/**
	 * Where the initiator is a committee member (团委 or 上级团委; the lowest code when there
	 * are several).
	 */
	private Organization committeeOf(String initiator) {
		if (initiator == null) {
			throw FormData.invalid("发起人", "未知：请登录后在 Tasklist 中发起");
		}
		List<Organization> committees = this.organizations.organizationsWhere(initiator, Role.COMMITTEE)
			.stream()
			.sorted()
			.map((code) -> this.organizations.find(code).orElseThrow())
			.filter((o) -> COMMITTEES.contains(o.type()))
			.toList();
		if (committees.isEmpty()) {
			throw FormData.invalid("发起人", "不是任何团委的委员：只有团委委员可以发起推优入党");
		}
		return committees.get(0);
	}

}
