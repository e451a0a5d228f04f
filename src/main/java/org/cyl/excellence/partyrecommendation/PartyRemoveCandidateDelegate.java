package org.cyl.excellence.partyrecommendation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.partyrecommendation.PartyRecommendationRepository.Candidate;
import org.cyl.excellence.partyrecommendation.PartyRecommendationRepository.Objection;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.partyrecommendation.PartyRecommendationVariables.OBJECTION_ID;

/**
 * {@code Task_RemoveCandidate} (取消推优资格) of BranchPartyRecommendationProcess: an upheld
 * objection removes its candidate from the list, with the finding as the reason.
 */
@Component
class PartyRemoveCandidateDelegate implements JavaDelegate {

	private final PartyRecommendationRepository repository;

	PartyRemoveCandidateDelegate(PartyRecommendationRepository repository) {
		this.repository = repository;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Objection objection = this.repository.objection(((Number) execution.getVariable(OBJECTION_ID)).longValue())
			.orElseThrow();
		Candidate c = this.repository.candidate(objection.recommendationId()).orElseThrow();
		this.repository.setCandidate(c.id(), "REMOVED", c.yesVotes(), "公示异议属实：" + objection.finding());
	}

}
