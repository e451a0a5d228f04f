package org.cyl.excellence.security;

import java.net.http.HttpResponse;
import java.util.List;

import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hardening: the application's pages carry a Content-Security-Policy and the usual
 * protective headers, the Camunda webapps keep their own policy; the warning about
 * default passwords (the demo runs with them).
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class PageHeadersTests {

	@LocalServerPort
	int port;

	@Autowired
	DefaultPasswordWarning warning;

	@Test
	void applicationPagesCarryAContentSecurityPolicy() {
		TestHttp committee = TestHttp.login(this.port, "committee12", "demo");
		for (HttpResponse<String> page : List.of(committee.get("/campaigns"), committee.get("/notices"),
				TestHttp.anonymous(this.port).get("/login"))) {
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Security-Policy"))
				.hasValue(SecurityConfig.CONTENT_SECURITY_POLICY);
			assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
			assertThat(page.body()).as("no inline script or style, which the policy would block")
				.doesNotContainPattern("<script>|<script(?![^>]*\\ssrc=)(?![^>]*application/json)|<style|\\sstyle=");
		}
	}

	@Test
	void publicPagesCarryItWithoutReferrer() {
		HttpResponse<String> unknownBallot = TestHttp.anonymous(this.port).get("/ballot/unknown");
		assertThat(unknownBallot.headers().firstValue("Content-Security-Policy"))
			.hasValue(SecurityConfig.CONTENT_SECURITY_POLICY);
		assertThat(unknownBallot.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
	}

	@Test
	void theWebappsKeepTheirOwnPolicy() {
		HttpResponse<String> tasklist = TestHttp.login(this.port, "committee12", "demo")
			.get("/camunda/app/tasklist/default/");
		assertThat(tasklist.statusCode()).isEqualTo(200);
		assertThat(tasklist.headers().allValues("Content-Security-Policy")).hasSize(1)
			.allSatisfy((csp) -> assertThat(csp).isNotEqualTo(SecurityConfig.CONTENT_SECURITY_POLICY));
	}

	@Test
	void warnsLoudlyWhileDefaultPasswordsAreInForce(CapturedOutput output) {
		assertThat(this.warning.warn()).hasSize(2);
		assertThat(output.getOut()).contains("WARN", "DEFAULT PASSWORDS ARE IN FORCE",
				"The administrator 'admin' still has the password 'admin'", "initial password 'demo'");
	}

}
