package org.cyl.excellence.partyrecommendation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * What the other features may ask of 推优入党: a member's recommendations to the Party and
 * whether one of a stage is valid on a day (a recommendation is valid from the day the
 * committee issued it until the day before the same date {@code validityYears} later,
 * both included).
 */
@Service
public class PartyRecommendations {

	/** A recommendation issued to the Party organisation. */
	public record Recommendation(long id, String leagueNo, String memberName, String branchCode,
			RecommendationStage stage, LocalDate recommendedOn, LocalDate validUntil, String partyOrgCode) {

		public boolean isValidOn(LocalDate day) {
			return !day.isBefore(this.recommendedOn) && !day.isAfter(this.validUntil);
		}

	}

	private final PartyRecommendationRepository repository;

	PartyRecommendations(PartyRecommendationRepository repository) {
		this.repository = repository;
	}

	/** The member's recommendations, the latest first. */
	public List<Recommendation> of(String leagueNo) {
		return this.repository.recommendationsOf(leagueNo)
			.stream()
			.map((c) -> new Recommendation(c.id(), c.leagueNo(), c.memberName(), c.branchCode(), c.stage(),
					c.recommendedOn(), c.validUntil(), c.partyOrgCode()))
			.toList();
	}

	/** The member's recommendation of the stage valid on the day, if any. */
	public Optional<Recommendation> validOn(String leagueNo, RecommendationStage stage, LocalDate day) {
		return of(leagueNo).stream().filter((r) -> r.stage() == stage && r.isValidOn(day)).findFirst();
	}

}
