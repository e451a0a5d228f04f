package org.cyl.excellence.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Answers what ends in the servlet container's error dispatch instead of Spring Boot's
 * default: refusals of Spring Security (403, an invalid CSRF token), unknown addresses
 * outside the application's controllers, failures of the Camunda webapps' filters. Pages
 * get the error page in Chinese with a link back to the start page, APIs a JSON message;
 * the container's own message (English, possibly with Java names) is never shown.
 */
@Controller
class ErrorPageController implements ErrorController {

	/** What a refused CSRF token means to a person, with a way out. */
	static final String STALE_PAGE = "页面已过期（安全令牌无效），请返回上一页刷新后重试；您的登录不受影响";

	@RequestMapping("${server.error.path:${error.path:/error}}")
	Object error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer i && i >= 400) ? i : 404;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (uri instanceof String s) ? s.substring(Math.min(request.getContextPath().length(), s.length()))
				: ErrorAnswers.path(request);
		String message = (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) ? STALE_PAGE
				: null;
		return ErrorAnswers.answer(request, path, HttpStatusCode.valueOf(status), message);
	}

}
