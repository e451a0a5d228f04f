package org.cyl.excellence.partyrecommendation;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The settings of 推优入党 from the DMN table {@code PartyRecommendationSettings} (quota,
 * validity, the eligibility ages and months, the notice's working days), which
 * administrators edit in Camunda Modeler.
 */
@Component
class PartyRecommendationSettings {

	/** One stage's settings. */
	record Settings(int quotaPercent, int validityYears, int minAge, int minLeagueMonths, int minApplicationMonths,
			int noticeWorkingDays) {

		/**
		 * The most candidates a branch of so many members may propose: the percentage
		 * rounded down, and no more than the forms' blocks.
		 */
		int quota(int members) {
			return Math.min(PartyRecommendationVariables.MAX_CANDIDATES, members * this.quotaPercent / 100);
		}

	}

	private final DecisionService decisions;

	PartyRecommendationSettings(DecisionService decisions) {
		this.decisions = decisions;
	}

	Settings of(RecommendationStage stage) {
		DmnDecisionRuleResult r = this.decisions.evaluateDecisionTableByKey("PartyRecommendationSettings")
			.variables(Variables.createVariables().putValue("stage", stage.name()))
			.evaluate()
			.getSingleResult();
		return new Settings(number(r, "quotaPercent"), number(r, "validityYears"), number(r, "minAge"),
				number(r, "minLeagueMonths"), number(r, "minApplicationMonths"), number(r, "noticeWorkingDays"));
	}

	private static int number(DmnDecisionRuleResult result, String name) {
		return ((Number) result.get(name)).intValue();
	}

}
