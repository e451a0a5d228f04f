package org.cyl.excellence.security;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Session reads a request's session from the database twice: when the request asks
 * for it, and again after saving it, only to compare its id with the cookie's (an open
 * Spring Session issue, spring-session#1731). During a request the session read once is
 * kept, and the second read of the same id answers with it — the session just saved, as
 * the database would; a session whose id changed (a login) or that was deleted (a logout)
 * is read from the database again. Every request with a session cookie — every page, the
 * 工作台 and the webapps — makes one statement less. Spring Session's filter is built again
 * over the repository wrapped ({@link Repository}), with the same cookie handling;
 * outside a request the repository answers as Spring Session's does.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SessionReads {

	/** The sessions read during this thread's request, by id; null outside a request. */
	private static final ThreadLocal<Map<String, Session>> READ = new ThreadLocal<>();

	@Bean
	static BeanPostProcessor sessionFilterReadingOnce(ObjectProvider<JdbcIndexedSessionRepository> jdbc) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof SessionRepositoryFilter<?> original && jdbc.getIfAvailable() != null) {
					SessionRepositoryFilter<Session> filter = new SessionRepositoryFilter<>(
							new Repository(jdbc.getObject()));
					filter.setHttpSessionIdResolver(idResolverOf(original));
					return filter;
				}
				return bean;
			}

		};
	}

	/** The cookie handling Spring Session gave its filter. */
	static HttpSessionIdResolver idResolverOf(SessionRepositoryFilter<?> filter) {
		Field field = ReflectionUtils.findField(SessionRepositoryFilter.class, "httpSessionIdResolver");
		if (field == null) {
			throw new IllegalStateException("Spring Session's filter has no httpSessionIdResolver any more");
		}
		ReflectionUtils.makeAccessible(field);
		return (HttpSessionIdResolver) ReflectionUtils.getField(field, filter);
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> sessionReadsFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
		registration.setName("session-reads");
		// around Spring Session's filter: its second read comes as it ends
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

	/** Keeps the sessions read for the length of the request. */
	static final class Filter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Map<String, Session> outer = READ.get();
			READ.set(new HashMap<>(2));
			try {
				chain.doFilter(request, response);
			}
			finally {
				if (outer == null) {
					READ.remove();
				}
				else {
					READ.set(outer);
				}
			}
		}

	}

	/** Spring Session's JDBC repository, with the reads of a request kept. */
	static final class Repository implements FindByIndexNameSessionRepository<Session> {

		private final FindByIndexNameSessionRepository<Session> jdbc;

		@SuppressWarnings({ "unchecked", "rawtypes" })
		Repository(JdbcIndexedSessionRepository jdbc) {
			// its session class is not public: used through the interface
			this.jdbc = (FindByIndexNameSessionRepository) jdbc;
		}

		@Override
		public Session findById(String id) {
			Map<String, Session> read = READ.get();
			if (read == null || id == null) {
				return this.jdbc.findById(id);
			}
			Session kept = read.get(id);
			if (kept != null && id.equals(kept.getId()) && !kept.isExpired()) {
				return kept;
			}
			Session found = this.jdbc.findById(id);
			if (found != null) {
				read.put(id, found);
			}
			else {
				read.remove(id);
			}
			return found;
		}

		@Override
		public Session createSession() {
			return this.jdbc.createSession();
		}

		@Override
		public void save(Session session) {
			this.jdbc.save(session);
		}

		@Override
		public void deleteById(String id) {
			Map<String, Session> read = READ.get();
			if (read != null) {
				read.remove(id);
			}
			this.jdbc.deleteById(id);
		}

		@Override
		public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return this.jdbc.findByIndexNameAndIndexValue(indexName, indexValue);
		}

	}

}
