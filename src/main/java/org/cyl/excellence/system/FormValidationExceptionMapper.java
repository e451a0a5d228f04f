package org.cyl.excellence.system;

import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * The engine wraps whatever a task listener throws into a plain
 * {@link ProcessEngineException}, which the REST API answers with 500. A validation
 * failure ({@link BadUserRequestException}, thrown by {@link FormData}) anywhere in the
 * cause chain is bad input: 400 with the validator's own message. Every other exception
 * is answered as Camunda would.
 */
@Provider
@Priority(1)
public class FormValidationExceptionMapper implements ExceptionMapper<ProcessEngineException> {

	private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

	@Override
	public Response toResponse(ProcessEngineException exception) {
		Response refused = refused(exception);
		return (refused != null) ? refused : this.camunda.toResponse(exception);
	}

	/**
	 * 400 with the validator's message when a validation failure caused the exception,
	 * else null.
	 */
	static Response refused(Throwable exception) {
		for (Throwable t = exception.getCause(); t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof BadUserRequestException refused) {
				return Response.status(Response.Status.BAD_REQUEST)
					.type(MediaType.APPLICATION_JSON_TYPE)
					.entity(Map.of("type", "InvalidRequestException", "message", refused.getMessage()))
					.build();
			}
		}
		return null;
	}

	/**
	 * The same for the REST resources that catch the engine's exception and throw their
	 * own ({@code submit-form} answers "Cannot submit task form …" with 500).
	 */
	@Provider
	@Priority(1)
	public static class ForRestException implements ExceptionMapper<RestException> {

		private final RestExceptionHandler camunda = new RestExceptionHandler();

		@Override
		public Response toResponse(RestException exception) {
			Response refused = refused(exception);
			return (refused != null) ? refused : this.camunda.toResponse(exception);
		}

	}

}
