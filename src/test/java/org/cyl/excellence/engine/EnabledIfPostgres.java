package org.cyl.excellence.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the test class only where the PostgreSQL test server ({@link PostgresTestServer})
 * answers; elsewhere its tests are skipped, and the build's output says why.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledIfPostgres.Condition.class)
@interface EnabledIfPostgres {

	/** Asks the server once per test class. */
	class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (context.getTestMethod().isPresent()) {
				// decided for the class already
				return ConditionEvaluationResult.enabled("PostgreSQL reachable");
			}
			if (PostgresTestServer.reachable()) {
				return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + PostgresTestServer.URL);
			}
			String reason = context.getDisplayName() + ": " + PostgresTestServer.notReachable();
			// surefire's summary counts skipped tests but does not show why
			System.out.println(reason);
			return ConditionEvaluationResult.disabled(reason);
		}

	}

}
