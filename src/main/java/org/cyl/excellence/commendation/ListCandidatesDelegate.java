package org.cyl.excellence.commendation;

import java.util.stream.IntStream;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.campaign.CampaignVariables;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	ListCandidatesDelegate(CommendationRepository commendations, JdbcClient jdbc) {
		this.commendations = commendations;
		this.jdbc = jdbc;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String campaignId = (String) execution.getVariable(CampaignVariables.CAMPAIGN_ID);
		record Vote(String branch, String leagueNo, String name, int yes, int entitled, int present) {
		}
		java.util.List<Vote> votes = this.jdbc.sql("""
				select r.branch_code, r.league_no, m.name, r.yes_votes, r.entitled, r.present
				from member_recommendation r join member m on m.league_no = r.league_no
				where r.campaign_id = ? order by r.branch_code, r.yes_votes desc, r.league_no""")
			.param(campaignId)
			.query((rs, n) -> new Vote(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6)))
			.list();
		for (Vote v : votes) {
			if (!this.commendations.hasCandidate(campaignId, CommendationRepository.MEMBER, v.branch(), v.leagueNo())) {
				this.commendations.addCandidate(campaignId, CommendationRepository.MEMBER, v.branch(), v.leagueNo(),
						v.name(), CommendationRepository.OUTSTANDING_MEMBER,
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
