package org.cyl.excellence.engine;

import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * One JSON mapper for Camunda's REST API, configured once as Camunda configures it.
 * Camunda's own resolver ({@link JacksonConfigurator}) builds a new {@link ObjectMapper}
 * each time it is asked — for every resource a request passes through and for every body
 * read or written — and a new mapper learns every class it meets again: a tenth of the
 * processor time of a REST request that does nothing else (docs/benchmarks.md, "what a
 * request costs"). A configured mapper is safe to share between threads, and nothing of
 * Camunda's changes the mapper it gets. Registered ahead of Camunda's in every Jersey
 * application that registers Camunda's ({@code /engine-rest} and the webapps' engine API,
 * which Tasklist and Cockpit use) by {@link Discoverable}, in {@code META-INF/services}.
 */
@Provider
@Produces({ MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON })
public class RestObjectMapper implements ContextResolver<ObjectMapper> {

	private static final ObjectMapper SHARED = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

	/** How often the shared mapper was handed out (for the tests). */
	static final AtomicLong served = new AtomicLong();

	@Override
	public ObjectMapper getContext(Class<?> type) {
		served.incrementAndGet();
		return SHARED;
	}

	/** Adds the shared mapper where Camunda's resolver is, with a higher priority. */
	public static class Discoverable implements AutoDiscoverable {

		/** Ahead of Camunda's resolver, which has the default priority (5000). */
		static final int PRIORITY = 1000;

		@Override
		public void configure(FeatureContext context) {
			if (context.getConfiguration().isRegistered(JacksonConfigurator.class)
					&& !context.getConfiguration().isRegistered(RestObjectMapper.class)) {
				context.register(RestObjectMapper.class, PRIORITY);
			}
		}

	}

}
