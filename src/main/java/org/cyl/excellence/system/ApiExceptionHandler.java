package org.cyl.excellence.system;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers every failure of the application's own API ({@code /api/**}) with a status and
 * a {@code {"message": ...}} body: bad input is a 4xx that says what is wrong, never a
 * 500.
 */
@RestControllerAdvice(basePackages = "org.cyl.excellence")
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> notFound(NotFoundException ex) {
		return body(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException ex) {
		return body(HttpStatus.NOT_FOUND, "没有这个地址：/" + ex.getResourcePath());
	}

	@ExceptionHandler({ IllegalArgumentException.class, MissingServletRequestParameterException.class,
			MissingServletRequestPartException.class, MethodArgumentTypeMismatchException.class,
			MultipartException.class })
	ResponseEntity<Map<String, Object>> badRequest(Exception ex) {
		return body(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException ex) {
		return body(HttpStatus.PAYLOAD_TOO_LARGE, "上传的文件太大");
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unsupportedType(HttpMediaTypeNotSupportedException ex) {
		return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型：" + ex.getContentType());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> methodNotAllowed(HttpRequestMethodNotSupportedException ex) {
		return body(HttpStatus.METHOD_NOT_ALLOWED, "不支持的请求方法：" + ex.getMethod());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> forbidden(AccessDeniedException ex) {
		return body(HttpStatus.FORBIDDEN, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> status(org.springframework.web.server.ResponseStatusException ex) {
		return body(HttpStatus.valueOf(ex.getStatusCode().value()), ex.getReason());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unexpected(Exception ex) {
		log.error("Unexpected failure", ex);
		return body(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，请联系管理员");
	}

	private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
		return ResponseEntity.status(status)
			.body(Map.of("message", (message != null) ? message : status.getReasonPhrase()));
	}

}
