package org.cyl.excellence.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** Replacing one of the engine's managers (its sessions) with a subclass of our own. */
final class SessionFactories {

	private SessionFactories() {
	}

	/**
	 * Has the engine open {@code session} wherever it asks for a session of {@code type}
	 * (custom session factories replace the engine's own of the same type). Call in a
	 * plugin's {@code preInit}.
	 */
	static void replace(ProcessEngineConfigurationImpl configuration, Class<?> type, Supplier<Session> session) {
		List<SessionFactory> factories = new ArrayList<>();
		if (configuration.getCustomSessionFactories() != null) {
			factories.addAll(configuration.getCustomSessionFactories());
		}
		factories.add(new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return type;
			}

			@Override
			public Session openSession() {
				return session.get();
			}

		});
		configuration.setCustomSessionFactories(factories);
	}

}
