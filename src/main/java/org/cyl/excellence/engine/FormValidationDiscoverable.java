package org.cyl.excellence.engine;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Adds {@link FormValidationExceptionMapper} (with its nested mappers) to every Jersey
 * application of the process: the REST API ({@code /engine-rest}) and the webapps' own
 * engine API ({@code /camunda/api/engine}, which Tasklist submits forms through).
 * Registered in {@code META-INF/services}.
 */
public class FormValidationDiscoverable implements AutoDiscoverable {

	@Override
	public void configure(FeatureContext context) {
		if (!context.getConfiguration().isRegistered(FormValidationExceptionMapper.class)) {
			context.register(FormValidationExceptionMapper.class);
			context.register(FormValidationExceptionMapper.ForRestException.class);
			context.register(FormValidationExceptionMapper.ForAnything.class);
			context.register(FormValidationExceptionMapper.ForJsonParse.class);
			context.register(FormValidationExceptionMapper.ForJsonMapping.class);
		}
	}

}
