package org.cyl.excellence.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.filter.CsrfPreventionFilter;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

/**
 * The webapps' own CSRF protection (Tasklist, Cockpit, Admin send their
 * {@code XSRF-TOKEN} as a header), with one difference from Camunda's filter: a missing
 * or stale token is refused with 403 and a Chinese message, and the session is left
 * alone. Camunda's {@link CsrfPreventionFilter} invalidates the session on every refusal,
 * which with one login for everything (and sessions in the database) logged a person out
 * whenever an old Tasklist tab sent a request with the token of an earlier session.
 * <p>
 * Registered under Camunda's own filter name before the Camunda starter registers its
 * filters (which skips a name already taken), with the starter's settings
 * ({@code camunda.bpm.webapp.csrf.*}) and URL patterns.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebappCsrf {

	/** The name the Camunda starter registers its CSRF filter under. */
	static final String FILTER_NAME = "CsrfPreventionFilter";

	/**
	 * After the single sign-on filters ({@link CamundaAuthenticationFilters}, 101),
	 * before the Camunda starter's filters (registered last).
	 */
	private static final int ORDER = 102;

	@Bean
	FilterRegistrationBean<SessionKeepingCsrfFilter> webappCsrfFilter(CamundaBpmProperties camunda) {
		FilterRegistrationBean<SessionKeepingCsrfFilter> registration = new FilterRegistrationBean<>(
				new SessionKeepingCsrfFilter());
		registration.setName(FILTER_NAME);
		registration.setInitParameters(camunda.getWebapp().getCsrf().getInitParams());
		String path = camunda.getWebapp().getApplicationPath();
		registration.addUrlPatterns(path + "/api/*", path + "/app/*");
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setOrder(ORDER);
		return registration;
	}

	/** Camunda's filter with a refusal that keeps the session. */
	static class SessionKeepingCsrfFilter extends CsrfPreventionFilter {

		@Override
		protected boolean doTokenValidation(HttpServletRequest request, HttpServletResponse response)
				throws IOException {
			String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
			HttpSession session = request.getSession(false);
			Object expected = (session != null) ? session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME)
					: null;
			if (sent != null && !sent.isBlank() && expected instanceof String token && MessageDigest
				.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
				return true;
			}
			if (sent == null || sent.isBlank()) {
				// as Camunda answers: the webapps then fetch a new token
				response.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, CsrfConstants.CSRF_TOKEN_HEADER_REQUIRED);
			}
			response.setStatus(getDenyStatus());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write("{\"type\":\"Forbidden\",\"message\":\"页面已过期（安全令牌无效），请刷新页面后重试；您的登录不受影响\"}");
			return false;
		}

	}

}
