package org.cyl.excellence.commendation;

import java.util.stream.IntStream;

import java.time.LocalDate;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.cyl.excellence.memberappraisal.MemberGrades;
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
 * candidates — a member only when appraised 优秀 in this year's 团员教育评议 ({@link #eligible})
 * —, assessed by the committee in batches of {@value #BATCH} (one 考核候选 task each). When
 * the audit returns the list, every candidate is assessed again.
 */
@Component
class ListCandidatesDelegate implements JavaDelegate {

	static final int BATCH = 10;

	private final CommendationRepository commendations;

	private final Recommendations recommendations;

	private final OrganizationDirectory organizations;

	private final MemberGrades memberGrades;

	private final DecisionService decisions;

	ListCandidatesDelegate(CommendationRepository commendations, Recommendations recommendations,
			OrganizationDirectory organizations, MemberGrades memberGrades, DecisionService decisions) {
		this.commendations = commendations;
		this.recommendations = recommendations;
		this.organizations = organizations;
		this.memberGrades = memberGrades;
		this.decisions = decisions;
	}

	/**
	 * Whether the member may be an 优秀团员 candidate: the DMN table
	 * {@code MemberCommendationEligibility} (bpmn/commendation) judges the member's
	 * approved grade of this year's 团员教育评议 ({@code 未评议} when there is none).
	 */
	boolean eligible(String leagueNo) {
		String grade = this.memberGrades.gradeOf(leagueNo, LocalDate.now().getYear()).orElse("未评议");
		return Boolean.TRUE.equals(this.decisions.evaluateDecisionTableByKey("MemberCommendationEligibility")
			.variables(Variables.createVariables().putValue("memberGrade", grade))
			.evaluate()
			.getSingleResult()
			.get("eligible"));
	}

	@Override
	public void execute(DelegateExecution execution) {
		String campaignId = (String) execution.getVariable(CampaignVariables.CAMPAIGN_ID);
		java.util.List<Recommendations.Vote> votes = this.recommendations.votes(campaignId);
		java.util.Map<String, String> names = this.organizations
			.memberNames(votes.stream().map(Recommendations.Vote::leagueNo).toList());
		for (Recommendations.Vote v : votes) {
			String name = names.get(v.leagueNo());
			// a member the organisation model no longer knows is no candidate, nor one
			// not appraised 优秀 this year
			if (name != null && eligible(v.leagueNo()) && !this.commendations.hasCandidate(campaignId,
					CommendationRepository.MEMBER, v.branchCode(), v.leagueNo())) {
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
