package org.cyl.excellence.engine;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.cyl.excellence.ExcellenceCampaignApplication;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of a cluster on one database, no sticky sessions: whoever logged in on one
 * node is logged in on the other, for the webapps and the application's pages alike, and
 * logging out on either ends the session on both. Sessions live in the database (Spring
 * Session JDBC, table {@code SPRING_SESSION}): what one node serialized there — Spring
 * Security's login, the webapps' login (Camunda's {@code Authentications}), both CSRF
 * tokens — the other reads. HTTP Basic and the anonymous ballot and public pages leave no
 * session there.
 * <p>
 * Each node is the whole application on a port of its own, started like
 * {@link BenchmarkApplication} starts one, with the job executor off. Both open one H2
 * file database under {@code target/two-nodes}: in one JVM, H2 opens a file database once
 * and hands both nodes' connection pools connections to it, as a database server would
 * (AUTO_SERVER is only needed between processes). Both engines are named "default", as in
 * a real cluster. Camunda keeps its engines by name in a static registry
 * ({@code ProcessEngines}), and the webapps their runtime in static fields, so in one JVM
 * the webapps of both nodes reach the engine registered last — the same database either
 * way, and the sessions are still read and written by each node's own session repository.
 * That static state is also why this class is an integration test (failsafe, after the
 * unit tests, in a JVM of its own): closing a node would take engine "default" and the
 * webapps' runtime away from the other tests' application. Alone:
 * {@code ./mvnw verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SessionAcrossNodesIT}.
 */
class SessionAcrossNodesIT {

	private static final String WEBAPP_USER = "/camunda/api/admin/auth/user/default";

	private static final String TASKLIST = "/camunda/app/tasklist/default/";

	private static final String TASK_COUNT = "/camunda/api/engine/engine/default/task/count";

	private static final String FILTERS = "/camunda/api/engine/engine/default/filter";

	private static ConfigurableApplicationContext nodeA;

	private static ConfigurableApplicationContext nodeB;

	private static int a;

	private static int b;

	private static JdbcClient jdbc;

	private static Path folder;

	@BeforeAll
	static void startTwoNodesOnOneDatabase() {
		String id = UUID.randomUUID().toString();
		folder = Path.of("target", "two-nodes", id);
		String database = "jdbc:h2:file:./target/two-nodes/" + id + "/excellence";
		nodeA = start(database);
		nodeB = start(database);
		a = port(nodeA);
		b = port(nodeB);
		jdbc = nodeA.getBean(JdbcClient.class);
	}

	@AfterAll
	static void stopTheNodes() throws Exception {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { nodeB, nodeA }) {
			if (node != null) {
				node.close();
			}
		}
		FileSystemUtils.deleteRecursively(folder);
	}

	private static ConfigurableApplicationContext start(String database) {
		return new SpringApplicationBuilder(ExcellenceCampaignApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + database, "--camunda.bpm.job-execution.enabled=false",
				"--app.demo-data.campaign=false");
	}

	private static int port(ConfigurableApplicationContext node) {
		return ((ServletWebServerApplicationContext) node).getWebServer().getPort();
	}

	@Test
	void aLoginOnOneNodeHoldsOnTheOtherUntilLoggedOutOnEither() {
		TestHttp onA = TestHttp.anonymous(a);
		TestHttp onB = onA.at(b);
		// the login form's CSRF token needs a session already
		onA.csrfToken("/login");
		String before = sessionId(onA.cookie("JSESSIONID").orElseThrow());
		HttpResponse<String> login = onA.submitLogin("sec120101", "demo");
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/"));
		assertThat(login.headers().allValues("Set-Cookie"))
			.anySatisfy((c) -> assertThat(c).startsWith("JSESSIONID=").contains("Path=/", "HttpOnly", "SameSite=Lax"));
		String cookie = onA.cookie("JSESSIONID").orElseThrow();
		String sessionId = sessionId(cookie);
		// the login wrote the session under a new id (no session fixation), to live 8 h
		assertThat(sessionId).isNotEqualTo(before);
		assertThat(jdbc
			.sql("select session_id, principal_name, max_inactive_interval from spring_session"
					+ " where session_id in (?, ?)")
			.params(before, sessionId)
			.query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3))
			.list()).containsExactly(sessionId + " sec120101 " + 8 * 3600);

		// opening Tasklist on node A hands the login to the webapps, which keep it in the
		// session too
		assertThat(onA.get(TASKLIST, "text/html").statusCode()).isEqualTo(200);
		assertThat(onA.get(WEBAPP_USER).body()).contains("\"userId\":\"sec120101\"");
		String webappToken = onA.cookie("XSRF-TOKEN").orElseThrow();
		assertThat(attributes(sessionId)).contains("SPRING_SECURITY_CONTEXT", "authenticatedUser");
		Authentications camunda = (Authentications) new DeserializingConverter().convert(jdbc
			.sql("select a.attribute_bytes from spring_session_attributes a join spring_session s"
					+ " on s.primary_id = a.session_primary_id where s.session_id = ? and a.attribute_name = ?")
			.params(sessionId, "authenticatedUser")
			.query(byte[].class)
			.single());
		assertThat(camunda.getAuthenticationForProcessEngine("default").getName()).isEqualTo("sec120101");

		// node B knows the person: first the webapps' login as node A left it (this
		// call does not hand Spring's login to the webapps again), then Tasklist's
		// filters and count, our pages
		HttpResponse<String> user = onB.get(WEBAPP_USER);
		assertThat(user.statusCode()).isEqualTo(200);
		assertThat(user.body()).contains("\"userId\":\"sec120101\"", "tasklist").doesNotContain("cockpit");
		HttpResponse<String> filters = onB.get(FILTERS);
		assertThat(filters.statusCode()).isEqualTo(200);
		assertThat(filters.body()).contains("我的待办", "待认领", "全部待办");
		HttpResponse<String> count = onB.get(TASK_COUNT);
		assertThat(count.statusCode()).isEqualTo(200);
		assertThat(count.body()).startsWith("{\"count\":");
		for (String page : List.of("/notices", "/campaigns", TASKLIST)) {
			assertThat(onB.get(page, "text/html").statusCode()).as(page).isEqualTo(200);
		}

		// a CSRF token of node A's page is good on node B (an unknown notice: 404, past
		// the CSRF check), and the webapps' own token too
		String token = onA.csrfToken("/login");
		assertThat(onB.post("/api/notices/0/read", "", "application/x-www-form-urlencoded").statusCode())
			.isEqualTo(403);
		assertThat(onB
			.post("/api/notices/0/read", TestHttp.form(Map.of("_csrf", token)), "application/x-www-form-urlencoded")
			.statusCode()).isEqualTo(404);
		assertThat(onB.cookie("XSRF-TOKEN")).contains(webappToken);
		HttpResponse<String> query = onB.postJson(TASK_COUNT, "{\"assigned\":false}");
		assertThat(query.statusCode()).isEqualTo(200);
		assertThat(query.body()).startsWith("{\"count\":");

		// logging out on node B ends the session on node A too
		HttpResponse<String> logout = onB.post("/logout", TestHttp.form(Map.of("_csrf", onB.csrfToken("/login"))),
				"application/x-www-form-urlencoded");
		assertThat(logout.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?logout"));
		assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single()).isZero();
		TestHttp oldCookieOnA = TestHttp.withCookie(a, "JSESSIONID", cookie);
		assertThat(oldCookieOnA.get(WEBAPP_USER).statusCode()).isEqualTo(401);
		assertThat(oldCookieOnA.get(TASK_COUNT).statusCode()).isEqualTo(401);
		assertThat(oldCookieOnA.get("/notices", "text/html").headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
	}

	@Test
	void theWebappsLogoutOnOneNodeEndsTheSessionOnTheOther() {
		TestHttp onA = TestHttp.login(a, "sec120102", "demo");
		String cookie = onA.cookie("JSESSIONID").orElseThrow();
		assertThat(onA.get(TASKLIST, "text/html").statusCode()).isEqualTo(200);
		// Tasklist's user menu (退出) on node B, with the webapps' CSRF token of node A
		HttpResponse<String> logout = onA.at(b).post(WEBAPP_USER + "/logout", "", "application/json");
		assertThat(logout.statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?")
			.param(sessionId(cookie))
			.query(Long.class)
			.single()).isZero();
		TestHttp oldCookieOnA = TestHttp.withCookie(a, "JSESSIONID", cookie);
		assertThat(oldCookieOnA.get(TASK_COUNT).statusCode()).isEqualTo(401);
		assertThat(oldCookieOnA.get(TASKLIST, "text/html").statusCode()).isEqualTo(302);
	}

	@Test
	void aMadeUpSessionCookieIsAcceptedOnNoNode() {
		String unknown = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes());
		for (String value : List.of(unknown, "made-up")) {
			for (int port : new int[] { a, b }) {
				TestHttp forged = TestHttp.withCookie(port, "JSESSIONID", value);
				assertThat(forged.get(WEBAPP_USER).statusCode()).as(value).isEqualTo(401);
				assertThat(forged.get(TASK_COUNT).statusCode()).as(value).isEqualTo(401);
				assertThat(forged.get("/api/organizations").statusCode()).as(value).isEqualTo(401);
				assertThat(forged.get("/notices", "text/html").headers().firstValue("Location")).as(value)
					.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
			}
		}
	}

	@Test
	void httpBasicLeavesNoSessionBehind() {
		long before = sessions();
		for (int port : new int[] { a, b }) {
			TestHttp script = TestHttp.basic(port, "secretary12", "demo");
			for (String path : List.of("/engine-rest/task/count", "/engine-rest/filter", "/api/organizations")) {
				HttpResponse<String> response = script.get(path);
				assertThat(response.statusCode()).as(path).isEqualTo(200);
				assertThat(response.headers().allValues("Set-Cookie")).as(path)
					.noneMatch((c) -> c.startsWith("JSESSIONID"));
			}
		}
		assertThat(sessions()).isEqualTo(before);
	}

	@Test
	void theMassesBallotAndThePublicPagesLeaveNoSessionBehind() {
		CampaignTestSupport support = nodeA.getBean(CampaignTestSupport.class);
		ProcessInstance appraisal = support.startAppraisal("NODES");
		String ballot = "/ballot/" + support.tokens.token(support.initiateAppraisal(appraisal.getId(), 2), 1);
		long before = sessions();
		TestHttp masses = TestHttp.anonymous(b);
		HttpResponse<String> form = masses.get(ballot, "text/html");
		assertThat(form.statusCode()).isEqualTo(200);
		StringBuilder answers = new StringBuilder("comment=");
		for (int i = 0; i < 10; i++) {
			answers.append("&item").append(i).append("=SATISFIED");
		}
		HttpResponse<String> cast = masses.post(ballot, answers.toString(), "application/x-www-form-urlencoded");
		assertThat(cast.statusCode()).isEqualTo(200);
		assertThat(masses.get(ballot, "text/html").statusCode()).isEqualTo(409);
		assertThat(masses.get("/public/notices/unknown", "text/html").statusCode()).isEqualTo(404);
		assertThat(masses.get("/public/decisions/unknown", "text/html").statusCode()).isEqualTo(404);
		assertThat(masses.cookie("JSESSIONID")).isEmpty();
		assertThat(sessions()).isEqualTo(before);
	}

	/** Spring Session's cookie holds the session id in Base64. */
	private static String sessionId(String cookie) {
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}

	private static long sessions() {
		return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

	private static List<String> attributes(String sessionId) {
		return jdbc
			.sql("select a.attribute_name from spring_session_attributes a join spring_session s"
					+ " on s.primary_id = a.session_primary_id where s.session_id = ?")
			.param(sessionId)
			.query(String.class)
			.list();
	}

}
