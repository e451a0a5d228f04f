package org.cyl.excellence.commendation;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.commendation.CommendationRepository.Candidate;
import org.cyl.excellence.commendation.CommendationRepository.Commendation;
import org.cyl.excellence.commendation.HonourArchive.Honour;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.commendation.CommendationVariables.DECIDED_ON;
import static org.cyl.excellence.commendation.CommendationVariables.DECISION_NO;

/**
 * {@code Task_IssueDecision} (印发表彰决定) of CommendationProcess: the committee gives the
 * decision its number (文号) and date; the final list is the accepted candidates less those
 * struck or withdrawn. The decision is published (page and PDF) and every honour is
 * archived (立册建档).
 */
@Component
class DecisionListener implements TaskListener {

	private final CommendationRepository commendations;

	private final Campaigns campaigns;

	private final OrganizationDirectory organizations;

	private final HonourArchive archive;

	private final CurrentUser currentUser;

	DecisionListener(CommendationRepository commendations, Campaigns campaigns, OrganizationDirectory organizations,
			HonourArchive archive, CurrentUser currentUser) {
		this.commendations = commendations;
		this.campaigns = campaigns;
		this.organizations = organizations;
		this.archive = archive;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String campaignId = (String) task.getVariable(CampaignVariables.CAMPAIGN_ID);
		List<Candidate> finalList = this.commendations.candidates(campaignId, "ACCEPTED");
		Commendation commendation = this.commendations.find(campaignId).orElseThrow();
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			StringBuilder list = new StringBuilder();
			for (Candidate c : finalList) {
				list.append(c.label()).append('\n');
			}
			long withdrawn = this.commendations.candidates(campaignId, "WITHDRAWN").size();
			task.setVariableLocal("finalList", finalList.isEmpty() ? "（无）" : list.toString().trim());
			task.setVariableLocal("noticeSummary",
					"公示期 " + commendation.noticeFrom() + " 至 " + commendation.noticeUntil() + "，收到异议 "
							+ this.commendations.objections(campaignId).size() + " 件，撤销候选资格 " + withdrawn + " 名。");
			FormData.freshInputs(task, DECISION_NO, DECIDED_ON);
			return;
		}
		FormData form = new FormData(task);
		String decisionNo = form.text(DECISION_NO, "表彰决定文号", 50);
		LocalDate decidedOn = form.date(DECIDED_ON, "印发日期");
		if (commendation.noticeUntil() != null && decidedOn.isBefore(commendation.noticeFrom())) {
			throw FormData.invalid("印发日期", "不能早于公示开始日期（" + commendation.noticeFrom() + "）");
		}
		if (decidedOn.isAfter(LocalDate.now().plusDays(30))) {
			throw FormData.invalid("印发日期", "不能晚于今后 30 天");
		}
		String committee = this.organizations.find(commendation.committeeCode())
			.map((o) -> o.name())
			.orElse(commendation.committeeCode());
		String title = this.campaigns.find(campaignId).orElseThrow().plan().title();
		for (Candidate c : finalList) {
			this.archive.add(new Honour(c.holderType(), c.orgCode(), c.leagueNo(), c.holderName(), c.title(), committee,
					decidedOn.getYear(), campaignId, title, decisionNo, decidedOn));
		}
		this.commendations.decide(campaignId, decisionNo, decidedOn, this.currentUser.idOr(task.getAssignee()));
	}

}
