package org.cyl.excellence.engine;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.cyl.excellence.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine checks authorizations without the two look-ups that read the whole
 * authorization table on every request ({@link AuthorizationQueries}); TaskIsolationTests
 * and SecurityTests show the checks still refuse what they refused.
 */
@ApplicationTest
class AuthorizationQueriesTests {

	@Autowired
	ProcessEngine engine;

	@Test
	void theGroupsAreTakenAsTheyAreAndRevokesAreNotLookedFor() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		assertThat(configuration.getAuthorizationCheckRevokes())
			.isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
		// Camunda's own manager drops a group that holds no grant, after reading every
		// group that holds one
		List<String> groups = configuration.getCommandExecutorTxRequired()
			.execute((context) -> context.getAuthorizationManager()
				.filterAuthenticatedGroupIds(List.of("campaignusers", "a-group-without-grants")));
		assertThat(groups).containsExactly("campaignusers", "a-group-without-grants");
	}

}
