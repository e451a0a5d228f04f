package org.cyl.excellence.system;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API ({@code /engine-rest}) with one addition:
 * {@link FormValidationExceptionMapper}, so that a form refused by the server's
 * validation is answered with 400 and the message, not 500.
 */
@Component
@ConditionalOnWebApplication
class EngineRestConfig extends CamundaJerseyResourceConfig {

	@Override
	protected void registerAdditionalResources() {
		register(FormValidationExceptionMapper.class);
	}

}
