package org.cyl.excellence.security;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webapps' authentication put back unchanged is not written to the session again; a
 * changed or new one, and every other attribute, is.
 */
class WebappSessionWritesTests {

	private static final String AUTHENTICATION = WebappSessionWrites.CAMUNDA_AUTHENTICATION;

	@Test
	void theAuthenticationPutBackUnchangedIsNotWritten() {
		Counting own = new Counting();
		own.setAttribute(AUTHENTICATION, new ArrayList<>(List.of("sec120101", "GROUP_A")));
		own.writes.clear();
		HttpSession session = wrapped(own);
		Object read = session.getAttribute(AUTHENTICATION);
		session.setAttribute(AUTHENTICATION, read);
		assertThat(own.writes).isEmpty();
	}

	@Test
	void aChangedAuthenticationIsWritten() {
		Counting own = new Counting();
		own.setAttribute(AUTHENTICATION, new ArrayList<>(List.of("sec120101", "GROUP_A")));
		own.writes.clear();
		HttpSession session = wrapped(own);
		@SuppressWarnings("unchecked")
		List<String> read = (List<String>) session.getAttribute(AUTHENTICATION);
		// the webapps' periodic check of the groups changes the object in place
		read.add("GROUP_B");
		session.setAttribute(AUTHENTICATION, read);
		assertThat(own.writes).containsExactly(AUTHENTICATION);
		// and put back once more unchanged: not again
		session.setAttribute(AUTHENTICATION, read);
		assertThat(own.writes).containsExactly(AUTHENTICATION);
	}

	@Test
	void aNewAuthenticationAndOtherAttributesAreWritten() {
		Counting own = new Counting();
		HttpSession session = wrapped(own);
		assertThat(session.getAttribute(AUTHENTICATION)).isNull();
		session.setAttribute(AUTHENTICATION, new ArrayList<>(List.of("sec120101")));
		session.setAttribute("other", "x");
		session.setAttribute("other", session.getAttribute("other"));
		assertThat(own.writes).containsExactly(AUTHENTICATION, "other", "other");
		assertThat(own.getAttribute(AUTHENTICATION)).isEqualTo(List.of("sec120101"));
	}

	private static HttpSession wrapped(Counting own) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/camunda/api/engine/engine/default/task");
		request.setSession(own);
		HttpSession session = new WebappSessionWrites.Request(request).getSession(false);
		assertThat(session).isNotNull();
		return session;
	}

	/** Records what is written. */
	private static final class Counting extends MockHttpSession {

		final List<String> writes = new ArrayList<>();

		@Override
		public void setAttribute(String name, Object value) {
			this.writes.add(name);
			super.setAttribute(name, value);
		}

	}

}
