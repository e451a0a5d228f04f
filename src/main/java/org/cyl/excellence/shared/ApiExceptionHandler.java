package org.cyl.excellence.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers every failure of Spring MVC — the application's controllers, and what fails
 * before a controller is found (an unknown address, a method not taken, a multipart body
 * that cannot be parsed): an API ({@code /api/**}) with a status and {@code {"message":
 * ...}}, a page with the error page. Bad input is a 4xx that says in Chinese what is
 * wrong, never a 500; texts of libraries (English, with Java names) are replaced by the
 * status's message ({@link ErrorAnswers}). Only a real failure is a 500, logged once with
 * its stack trace.
 */
@ControllerAdvice
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler
	Object notFound(NotFoundException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	Object noResource(NoResourceFoundException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.NOT_FOUND, null);
	}

	@ExceptionHandler
	Object typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "参数“" + ex.getName() + "”的值不正确");
	}

	@ExceptionHandler
	Object missingParameter(MissingServletRequestParameterException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "缺少参数“" + ex.getParameterName() + "”");
	}

	@ExceptionHandler
	Object missingPart(MissingServletRequestPartException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "缺少上传的文件“" + ex.getRequestPartName() + "”");
	}

	@ExceptionHandler
	Object unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST,
				(ex.getCause() instanceof JsonProcessingException) ? "请求内容不是有效的 JSON，或其中的值格式不正确" : "请求内容无法读取");
	}

	@ExceptionHandler
	Object tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, "上传的文件太大");
	}

	@ExceptionHandler
	Object multipart(MultipartException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "上传的内容不正确");
	}

	@ExceptionHandler
	Object unsupportedType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, null);
	}

	@ExceptionHandler
	Object methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletRequest request,
			HttpServletResponse response) {
		if (ex.getSupportedHttpMethods() != null) {
			response.setHeader("Allow", StringUtils.collectionToCommaDelimitedString(ex.getSupportedHttpMethods()));
		}
		return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "此地址不支持 " + ex.getMethod() + " 请求");
	}

	/**
	 * Our checks say in Chinese who may; Spring's own refusal ("Access Denied") does not.
	 */
	@ExceptionHandler
	Object forbidden(AccessDeniedException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.FORBIDDEN, ex.getMessage());
	}

	/** Our checks' messages are Chinese; a library's are replaced. */
	@ExceptionHandler
	Object badRequest(IllegalArgumentException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/** The engine, called by the application on behalf of the person. */
	@ExceptionHandler
	Object engineRefused(BadUserRequestException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	Object engineForbidden(AuthorizationException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.FORBIDDEN, null);
	}

	@ExceptionHandler
	Object concurrent(OptimisticLockingException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.CONFLICT, null);
	}

	@ExceptionHandler
	Object status(org.springframework.web.server.ResponseStatusException ex, HttpServletRequest request) {
		return answer(request, ex.getStatusCode(), ex.getReason());
	}

	/**
	 * A real failure: 500, logged once with its stack trace. The rest of Spring MVC's
	 * refusals (a missing header, a value that fails validation, an unacceptable
	 * format...) keep their status.
	 */
	@ExceptionHandler
	Object unexpected(Exception ex, HttpServletRequest request) {
		HttpStatusCode status = (ex instanceof ErrorResponse mvc) ? mvc.getStatusCode()
				: HttpStatus.INTERNAL_SERVER_ERROR;
		if (status.is5xxServerError()) {
			log.error("Failed {} {}", request.getMethod(), request.getRequestURI(), ex);
		}
		return answer(request, status, null);
	}

	private static Object answer(HttpServletRequest request, HttpStatusCode status, String message) {
		return ErrorAnswers.answer(request, ErrorAnswers.path(request), status, message);
	}

}
