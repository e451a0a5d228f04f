package org.cyl.excellence.engine;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The variables an expression reads, as DeploymentChecks takes them: not keywords,
 * functions, properties, strings, beans or what Camunda provides.
 */
class ExpressionReadsTests {

	@Test
	void aJuelExpressionReadsItsVariablesNotItsBeansOrProperties() {
		assertThat(ExpressionReads.juel("${planDecision == 'approve' && not empty remark}", (name) -> false))
			.containsExactly("planDecision", "remark");
		assertThat(
				ExpressionReads.juel("${campaignProgress.allBranchesFinished(campaignId)}", "campaignProgress"::equals))
			.containsExactly("campaignId");
		assertThat(ExpressionReads.juel("${decision.outcome == 'x'} and ${count > 0 ? a : b}", (name) -> false))
			.containsExactly("decision", "count", "a", "b");
		assertThat(ExpressionReads.juel("${remaining(execution.processInstanceId) > 0}", (name) -> false)).isEmpty();
		assertThat(ExpressionReads.juel("no expression here", (name) -> false)).isEmpty();
	}

	@Test
	void theReadPropertiesOfAResultAreItsNamesNotItsMethods() {
		assertThat(ExpressionReads.properties(
				"${result.outcome == 'PUBLISH'}\n${result.get('grade')}\n${other.level}\n${myresult.x}", "result"))
			.isEqualTo(Set.of("outcome"));
	}

	@Test
	void aFeelExpressionReadsItsNamesNotItsKeywordsOrFunctions() {
		assertThat(ExpressionReads.feel("excellentCount / memberCount")).containsExactly("excellentCount",
				"memberCount");
		assertThat(ExpressionReads.feel("if stage = \"final\" then abs(score) else null")).containsExactly("stage",
				"score");
	}

}
