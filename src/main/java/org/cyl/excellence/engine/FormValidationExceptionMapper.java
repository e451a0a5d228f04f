package org.cyl.excellence.engine;

import org.cyl.excellence.shared.ErrorAnswers;
import java.text.ParseException;
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * How the engine REST API ({@code /engine-rest}) and the webapps' APIs
 * ({@code /camunda/api/...}, which Tasklist submits forms through) answer every failure,
 * in place of Camunda's handlers, which answer with English texts and Java type names,
 * and with 500 for much a client caused:
 * <ul>
 * <li>a refusal of the application's own checks — a {@link BadUserRequestException} of
 * {@link FormData} or of {@link DeploymentChecks} (a deployment from Camunda Modeler), or
 * an {@link AuthorizationException} with a Chinese message, anywhere in the cause chain
 * (the engine wraps what a task listener throws) — 400 or 403 with that message, logged
 * as one WARN line: who, the request (with the task), the message;</li>
 * <li>any other client error (an unknown id, a malformed value or body, a request the
 * engine refuses in the present state) — its 4xx with a Chinese message;</li>
 * <li>a real failure (the database, a bug) — 500 with a generic Chinese message, logged
 * once with its stack trace.</li>
 * </ul>
 * The {@code type} field stays as Camunda gives it. The engine's own logging of command
 * exceptions is switched off ({@code enableCmdExceptionLogging}), so this is the one log
 * line of a failed request. Registered by {@link FormValidationDiscoverable}: this class
 * for {@link ProcessEngineException}, the nested ones for the other types Camunda maps.
 */
@Provider
@Priority(1)
public class FormValidationExceptionMapper implements ExceptionMapper<ProcessEngineException> {

	private static final Logger log = LoggerFactory.getLogger(FormValidationExceptionMapper.class);

	private static final ObjectMapper json = new ObjectMapper();

	private static final String UNREADABLE_JSON = "请求内容不是有效的 JSON，或其中的值格式不正确";

	/**
	 * Camunda names a bad parameter so: "Cannot set query parameter 'x' to value ...".
	 */
	private static final Pattern PARAMETER = Pattern.compile("parameter '([A-Za-z0-9_.\\-]{1,64})'");

	@Override
	public Response toResponse(ProcessEngineException exception) {
		return answer(exception);
	}

	/** The response for anything that failed a REST or webapp API request. */
	static Response answer(Throwable exception) {
		Throwable refusal = refusal(exception);
		if (refusal != null) {
			boolean forbidden = refusal instanceof AuthorizationException;
			log.warn("Refused {} by {}: {}", request(), who(), refusal.getMessage());
			return response(forbidden ? 403 : 400, forbidden ? "AuthorizationException" : "InvalidRequestException",
					refusal.getMessage());
		}
		String type = exception.getClass().getSimpleName();
		if (exception instanceof ParamException param) {
			return clientError(exception, 400, type, "参数“" + param.getParameterName() + "”的值不正确");
		}
		if (exception instanceof RestException rest && rest.getStatus() != null
				&& rest.getStatus().getStatusCode() < 500) {
			return clientError(exception, rest.getStatus().getStatusCode(), type, parameterMessage(rest));
		}
		for (Throwable t : chain(exception)) {
			if (t instanceof JsonProcessingException) {
				return clientError(exception, 400, type, UNREADABLE_JSON);
			}
		}
		if (exception instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
			return (web.getResponse().getStatus() < 400) ? web.getResponse()
					: clientError(exception, web.getResponse().getStatus(), type, null);
		}
		for (Throwable t : chain(exception)) {
			if (t instanceof ProcessEngineException engine) {
				Response verdict = engineVerdict(exception, engine, type);
				if (verdict != null) {
					return verdict;
				}
				break;
			}
		}
		log.error("Failed {} by {}", request(), who(), exception);
		return response(500, type, null);
	}

	/**
	 * The engine's verdict on a request: the status for what the client asked, or null
	 * when the cause is a real failure (the database, a bug in a listener).
	 */
	private static Response engineVerdict(Throwable exception, ProcessEngineException engine, String type) {
		if (engine instanceof AuthorizationException) {
			return clientError(exception, 403, type, null);
		}
		if (engine instanceof OptimisticLockingException) {
			return clientError(exception, 409, type, null);
		}
		if (engine instanceof NullValueException || engine instanceof NotFoundException) {
			return clientError(exception, 404, type, null);
		}
		if (engine instanceof BadUserRequestException) {
			return clientError(exception, 400, type, null);
		}
		Throwable root = engine;
		for (Throwable t : chain(engine)) {
			root = t;
		}
		if (root instanceof ProcessEngineException || malformedValue(root)) {
			// the engine refused what was asked in the state things are in (e.g. deleting
			// a task of a process), or could not read a submitted value
			return clientError(exception, 400, type, "无法执行此操作：与任务或流程的当前状态不符，或提交的值格式不正确");
		}
		return null;
	}

	/** A submitted value that could not be read (XML, JSON, a number, a date). */
	private static boolean malformedValue(Throwable t) {
		String name = t.getClass().getName();
		return t instanceof NumberFormatException || t instanceof DateTimeException || t instanceof ParseException
				|| name.startsWith("org.camunda.spin.") || name.startsWith("org.xml.sax.")
				|| name.startsWith("javax.xml.") || name.startsWith("com.fasterxml.jackson.");
	}

	/**
	 * The refusal of one of the application's checks (its message is Chinese), or null.
	 */
	static Throwable refusal(Throwable exception) {
		for (Throwable t : chain(exception)) {
			if ((t instanceof BadUserRequestException || t instanceof AuthorizationException) && t.getMessage() != null
					&& ErrorAnswers.chinese(t.getMessage())) {
				return t;
			}
		}
		return null;
	}

	/**
	 * "参数“x”的值不正确" where Camunda names the parameter; else what can be told of the body.
	 */
	private static String parameterMessage(RestException exception) {
		Matcher m = PARAMETER.matcher(String.valueOf(exception.getMessage()));
		if (m.find()) {
			return "参数“" + m.group(1) + "”的值不正确";
		}
		for (Throwable t : chain(exception)) {
			if (t instanceof JsonProcessingException) {
				return UNREADABLE_JSON;
			}
		}
		return exception.getMessage();
	}

	private static Response clientError(Throwable exception, int status, String type, String message) {
		if (log.isDebugEnabled()) {
			log.debug("Answered {} {} by {}: {}", status, request(), who(), exception.toString());
		}
		return response(status, type, message);
	}

	private static Response response(int status, String type, String message) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("message",
				(message != null && ErrorAnswers.chinese(message)) ? message : ErrorAnswers.message(status));
		String text;
		try {
			text = json.writeValueAsString(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
		return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(text).build();
	}

	/** The exception and its causes, without looping. */
	private static Iterable<Throwable> chain(Throwable exception) {
		java.util.List<Throwable> chain = new java.util.ArrayList<>();
		for (Throwable t = exception; t != null && !chain.contains(t) && chain.size() < 32; t = t.getCause()) {
			chain.add(t);
		}
		return chain;
	}

	private static String request() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getMethod() + " " + request.getRequestURI();
		}
		return "(no request)";
	}

	private static String who() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getName() : "anonymous";
	}

	/**
	 * The REST resources that catch the engine's exception and throw their own
	 * ({@code submit-form} answers "Cannot submit task form …" with 500).
	 */
	@Provider
	@Priority(1)
	public static class ForRestException implements ExceptionMapper<RestException> {

		@Override
		public Response toResponse(RestException exception) {
			return answer(exception);
		}

	}

	/** Everything else: Jersey's 404, 405, 415, bad parameters, bodies, failures. */
	@Provider
	@Priority(1)
	public static class ForAnything implements ExceptionMapper<Throwable> {

		@Override
		public Response toResponse(Throwable exception) {
			return answer(exception);
		}

	}

	/** A request body that is not JSON. */
	@Provider
	@Priority(1)
	public static class ForJsonParse implements ExceptionMapper<JsonParseException> {

		@Override
		public Response toResponse(JsonParseException exception) {
			return answer(exception);
		}

	}

	/** A request body whose JSON does not fit. */
	@Provider
	@Priority(1)
	public static class ForJsonMapping implements ExceptionMapper<JsonMappingException> {

		@Override
		public Response toResponse(JsonMappingException exception) {
			return answer(exception);
		}

	}

}
