package org.cyl.excellence.appraisal;

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

/** The DMN table bpmn/appraisal/AppraisalOutcome.dmn on every boundary of every rule. */
class AppraisalOutcomeTests {

	static DmnDecision decision;

	static DmnEngine engine;

	@BeforeAll
	static void parse() throws Exception {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = Files.newInputStream(Path.of("bpmn", "appraisal", "AppraisalOutcome.dmn"))) {
			decision = engine.parseDecision("AppraisalOutcome", in);
		}
	}

	@ParameterizedTest(name = "participation {0}, satisfaction {1}, dissatisfaction {2} → {3} {4}")
	@CsvSource({
			// participation below 50% repeats, whatever the rates
			"0.0,    0.95, 0.0,    未定, REPEAT", "0.4999, 0.95, 0.0,    未定, REPEAT", "0.5,    0.95, 0.0,    好, PUBLISH",
			// dissatisfaction over 40% criticises
			"0.8,    0.6,  0.4,    一般, PUBLISH", "0.8,    0.6,  0.4001, 差, CRITICISE",
			// satisfaction below 60% (the 补课 line) criticises
			"0.8,    0.5999, 0.1,  差, CRITICISE", "0.8,    0.6,  0.1,    一般, PUBLISH",
			// the grades
			"0.8,    0.7499, 0.1,  一般, PUBLISH", "0.8,    0.75, 0.1,    较好, PUBLISH",
			"0.8,    0.8999, 0.05, 较好, PUBLISH", "0.8,    0.9,  0.05,   好, PUBLISH", "1.0,    1.0,  0.0,    好, PUBLISH",
			// the first rule that matches wins: too few ballots before anything else
			"0.3,    0.1,  0.9,    未定, REPEAT" })
	void decidesGradeAndOutcome(double participation, double satisfaction, double dissatisfaction, String grade,
			String outcome) {
		var result = engine
			.evaluateDecisionTable(decision, Map.of("participation", participation, "satisfaction", satisfaction,
					"dissatisfaction", dissatisfaction))
			.getSingleResult();
		assertThat((String) result.getEntry("grade")).isEqualTo(grade);
		assertThat((String) result.getEntry("outcome")).isEqualTo(outcome);
	}

}
