package org.cyl.excellence.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * What a refused login answers, for {@link SecurityConfig}: the login form goes back to
 * the login page — with how many seconds to wait when {@link LoginThrottle} held it
 * ({@code /login?wait=N}, shown by {@link LoginController}), else with the error — and
 * HTTP Basic gets 429 with {@code Retry-After} and a Chinese JSON message while it waits,
 * else what it got before.
 */
final class ThrottledLoginAnswers {

	private ThrottledLoginAnswers() {
	}

	static AuthenticationFailureHandler loginForm() {
		SimpleUrlAuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler(
				SecurityConfig.LOGIN_PAGE + "?error");
		return (request, response, exception) -> {
			if (exception instanceof LoginThrottledException throttled) {
				response.sendRedirect(
						request.getContextPath() + SecurityConfig.LOGIN_PAGE + "?wait=" + throttled.seconds());
				return;
			}
			wrong.onAuthenticationFailure(request, response, exception);
		};
	}

	static AuthenticationEntryPoint basic(AuthenticationEntryPoint otherwise) {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
			if (exception instanceof LoginThrottledException throttled) {
				tooManyAttempts(response, throttled.seconds());
				return;
			}
			otherwise.commence(request, response, exception);
		};
	}

	private static void tooManyAttempts(HttpServletResponse response, long seconds) throws IOException {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"message\":\"登录尝试过于频繁，请 " + seconds + " 秒后再试\"}");
	}

}
