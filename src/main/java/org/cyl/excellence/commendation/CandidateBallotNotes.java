package org.cyl.excellence.commendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cyl.excellence.appraisal.BallotNotes;
import org.cyl.excellence.commendation.CommendationRepository.Candidate;
import org.springframework.stereotype.Component;

/**
 * Under each candidate of a candidate list's ballot (群众评议候选名单), the candidate's deeds
 * (事迹材料) as the committee wrote them for the 公示; the link to the public notice once it is
 * published.
 */
@Component
class CandidateBallotNotes implements BallotNotes {

	private final CommendationRepository commendations;

	CandidateBallotNotes(CommendationRepository commendations) {
		this.commendations = commendations;
	}

	@Override
	public Optional<Notes> notes(String campaignId, String orgCode, boolean candidateList, List<String> items) {
		if (!candidateList || campaignId == null) {
			return Optional.empty();
		}
		List<Candidate> candidates = this.commendations.candidates(campaignId);
		List<String> perItem = new ArrayList<>();
		for (String item : items) {
			perItem.add(candidates.stream()
				.filter((c) -> c.label().equals(item) && c.deeds() != null && !c.deeds().isBlank())
				.findFirst()
				.map(Candidate::deeds)
				.orElse(null));
		}
		boolean published = this.commendations.find(campaignId).map((c) -> c.noticeFrom() != null).orElse(false);
		return Optional
			.of(new Notes(perItem, published ? "查看表彰公示" : null, published ? "/public/notices/" + campaignId : null));
	}

}
