package org.cyl.excellence.engine;

import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * Starts the Camunda engine only after Flyway has migrated the application's tables.
 * Otherwise the engine may create its ACT_* tables first, and Flyway then refuses a
 * non-empty schema without its history table. Registered in
 * {@code META-INF/spring.factories}.
 */
class EngineAfterFlyway extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector
		implements DependsOnDatabaseInitializationDetector {

	@Override
	protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
		return Set.of(ProcessEngineConfigurationImpl.class, ProcessEngineFactoryBean.class);
	}

}
