package org.cyl.excellence.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

import org.springframework.stereotype.Component;

/**
 * Two per-request look-ups of Camunda's authorization checks that read the whole of
 * {@code ACT_RU_AUTHORIZATION} — which here grows by a grant per candidate group per open
 * task (200,000 rows at 100,000 open tasks; 30–70 ms each, on every Tasklist request;
 * docs/benchmarks.md) — switched off, with the same results:
 * <ul>
 * <li>the person's groups are not first narrowed down to the groups that hold any grant
 * ({@code select distinct GROUP_ID_} over the whole table, once per command): a person is
 * in a handful of groups, and a group without grants simply matches none in the check
 * itself;</li>
 * <li>no look for revoke authorizations before every check
 * ({@code authorizationCheckRevokes=never}): this application grants only (see
 * security/AuthorizationSetup), and the revoke look-up scans the table when there are
 * none. An administrator who creates a revoke authorization in Camunda Admin must set
 * {@code camunda.bpm.generic-properties.properties.authorizationCheckRevokes: always} for
 * it to count.</li>
 * </ul>
 */
@Component
public class AuthorizationQueries extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		SessionFactories.replace(configuration, AuthorizationManager.class, UnfilteredGroupsAuthorizationManager::new);
		if (ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_AUTO
			.equals(configuration.getAuthorizationCheckRevokes())) {
			configuration.setAuthorizationCheckRevokes(ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_NEVER);
		}
	}

	/** Camunda's authorization manager, but the person's groups are taken as they are. */
	static class UnfilteredGroupsAuthorizationManager extends AuthorizationManager {

		@Override
		public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
			if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
				return EMPTY_LIST;
			}
			return new ArrayList<>(authenticatedGroupIds);
		}

	}

}
