package org.cyl.excellence.commendation;

import java.util.stream.IntStream;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.branch.Recommendations;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.commendation.CommendationVariables.APPRAISE_CANDIDATES;
import static org.cyl.excellence.commendation.CommendationVariables.ASSESSMENT_BATCHES;

/**
 * {@code Task_ListCandidates} (汇总候选名单) of CommendationProcess: the organisations the
 * Party organisation nominated and the members the branches voted (推荐优秀团员) become the
 * candidates, assessed by the committee in batches of {@value #BATCH} (one 考核候选 task
 * each). When the audit returns the list, every candidate is assessed again.
 */
@Component
class ListCandidatesDelegate implements JavaDelegate {

	static final int BATCH = 10;

	private final CommendationRepository commendations;

	private final Recommendations recommendations;

	private final OrganizationDirectory organizations;

	ListCandidatesDelegate(CommendationRepository commendations, Recommendations recommendations,
			OrganizationDirectory organizations) {
		this.commendations = commendations;
		this.recommendations = recommendations;
		this.organizations = organizations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String campaignId = (String) execution.getVariable(CampaignVariables.CAMPAIGN_ID);
		java.util.List<Recommendations.Vote> votes = this.recommendations.votes(campaignId);
		java.util.Map<String, String> names = this.organizations
			.memberNames(votes.stream().map(Recommendations.Vote::leagueNo).toList());
		for (Recommendations.Vote v : votes) {
			String name = names.get(v.leagueNo());
			// a member the organisation model no longer knows is no candidate
			if (name != null && !this.commendations.hasCandidate(campaignId, CommendationRepository.MEMBER,
					v.branchCode(), v.leagueNo())) {
				this.commendations.addCandidate(campaignId, CommendationRepository.MEMBER, v.branchCode(), v.leagueNo(),
						name, CommendationRepository.OUTSTANDING_MEMBER,
						"团员大会推荐；应到 " + v.entitled() + " 人，实到 " + v.present() + " 人，得票 " + v.yes());
			}
		}
		this.commendations.reopenCandidates(campaignId);
		this.commendations.setStatus(campaignId, "ASSESSING");
		int count = this.commendations.candidates(campaignId, "NOMINATED").size();
		int batches = (count + BATCH - 1) / BATCH;
		execution.setVariable(ASSESSMENT_BATCHES, IntStream.rangeClosed(1, batches).boxed().toList());
		execution.setVariable(APPRAISE_CANDIDATES, false);
	}

}
