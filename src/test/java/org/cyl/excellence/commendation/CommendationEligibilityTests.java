package org.cyl.excellence.commendation;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DMN table bpmn/commendation/CommendationEligibility.dmn, every rule and every value
 * on its edges.
 */
class CommendationEligibilityTests {

	static DmnEngine engine;

	static DmnDecision decision;

	@BeforeAll
	static void parse() throws Exception {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = Files.newInputStream(Path.of("bpmn", "commendation", "CommendationEligibility.dmn"))) {
			decision = engine.parseDecision("CommendationEligibility", in);
		}
	}

	@ParameterizedTest(name = "rectification open {0}, lowest rating {1}, appraisal {2} → {3}")
	@CsvSource({ "true,  GOOD,    好,   false, 有未完成的整改", "false, POOR,    好,   false, 点评评定低于较好",
			"false, AVERAGE, 好,   false, 点评评定低于较好", "false, FAIR,    好,   true,  符合推荐条件",
			"false, GOOD,    较好, true,  符合推荐条件", "false, GOOD,    一般, false, 群众评议等次低于较好",
			"false, GOOD,    差,   false, 群众评议等次低于较好", "false, GOOD,    未定, false, 群众评议等次低于较好",
			"true,  POOR,    差,   false, 有未完成的整改" })
	void decidesWhoMayBeRecommended(boolean openRectification, String lowestReviewRating, String appraisalGrade,
			boolean eligible, String reason) {
		var result = engine
			.evaluateDecisionTable(decision, Map.of("openRectification", openRectification, "lowestReviewRating",
					lowestReviewRating, "appraisalGrade", appraisalGrade))
			.getSingleResult();
		assertThat((Boolean) result.getEntry("eligible")).isEqualTo(eligible);
		assertThat((String) result.getEntry("reason")).isEqualTo(reason);
	}

}
