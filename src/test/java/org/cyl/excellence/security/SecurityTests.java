package org.cyl.excellence.security;

import java.net.http.HttpResponse;

import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one login through the real security chain: what is open, what asks for a login,
 * that each role lands on 工作台, and that logging out ends the session for the webapps too.
 */
@ApplicationTest
class SecurityTests {

	private static final String TASKLIST_API = "/camunda/api/engine/engine/default/task";

	private static final String WEBAPP_USER = "/camunda/api/admin/auth/user/default";

	@LocalServerPort
	int port;

	@Test
	void anonymousRestRequestsGet401() {
		TestHttp anonymous = TestHttp.anonymous(this.port);
		HttpResponse<String> engineRest = anonymous.get("/engine-rest/task");
		assertThat(engineRest.statusCode()).isEqualTo(401);
		assertThat(engineRest.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((v) -> assertThat(v).startsWith("Basic"));
		assertThat(anonymous.get("/api/organizations").statusCode()).isEqualTo(401);
		assertThat(anonymous.get(TASKLIST_API).statusCode()).isEqualTo(401);
		assertThat(anonymous.get(WEBAPP_USER).statusCode()).isEqualTo(401);
	}

	@Test
	void anonymousPagesRedirectToTheLoginPage() {
		TestHttp anonymous = TestHttp.anonymous(this.port);
		for (String page : new String[] { "/", "/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
				"/camunda/app/admin/default/", "/camunda/app/welcome/default/" }) {
			HttpResponse<String> response = anonymous.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(page)
				.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
		}
	}

	@Test
	void onlyTheLoginPageAndStaticAssetsAreOpen() {
		TestHttp anonymous = TestHttp.anonymous(this.port);
		HttpResponse<String> login = anonymous.get("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("创先争优工作平台", "用户名", "密码");
		assertThat(anonymous.get("/css/app.css").statusCode()).isEqualTo(200);
		// the webapps' own assets are not public
		assertThat(anonymous.get("/camunda/app/tasklist/scripts/config.js").statusCode()).isEqualTo(302);
	}

	@Test
	void afterLoginTheBrowserReturnsToThePageItAskedForNeverToAFont() {
		TestHttp browser = TestHttp.anonymous(this.port);
		browser.get("/camunda/app/tasklist/default/", "text/html,application/xhtml+xml,*/*;q=0.8");
		// a closing webapp page still loads its fonts and styles: they must not become
		// the place to return to
		browser.get("/camunda/assets/IBMPlexSans-Bold.woff?bust=7.24.0", "*/*");
		browser.get("/camunda/app/tasklist/camunda-tasklist-bootstrap.css", "text/css,*/*;q=0.1");
		HttpResponse<String> login = browser.submitLogin("m12010106", "demo");
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
				(l) -> assertThat(l).contains("/camunda/app/tasklist/default/").doesNotContain("woff", "css"));

		TestHttp other = TestHttp.anonymous(this.port);
		other.get("/camunda/assets/IBMPlexSans-Bold.woff?bust=7.24.0", "*/*");
		assertThat(other.submitLogin("m12010107", "demo").headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/"));
	}

	@Test
	void wrongPasswordIsRefused() {
		TestHttp http = TestHttp.anonymous(this.port);
		HttpResponse<String> response = http.submitLogin("city1", "wrong");
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?error"));
		assertThat(http.get(TASKLIST_API).statusCode()).isEqualTo(401);
		assertThat(TestHttp.basic(this.port, "city1", "wrong").get("/engine-rest/task").statusCode()).isEqualTo(401);
	}

	@Test
	void branchSecretaryLogsInAndReachesTheTasklistApi() {
		TestHttp secretary = TestHttp.login(this.port, "sec120102", "demo");
		// the landing is 工作台, which links to Tasklist and neither to Cockpit nor Admin
		HttpResponse<String> landing = secretary.get("/");
		assertThat(landing.statusCode()).isEqualTo(200);
		assertThat(landing.body()).contains("的工作台", "href=\"/camunda/app/tasklist/default/\"")
			.doesNotContain("/camunda/app/cockpit/", "/camunda/app/admin/");
		assertThat(secretary.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
		assertThat(secretary.get(TASKLIST_API).statusCode()).isEqualTo(200);

		HttpResponse<String> user = secretary.get(WEBAPP_USER);
		assertThat(user.statusCode()).isEqualTo(200);
		assertThat(user.body()).contains("\"userId\":\"sec120102\"", "tasklist").doesNotContain("cockpit", "\"admin\"");
		// the secretary reaches neither Cockpit nor Admin
		assertThat(secretary.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
		assertThat(secretary.get("/camunda/app/admin/default/").statusCode()).isEqualTo(403);
	}

	@Test
	void sharedFiltersAreReadableByEveryTasklistUser() {
		for (String user : new String[] { "sec120101", "m12010104", "party1201s", "gb1202" }) {
			HttpResponse<String> filters = TestHttp.basic(this.port, user, "demo").get("/engine-rest/filter");
			assertThat(filters.statusCode()).as(user).isEqualTo(200);
			assertThat(filters.body()).as(user).contains("我的待办", "待认领", "全部待办");
		}
		// each task in the list shows its organisation and campaign
		assertThat(TestHttp.basic(this.port, "sec120101", "demo").get("/engine-rest/filter?itemCount=false").body())
			.contains("\"name\":\"branchName\"", "\"label\":\"组织\"", "\"name\":\"campaignTitle\"");
	}

	@Test
	void managerLandsOnTheWorkbenchWithCockpitATapAway() {
		TestHttp manager = TestHttp.login(this.port, "manager", "demo");
		HttpResponse<String> landing = manager.get("/");
		assertThat(landing.statusCode()).isEqualTo(200);
		assertThat(landing.body()).contains("的工作台", "href=\"/camunda/app/cockpit/default/\"")
			.doesNotContain("/camunda/app/admin/");
		assertThat(manager.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
		assertThat(manager.get(WEBAPP_USER).body()).contains("cockpit").doesNotContain("\"admin\"");
		assertThat(manager.get("/camunda/app/admin/default/").statusCode()).isEqualTo(403);
	}

	@Test
	void administratorLandsOnTheWorkbenchWithAdminATapAway() {
		TestHttp admin = TestHttp.login(this.port, "admin", "admin");
		HttpResponse<String> landing = admin.get("/");
		assertThat(landing.statusCode()).isEqualTo(200);
		assertThat(landing.body()).contains("的工作台", "href=\"/camunda/app/admin/default/\"",
				"href=\"/camunda/app/cockpit/default/\"");
		assertThat(admin.get("/camunda/app/admin/default/").statusCode()).isEqualTo(200);
		assertThat(admin.get(WEBAPP_USER).body()).contains("admin", "cockpit", "tasklist");
	}

	@Test
	void loggingOutEndsTheSessionEverywhere() {
		TestHttp secretary = TestHttp.login(this.port, "sec120103", "demo");
		assertThat(secretary.get(TASKLIST_API).statusCode()).isEqualTo(200);
		String token = secretary.csrfToken("/login");
		HttpResponse<String> logout = secretary.post("/logout", TestHttp.form(java.util.Map.of("_csrf", token)),
				"application/x-www-form-urlencoded");
		assertThat(logout.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?logout"));
		assertThat(secretary.get(TASKLIST_API).statusCode()).isEqualTo(401);
		assertThat(secretary.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
	}

	@Test
	void theWebappsLogoutEndsTheSpringSessionToo() {
		TestHttp secretary = TestHttp.login(this.port, "sec120201", "demo");
		// opening a webapp hands the Spring login to Camunda's session
		assertThat(secretary.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
		assertThat(secretary.get(WEBAPP_USER).statusCode()).isEqualTo(200);
		HttpResponse<String> logout = secretary.post(WEBAPP_USER + "/logout", "", "application/json");
		assertThat(logout.statusCode()).isEqualTo(200);
		assertThat(secretary.get(TASKLIST_API).statusCode()).isEqualTo(401);
		assertThat(secretary.get("/api/organizations").statusCode()).isEqualTo(401);
	}

	@Test
	void logoutWithoutCsrfTokenIsRefused() {
		TestHttp secretary = TestHttp.login(this.port, "sec120202", "demo");
		assertThat(secretary.post("/logout", "", "application/x-www-form-urlencoded").statusCode()).isEqualTo(403);
		assertThat(secretary.get(TASKLIST_API).statusCode()).isEqualTo(200);
	}

}
