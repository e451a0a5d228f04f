package org.cyl.excellence.partyrecommendation;

import org.springframework.stereotype.Component;

/**
 * What BranchPartyRecommendationProcess's expressions ask of the branch's candidates
 * ({@code ${partyRecommendationProgress…}}): whether any is left after the public notice,
 * and the end of a round without recommendation.
 */
@Component("partyRecommendationProgress")
public class PartyBranchProgress {

	private final PartyRecommendationRepository repository;

	PartyBranchProgress(PartyRecommendationRepository repository) {
		this.repository = repository;
	}

	/** How many candidates are still on the noticed list. */
	public long remaining(String processInstanceId) {
		return this.repository.candidates(processInstanceId)
			.stream()
			.filter((c) -> "NOTICED".equals(c.status()))
			.count();
	}

	/** The branch's round ended without a recommendation. */
	public void endedWithoutRecommendation(String processInstanceId) {
		this.repository.setStatus(processInstanceId, "NONE");
	}

}
