package org.cyl.excellence.security;

import java.net.http.HttpResponse;

import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browsers keep Camunda's versioned files of the webapps and ask again for the files the
 * project overrides (WebappStaticCaching); the APIs are left as they were.
 */
@ApplicationTest
class WebappStaticCachingTests {

	@LocalServerPort
	int port;

	@Test
	void camundasVersionedFilesAreKeptAndTheProjectsFilesAskedAgain() {
		TestHttp secretary = TestHttp.login(this.port, "sec120101", "demo");
		HttpResponse<String> deps = secretary.get("/camunda/lib/deps.js?bust=7.24.0");
		assertThat(deps.statusCode()).isEqualTo(200);
		assertThat(deps.headers().allValues("Cache-Control")).containsExactly(WebappStaticCaching.IMMUTABLE);
		HttpResponse<String> bundle = secretary.get("/camunda/app/tasklist/camunda-tasklist-bootstrap.js?bust=7.24.0");
		assertThat(bundle.headers().allValues("Cache-Control")).containsExactly(WebappStaticCaching.IMMUTABLE);
		// without Camunda's version in the address: asked again
		assertThat(secretary.get("/camunda/lib/deps.js").headers().allValues("Cache-Control"))
			.containsExactly(WebappStaticCaching.REVALIDATE);

		HttpResponse<String> locale = secretary.get("/camunda/app/tasklist/locales/zh.json?bust=7.24.0");
		assertThat(locale.statusCode()).isEqualTo(200);
		assertThat(locale.body()).contains("我的");
		assertThat(locale.headers().allValues("Cache-Control")).containsExactly(WebappStaticCaching.REVALIDATE);
		assertThat(secretary.get("/camunda/app/tasklist/scripts/config.js").headers().allValues("Cache-Control"))
			.containsExactly(WebappStaticCaching.REVALIDATE);

		// the application's own static files: asked again, 304 when unchanged; its pages
		// never kept
		HttpResponse<String> css = secretary.get("/css/app.css");
		assertThat(css.headers().allValues("Cache-Control")).containsExactly(WebappStaticCaching.REVALIDATE);
		assertThat(TestHttp.anonymous(this.port).get("/manifest.webmanifest").headers().allValues("Cache-Control"))
			.containsExactly(WebappStaticCaching.REVALIDATE);
		assertThat(secretary.get("/").headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("no-"));

		// the API and the app's page: never kept
		assertThat(secretary.get("/camunda/api/engine/engine/default/task/count").headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("no-"));
		assertThat(secretary.get("/camunda/app/tasklist/default/").headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).doesNotContain("max-age=31536000"));
	}

	@Test
	void theFilesStillWantALogin() {
		HttpResponse<String> anonymous = TestHttp.anonymous(this.port).get("/camunda/lib/deps.js?bust=7.24.0");
		assertThat(anonymous.statusCode()).isIn(302, 401);
	}

}
