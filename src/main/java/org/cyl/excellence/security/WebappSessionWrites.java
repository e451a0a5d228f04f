package org.cyl.excellence.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' own authentication filter puts the person's Camunda authentication back
 * into the session at the end of every request, changed or not, and Spring Session then
 * writes it to the database ({@code SPRING_SESSION_ATTRIBUTES}): one more UPDATE for each
 * of the dozens of requests a Tasklist or Cockpit page makes. During {@code /camunda}
 * requests the session is wrapped so that putting back {@value #CAMUNDA_AUTHENTICATION}
 * unchanged — the same serialized form as when the request read it — writes nothing. A
 * changed one (a new login, the webapps' periodic check of the person's groups) is
 * written as before.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebappSessionWrites {

	/**
	 * The session attribute of the webapps' authentication (Camunda's
	 * AuthenticationUtil).
	 */
	static final String CAMUNDA_AUTHENTICATION = "authenticatedUser";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> webappSessionWritesFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
		registration.setName("camunda-webapp-session-writes");
		registration.addUrlPatterns("/camunda/*");
		// inside Spring Session's filter: the session wrapped is Spring Session's
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		return registration;
	}

	static final class Filter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			chain.doFilter(new Request(request), response);
		}

	}

	/** Hands out the session wrapped, one wrapper per request. */
	static final class Request extends HttpServletRequestWrapper {

		private Session session;

		Request(HttpServletRequest request) {
			super(request);
		}

		@Override
		public HttpSession getSession() {
			return getSession(true);
		}

		@Override
		public HttpSession getSession(boolean create) {
			HttpSession own = super.getSession(create);
			if (own == null) {
				return null;
			}
			if (this.session == null || this.session.own != own) {
				this.session = new Session(own);
			}
			return this.session;
		}

	}

	/**
	 * A session that skips putting back the webapps' authentication unchanged; everything
	 * else goes to the session as it is.
	 */
	static final class Session implements HttpSession {

		private final HttpSession own;

		/** The authentication's serialized form as read, once read. */
		private byte[] read;

		Session(HttpSession own) {
			this.own = own;
		}

		@Override
		public Object getAttribute(String name) {
			Object value = this.own.getAttribute(name);
			if (CAMUNDA_AUTHENTICATION.equals(name) && this.read == null && value != null) {
				this.read = serialized(value);
			}
			return value;
		}

		@Override
		public void setAttribute(String name, Object value) {
			if (CAMUNDA_AUTHENTICATION.equals(name) && this.read != null && value != null) {
				byte[] now = serialized(value);
				if (now != null && Arrays.equals(now, this.read)) {
					return;
				}
				this.read = now;
			}
			this.own.setAttribute(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			if (CAMUNDA_AUTHENTICATION.equals(name)) {
				this.read = null;
			}
			this.own.removeAttribute(name);
		}

		/** The value's serialized form; null when it cannot be serialized. */
		private static byte[] serialized(Object value) {
			if (!(value instanceof Serializable)) {
				return null;
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
			try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
				out.writeObject(value);
			}
			catch (IOException ex) {
				return null;
			}
			return bytes.toByteArray();
		}

		@Override
		public long getCreationTime() {
			return this.own.getCreationTime();
		}

		@Override
		public String getId() {
			return this.own.getId();
		}

		@Override
		public long getLastAccessedTime() {
			return this.own.getLastAccessedTime();
		}

		@Override
		public ServletContext getServletContext() {
			return this.own.getServletContext();
		}

		@Override
		public void setMaxInactiveInterval(int interval) {
			this.own.setMaxInactiveInterval(interval);
		}

		@Override
		public int getMaxInactiveInterval() {
			return this.own.getMaxInactiveInterval();
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return this.own.getAttributeNames();
		}

		@Override
		public void invalidate() {
			this.own.invalidate();
		}

		@Override
		public boolean isNew() {
			return this.own.isNew();
		}

	}

}
