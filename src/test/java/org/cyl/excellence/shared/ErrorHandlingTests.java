package org.cyl.excellence.shared;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.RestTasks;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person gets when something is refused: a stale CSRF token answers 403 and leaves
 * the login alone (webapps and the application's own forms), pages get the error page in
 * Chinese and APIs JSON, parameters are named without Java types, and a refused form is
 * one WARN line in the log.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorHandlingTests {

	private static final String TASKLIST_API = "/camunda/api/engine/engine/default/task";

	private static final ObjectMapper json = new ObjectMapper();

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	@Test
	void aStaleWebappTokenIsRefusedWithoutEndingTheSession() throws Exception {
		TestHttp browser = TestHttp.login(this.port, "sec120101", "demo");
		assertThat(browser.get(TASKLIST_API).statusCode()).isEqualTo(200);
		String token = browser.cookie("XSRF-TOKEN").orElseThrow();
		String session = browser.cookie("JSESSIONID").orElseThrow();

		// an old tab: the token of an earlier session
		HttpResponse<String> stale = send(session, "POST", TASKLIST_API, "{}", "0123456789ABCDEF0123456789ABCDEF");
		assertThat(stale.statusCode()).isEqualTo(403);
		assertThat(stale.headers().firstValue("Content-Type"))
			.hasValueSatisfying((t) -> assertThat(t).contains("json"));
		assertThat(json.readTree(stale.body()).get("message").asText()).contains("页面已过期", "登录不受影响");
		HttpResponse<String> missing = send(session, "POST", TASKLIST_API, "{}", null);
		assertThat(missing.statusCode()).isEqualTo(403);
		assertThat(missing.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");

		// the same login goes on: the webapps' API, a webapp POST with the right token,
		// the application's pages
		assertThat(browser.get(TASKLIST_API).statusCode()).isEqualTo(200);
		assertThat(send(session, "POST", TASKLIST_API, "{}", token).statusCode()).isEqualTo(200);
		assertThat(browser.get("/notices", "text/html").statusCode()).isEqualTo(200);
		assertThat(browser.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"sec120101\"");
	}

	@Test
	void aBadTokenOnTheApplicationsFormsIs403AndKeepsTheLogin() throws Exception {
		TestHttp browser = TestHttp.login(this.port, "sec120101", "demo");
		String session = browser.cookie("JSESSIONID").orElseThrow();
		HttpResponse<String> page = browser.post("/notices/999999/read", TestHttp.form(Map.of("_csrf", "forged")),
				"application/x-www-form-urlencoded");
		assertThat(page.statusCode()).isEqualTo(403);
		assertHtmlErrorPage(page, "页面已过期");

		HttpRequest api = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/notices/999999/read"))
			.header("Cookie", "JSESSIONID=" + session)
			.header("X-CSRF-TOKEN", "forged")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> refused = this.client.send(api, HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(json.readTree(refused.body()).get("message").asText()).contains("页面已过期");

		assertThat(browser.get("/notices", "text/html").statusCode()).isEqualTo(200);
		// with the session's own token the same request goes through
		String token = browser.csrfToken("/login");
		HttpResponse<String> taken = browser.post("/notices/999999/read", TestHttp.form(Map.of("_csrf", token)),
				"application/x-www-form-urlencoded");
		assertThat(taken.statusCode()).isEqualTo(302);
		assertThat(taken.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/notices"));
	}

	@Test
	void pagesGetTheErrorPageApisJson() throws Exception {
		TestHttp secretary = TestHttp.login(this.port, "sec120101", "demo");
		assertHtmlErrorPage(status(secretary.get("/no/such/page", "text/html"), 404), "没有找到您要的页面");
		assertHtmlErrorPage(status(secretary.get("/campaigns/NOSUCH/dashboard", "text/html"), 404), "活动 NOSUCH 不存在");
		// a committee's overdue list is not for a branch secretary; Cockpit is not for
		// her
		assertHtmlErrorPage(status(secretary.get("/supervision/12/overdue", "text/html"), 403), "没有权限");
		assertHtmlErrorPage(status(secretary.get("/camunda/app/cockpit/default/", "text/html"), 403), "没有权限");

		assertJson(status(secretary.get("/api/no/such/thing"), 404), "没有找到");
		assertJson(status(secretary.get("/api/campaigns/NOSUCH/dashboard"), 404), null);
		assertJson(status(secretary.get("/api/supervision/12/overdue"), 403), null);
		assertJson(status(secretary.get("/actuator/health"), 403), "没有权限");
		// an API asked for a page still answers JSON
		assertJson(status(secretary.get("/api/no/such/thing", "text/html"), 404), "没有找到");
	}

	@Test
	void badParametersAreNamedWithoutJavaTypes() throws Exception {
		TestHttp member = TestHttp.basic(this.port, "committee12", "demo");
		assertJson(status(member.get("/api/honours?year=abc"), 400), "“year”");
		assertJson(status(member.post("/api/notices/abc/read", "", "application/json"), 400), "“id”");
		assertJson(status(member.get("/engine-rest/task?maxResults=abc"), 400), "maxResults");
		assertJson(status(member.get("/engine-rest/task?dueAfter=yesterday"), 400), "dueAfter");
		assertJson(status(member.get("/engine-rest/task/no-such-task"), 404), null);
		assertJson(status(member.postJson("/api/supervision/tasks/no-such-task/urge", "{\"message\": "), 400), "JSON");
		assertJson(status(member.post("/api/supervision/tasks/x/urge", "message", "text/plain"), 415), null);
		assertJson(status(member.put("/api/honours", "{}"), 405), null);
	}

	@Test
	void aRefusedFormIsOneWarnLineWithoutStackTrace(CapturedOutput output) throws Exception {
		String campaign = this.support.startCampaign("committee12", CampaignTestSupport.plan(1)).getId();
		TestHttp city = TestHttp.basic(this.port, "city1", "demo");
		String task = RestTasks.task(city, campaign, "Task_ApprovePlan");
		int before = output.getAll().length();

		HttpResponse<String> refused = city.postJson("/engine-rest/task/" + task + "/submit-form",
				RestTasks.form(Map.of("planDecision", "return")));
		RestTasks.assertRefused(refused, "审批意见");

		List<String> lines = Arrays.asList(output.getAll().substring(before).split("\\R"));
		List<String> warnings = lines.stream().filter((l) -> l.contains("WARN")).toList();
		assertThat(warnings).hasSize(1).allSatisfy((l) -> assertThat(l).contains("city1", task, "审批意见"));
		assertThat(lines)
			.noneMatch((l) -> l.contains(" ERROR ") || l.trim().startsWith("at ") || l.contains("ENGINE-"));
	}

	private HttpResponse<String> send(String session, String method, String path, String body, String xsrf)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Cookie", "JSESSIONID=" + session)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (xsrf != null) {
			request.header("X-XSRF-TOKEN", xsrf);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static HttpResponse<String> status(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
		return response;
	}

	private static void assertHtmlErrorPage(HttpResponse<String> response, String text) {
		assertThat(response.headers().firstValue("Content-Type")).as(response.uri().toString())
			.hasValueSatisfying((t) -> assertThat(t).startsWith("text/html"));
		assertThat(response.body()).contains("创先争优工作平台", text, "返回首页", "错误代码 " + response.statusCode())
			.doesNotContain("java.", "Exception", "Whitelabel");
	}

	private static void assertJson(HttpResponse<String> response, String text) throws IOException {
		assertThat(response.headers().firstValue("Content-Type")).as(response.uri().toString())
			.hasValueSatisfying((t) -> assertThat(t).contains("json"));
		JsonNode body = json.readTree(response.body());
		String message = body.get("message").asText();
		assertThat(ErrorAnswers.chinese(message)).as(message).isTrue();
		assertThat(response.body()).doesNotContain("java.", "org.camunda", "org.springframework", "\tat ");
		if (text != null) {
			assertThat(message).contains(text);
		}
	}

}
