package org.cyl.excellence.partyrecommendation;

import java.time.LocalDate;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.partyrecommendation.PartyRecommendationVariables.*;

/**
 * {@code Task_ApproveRecommendation} (审批并推荐) of BranchPartyRecommendationProcess: after
 * the public notice the committee above the branch approves the list and issues the
 * recommendation, with its number (文号), to the Party organisation of the branch's line
 * (its own or the nearest above); each recommendation is valid for the table's
 * {@code validityYears} from today (through the day before the same date then).
 */
@Component
class PartyApproveRecommendationListener implements TaskListener {

	private final PartyRecommendationRepository repository;

	private final OrganizationDirectory organizations;

	private final PartyRecommendationSettings settings;

	private final CurrentUser currentUser;

	PartyApproveRecommendationListener(PartyRecommendationRepository repository, OrganizationDirectory organizations,
			PartyRecommendationSettings settings, CurrentUser currentUser) {
		this.repository = repository;
		this.organizations = organizations;
		this.settings = settings;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String branch = (String) task.getVariable(BRANCH_CODE);
		String party = this.organizations.partyOrganizationOf(branch).orElse(null);
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			task.setVariableLocal("recommendedList",
					this.repository.candidates(task.getProcessInstanceId())
						.stream()
						.filter((c) -> "NOTICED".equals(c.status()))
						.map((c) -> c.memberName() + "（" + c.leagueNo() + "，赞成 " + c.yesVotes() + " 票）")
						.collect(Collectors.joining("\n")));
			task.setVariableLocal("partyOrgName", (party == null) ? "（未设置党组织）"
					: this.organizations.find(party).map(Organization::name).orElse(party));
			FormData.freshInputs(task, ISSUE_NO, APPROVAL_OPINION);
			return;
		}
		FormData form = new FormData(task);
		String issueNo = form.text(ISSUE_NO, "推荐文号", 50);
		form.optionalText(APPROVAL_OPINION, "审批意见", 500);
		if (party == null) {
			throw FormData.invalid("党组织", "本支部及其上级团组织均未设置对应的党组织，无法推荐：请管理员在组织导入中补充");
		}
		RecommendationStage stage = RecommendationStage.valueOf((String) task.getVariable(STAGE));
		LocalDate today = LocalDate.now();
		LocalDate validUntil = today.plusYears(this.settings.of(stage).validityYears()).minusDays(1);
		this.repository.approve(task.getProcessInstanceId(), issueNo, party, today,
				this.currentUser.idOr(task.getAssignee()), validUntil);
	}

}
