package org.cyl.excellence.engine;

import java.net.http.HttpResponse;

import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda's REST API and the webapps' engine API use the one shared JSON mapper
 * ({@link RestObjectMapper}), and write and read JSON as Camunda's own mapper does: dates
 * in Camunda's format, a variable's JSON value as it was sent.
 */
@ApplicationTest
class RestObjectMapperTests {

	/** Camunda's date format on the wire: 2026-12-02T08:15:00.000+0000. */
	private static final String CAMUNDA_DATE = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}";

	@LocalServerPort
	int port;

	@Test
	void theRestApiWritesWithTheSharedMapperInCamundasFormat() {
		long before = RestObjectMapper.served.get();
		HttpResponse<String> deployments = TestHttp.basic(this.port, "admin", "admin")
			.get("/engine-rest/deployment?maxResults=1");
		assertThat(deployments.statusCode()).isEqualTo(200);
		assertThat(deployments.body()).containsPattern("\"deploymentTime\":\"" + CAMUNDA_DATE + "\"");
		assertThat(RestObjectMapper.served.get()).isGreaterThan(before);
	}

	@Test
	void theWebappsEngineApiUsesTheSharedMapperToo() {
		TestHttp admin = TestHttp.login(this.port, "admin", "admin");
		admin.get("/camunda/app/cockpit/default/");
		long before = RestObjectMapper.served.get();
		HttpResponse<String> deployments = admin.get("/camunda/api/engine/engine/default/deployment?maxResults=1",
				"application/json");
		assertThat(deployments.statusCode()).isEqualTo(200);
		assertThat(deployments.body()).containsPattern("\"deploymentTime\":\"" + CAMUNDA_DATE + "\"");
		assertThat(RestObjectMapper.served.get()).isGreaterThan(before);
	}

}
