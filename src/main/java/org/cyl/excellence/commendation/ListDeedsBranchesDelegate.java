package org.cyl.excellence.commendation;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.commendation.CommendationRepository.Candidate;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.commendation.CommendationVariables.APPRAISAL_SUBJECTS;
import static org.cyl.excellence.commendation.CommendationVariables.DEEDS_BRANCHES;

/**
 * {@code Task_ListDeedsBranches} (确定撰写事迹的支部) of CommendationProcess: the branches that
 * nominated an accepted candidate whose deeds are not written yet (one 撰写事迹材料 task each,
 * not one per candidate); also what the masses would be asked about the list.
 */
@Component
class ListDeedsBranchesDelegate implements JavaDelegate {

	private final CommendationRepository commendations;

	ListDeedsBranchesDelegate(CommendationRepository commendations) {
		this.commendations = commendations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String campaignId = (String) execution.getVariable(CampaignVariables.CAMPAIGN_ID);
		List<Candidate> accepted = this.commendations.candidates(campaignId, "ACCEPTED");
		execution.setVariable(DEEDS_BRANCHES,
				accepted.stream()
					.filter((c) -> c.deeds() == null)
					.map(Candidate::orgCode)
					.distinct()
					.sorted()
					.toList());
		execution.setVariable(APPRAISAL_SUBJECTS, accepted.stream().map(Candidate::label).toList());
		this.commendations.setStatus(campaignId, "DEEDS");
	}

}
