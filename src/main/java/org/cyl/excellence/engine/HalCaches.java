package org.cyl.excellence.engine;

import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.hal.cache.DefaultHalResourceCache;
import org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Tasklist's lists (HAL, {@code application/hal+json}) embed each task's process
 * definition, read with one query per list. The definitions are kept in Camunda's HAL
 * cache for {@value #SECONDS_TO_LIVE} seconds instead: everybody with an account may read
 * every process definition ({@code AuthorizationSetup}: the users' group reads them all,
 * Tasklist's 流程图), so a definition read for one person may be shown to another, and a
 * deployed definition does not change (its suspension shows at most that much later).
 * Users and groups are not cached: who may see whose name depends on the person.
 * Camunda's cache is one per JVM, for both JSON APIs.
 */
@Component
@ConditionalOnWebApplication
class HalCaches implements InitializingBean {

	static final int CAPACITY = 500;

	static final long SECONDS_TO_LIVE = 300;

	@Override
	public void afterPropertiesSet() {
		Hal.getInstance()
			.registerHalRelationCache(HalProcessDefinition.class,
					new DefaultHalResourceCache(CAPACITY, SECONDS_TO_LIVE));
	}

}
