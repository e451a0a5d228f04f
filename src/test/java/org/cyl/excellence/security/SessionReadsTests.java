package org.cyl.excellence.security;

import java.util.ArrayList;
import java.util.List;

import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Within a request a session is read from the database once; a deleted one is gone, and
 * outside a request every read goes to the database. Spring Session's filter uses it, and
 * the login, the pages and the logout work with it (over HTTP).
 */
@ApplicationTest
class SessionReadsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcIndexedSessionRepository jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void aRequestReadsItsSessionOnce() throws Exception {
		SessionReads.Repository sessions = new SessionReads.Repository(this.jdbc);
		Session session = sessions.createSession();
		sessions.save(session);
		String id = session.getId();
		List<Session> read = new ArrayList<>();
		inARequest(() -> {
			read.add(sessions.findById(id));
			read.get(0).setLastAccessedTime(java.time.Instant.now());
			sessions.save(read.get(0));
			read.add(sessions.findById(id));
		});
		assertThat(read.get(0)).isNotNull();
		assertThat(read.get(1)).as("the session just saved, not read again").isSameAs(read.get(0));
		// outside a request: from the database each time
		assertThat(sessions.findById(id)).isNotSameAs(sessions.findById(id));
		// deleted within a request: gone
		List<Session> afterDelete = new ArrayList<>();
		inARequest(() -> {
			sessions.findById(id);
			sessions.deleteById(id);
			afterDelete.add(sessions.findById(id));
		});
		assertThat(afterDelete).containsOnlyNulls();
	}

	@Test
	void springSessionsFilterReadsThroughItAndLoginPagesAndLogoutWork() {
		SessionRepositoryFilter<?> filter = this.context.getBean(SessionRepositoryFilter.class);
		assertThat(ReflectionTestUtils.getField(filter, "sessionRepository"))
			.isInstanceOf(SessionReads.Repository.class);
		assertThat(SessionReads.idResolverOf(filter)).isNotNull();

		TestHttp person = TestHttp.login(this.port, "sec120101", "demo");
		assertThat(person.get("/", "text/html").statusCode()).isEqualTo(200);
		assertThat(person.get("/api/notices", "application/json").statusCode()).isEqualTo(200);
		String csrf = person.csrfToken("/");
		assertThat(person.post("/logout", "_csrf=" + csrf, "application/x-www-form-urlencoded").statusCode())
			.isEqualTo(302);
		assertThat(person.get("/api/notices", "application/json").statusCode()).as("logged out").isEqualTo(401);
	}

	private static void inARequest(Runnable work) throws Exception {
		new SessionReads.Filter().doFilter(new MockHttpServletRequest("GET", "/"), new MockHttpServletResponse(),
				new MockFilterChain(new jakarta.servlet.http.HttpServlet() {

					@Override
					protected void service(jakarta.servlet.http.HttpServletRequest request,
							jakarta.servlet.http.HttpServletResponse response) {
						work.run();
					}

				}));
	}

}
