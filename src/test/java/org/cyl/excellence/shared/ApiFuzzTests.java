package org.cyl.excellence.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.RestTasks;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the application, as Spring MVC knows them (a new one is covered
 * without editing this test), sent what a careless or hostile client sends: malformed,
 * mistyped, huge, deeply nested and invalid UTF-8 bodies, wrong content types, missing
 * and mistyped parameters, unknown and odd ids — as a logged-in committee member (session
 * and CSRF token), as an administrator (HTTP Basic) and, for the public pages and
 * ballots, anonymously. Nothing may answer 5xx, and no error may show a Java name or a
 * stack trace; errors are Chinese, JSON for the API and the error page for pages. A
 * smaller set does the same to the engine REST API's task and process endpoints.
 */
@ApplicationTest
class ApiFuzzTests {

	/** What a client must never see. */
	private static final List<String> LEAKS = List.of("java.", "Exception", "org.springframework", "org.camunda",
			"\tat ", "Whitelabel");

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private static final List<String> ODD_IDS = List.of("nosuch", "-1%E4%B8%AD%27%22%3C%3E");

	private static final String ODD_QUERY = "?year=abc&from=yesterday&to=2026-13-45&list=nosuch&q=%25%00&org=..%2F..&filed=x&committee=%00";

	private static final byte[] HUGE = huge();

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	CampaignTestSupport support;

	@Test
	void noEndpointAnswers5xxOrShowsJavaNames() {
		Map<String, Set<String>> endpoints = endpoints();
		assertThat(endpoints).as("the application's endpoints")
			.hasSizeGreaterThan(30)
			.containsKey("/api/supervision/tasks/{taskId}/urge");

		TestHttp login = TestHttp.login(this.port, "committee12", "demo");
		String csrf = login.csrfToken("/login");
		Caller member = new Caller("committee12",
				Map.of("Cookie", "JSESSIONID=" + login.cookie("JSESSIONID").orElseThrow(), "X-CSRF-TOKEN", csrf));
		Caller admin = new Caller("admin", Map.of("Authorization",
				"Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8))));
		Caller anonymous = new Caller("anonymous", Map.of());

		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (Map.Entry<String, Set<String>> endpoint : endpoints.entrySet()) {
			String pattern = endpoint.getKey();
			boolean open = pattern.startsWith("/public/") || pattern.startsWith("/ballot/");
			List<Caller> callers = open ? List.of(member, admin, anonymous) : List.of(member, admin);
			for (String id : ODD_IDS) {
				String path = pattern.replaceAll("\\{[^}]+}", id);
				for (Caller caller : callers) {
					for (String method : endpoint.getValue()) {
						for (Body body : bodies(method, caller == member && id.equals(ODD_IDS.get(0)))) {
							sent++;
							check(failures, caller, method, path + body.query(), body);
						}
					}
					if (id.equals(ODD_IDS.get(0))) {
						// a method the endpoint does not take
						sent++;
						check(failures, caller, "DELETE", path, Body.NONE);
					}
				}
			}
		}
		assertThat(sent).isGreaterThan(500);
		assertThat(failures).as("of " + sent + " requests").isEmpty();
	}

	@Test
	void theEngineRestApiAnswersClientErrorsWith4xxInChinese() {
		String campaign = this.support.startCampaign("committee12", CampaignTestSupport.plan(1)).getId();
		TestHttp city = TestHttp.basic(this.port, "city1", "demo");
		String task = RestTasks.task(city, campaign, "Task_ApprovePlan");
		Caller city1 = basic("city1", "demo");
		Caller member = basic("m12010102", "demo");
		String xml = "{\"variables\": {\"planDecision\": {\"value\": \"<a><b></a>\", \"type\": \"Xml\"}}}";

		List<String> failures = new ArrayList<>();
		for (Caller caller : List.of(city1, member)) {
			engine(failures, caller, "GET", "/engine-rest/task?maxResults=abc", Body.NONE, "maxResults");
			engine(failures, caller, "GET", "/engine-rest/task?dueAfter=yesterday", Body.NONE, "dueAfter");
			engine(failures, caller, "GET", "/engine-rest/task/nosuch", Body.NONE, null);
			engine(failures, caller, "GET", "/engine-rest/task/nosuch/form-variables", Body.NONE, null);
			engine(failures, caller, "POST", "/engine-rest/task/nosuch/complete", json("{}"), null);
			engine(failures, caller, "GET", "/engine-rest/process-instance/nosuch", Body.NONE, null);
			engine(failures, caller, "GET", "/engine-rest/process-definition/key/nosuch", Body.NONE, null);
			engine(failures, caller, "POST", "/engine-rest/process-definition/key/CampaignProcess/submit-form",
					json("{\"variables\": {\"quotaMembers\": {\"value\": \"many\", \"type\": \"Integer\"}}}"), null);
			engine(failures, caller, "PUT", "/engine-rest/task/" + task + "/variables/planOpinion",
					json("{\"value\": \"abc\", \"type\": \"Integer\"}"), null);
			engine(failures, caller, "PATCH", "/engine-rest/task/" + task, json("{}"), null);
			engine(failures, caller, "POST", "/engine-rest/task", new Body("text/plain", bytes("hello"), ""), null);
			for (Body body : List.of(json("{\"variables\": "), json("[".repeat(10_000) + "]".repeat(10_000)),
					new Body("application/json", invalidUtf8(), ""))) {
				engine(failures, caller, "POST", "/engine-rest/task/" + task + "/submit-form", body, null);
				engine(failures, caller, "POST", "/engine-rest/task", body, null);
			}
			engine(failures, caller, "POST", "/engine-rest/task/" + task + "/submit-form",
					json("{\"variables\": {\"planDecision\": {\"value\": [1, {\"a\": null}], \"type\": \"Date\"}}}"),
					null);
			// an Xml-typed value that is not XML
			engine(failures, caller, "POST", "/engine-rest/task/" + task + "/complete", json(xml), null);
			engine(failures, caller, "POST", "/engine-rest/task/" + task + "/submit-form", json(xml), null);
			// a task of a process cannot be deleted, by the one who works it or anybody
			engine(failures, caller, "DELETE", "/engine-rest/task/" + task, Body.NONE, null);
		}
		assertThat(failures).isEmpty();
		assertThat(RestTasks.task(city, campaign, "Task_ApprovePlan")).as("the task is still open").isEqualTo(task);
	}

	/**
	 * The endpoints of the application's own controllers: path pattern to the methods it
	 * takes (GET and POST where it takes any).
	 */
	private Map<String, Set<String>> endpoints() {
		Map<String, Set<String>> endpoints = new java.util.TreeMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			if (!mapping.getValue().getBeanType().getPackageName().startsWith("org.cyl.excellence")) {
				continue;
			}
			Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
			for (String pattern : mapping.getKey().getPatternValues()) {
				Set<String> names = endpoints.computeIfAbsent(pattern, (p) -> new LinkedHashSet<>());
				if (methods.isEmpty()) {
					names.addAll(List.of("GET", "POST"));
				}
				methods.forEach((m) -> names.add(m.name()));
			}
		}
		return endpoints;
	}

	private static List<Body> bodies(String method, boolean withHuge) {
		if (method.equals("GET")) {
			return List.of(Body.NONE, new Body(null, null, ODD_QUERY), new Body(null, null, "?year=1e99&list="));
		}
		List<Body> bodies = new ArrayList<>(List.of(Body.NONE, json("{\"message\": \"x\", "),
				json("{\"message\": {\"a\": [1, true, null]}, \"committee\": 5, \"id\": \"x\"}"),
				json("[".repeat(10_000) + "]".repeat(10_000)),
				json("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)),
				new Body("application/json", invalidUtf8(), ""), new Body("text/plain", bytes("hello"), ""),
				new Body("application/xml", bytes("<a><b></a>"), ""),
				new Body("multipart/form-data", bytes("--x\r\nnonsense"), ""),
				new Body("multipart/form-data; boundary=x", bytes("--x\r\nContent-Disposition: form-data\r\n\r\n"), ""),
				new Body("application/x-www-form-urlencoded",
						bytes("message=%ZZ&committee=%00&year=abc&list=nosuch&from=2026-13-45&_csrf=x"), ""),
				new Body(null, null, ODD_QUERY)));
		if (withHuge) {
			bodies.add(new Body("application/json", HUGE, ""));
		}
		return bodies;
	}

	private void check(List<String> failures, Caller caller, String method, String path, Body body) {
		HttpResponse<String> response;
		try {
			response = send(caller, method, path, body);
		}
		catch (IOException ex) {
			failures.add(caller.name + " " + method + " " + path + " " + body.describe() + ": " + ex);
			return;
		}
		int status = response.statusCode();
		String what = caller.name + " " + method + " " + path + " " + body.describe() + " → " + status;
		if (status >= 500) {
			failures.add(what + " " + abbreviate(response.body()));
			return;
		}
		if (status < 400 || status == 401) {
			return;
		}
		String text = response.body();
		for (String leak : LEAKS) {
			if (text.contains(leak)) {
				failures.add(what + " shows " + leak + ": " + abbreviate(text));
				return;
			}
		}
		String type = response.headers().firstValue("Content-Type").orElse("");
		boolean api = path.startsWith("/api/");
		if (api ? !(type.contains("json") && text.contains("\"message\"")) : !type.startsWith("text/html")) {
			failures.add(what + " answers " + type + ": " + abbreviate(text));
		}
		else if (!HAN.matcher(text).find()) {
			failures.add(what + " says nothing in Chinese: " + abbreviate(text));
		}
	}

	private void engine(List<String> failures, Caller caller, String method, String path, Body body, String names) {
		try {
			HttpResponse<String> response = send(caller, method, path, body);
			String what = caller.name + " " + method + " " + path + " " + body.describe() + " → "
					+ response.statusCode() + " " + abbreviate(response.body());
			int status = response.statusCode();
			String text = response.body();
			if (status < 400 || status >= 500 || !text.contains("\"type\"") || !HAN.matcher(text).find()
					|| text.contains("java.") || text.contains("\tat ") || text.contains("org.camunda")
					|| (names != null && !text.contains(names))) {
				failures.add(what);
			}
		}
		catch (IOException ex) {
			failures.add(caller.name + " " + method + " " + path + ": " + ex);
		}
	}

	private HttpResponse<String> send(Caller caller, String method, String path, Body body) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, (body.bytes() != null) ? HttpRequest.BodyPublishers.ofByteArray(body.bytes())
					: HttpRequest.BodyPublishers.noBody());
		caller.headers.forEach(request::header);
		if (body.contentType() != null) {
			request.header("Content-Type", body.contentType());
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Caller basic(String user, String password) {
		return new Caller(user, Map.of("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
	}

	private static Body json(String text) {
		return new Body("application/json", bytes(text), "");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** JSON whose string holds bytes that are not UTF-8. */
	private static byte[] invalidUtf8() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(bytes("{\"message\": \""));
		out.writeBytes(new byte[] { (byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, (byte) 0xe2, (byte) 0x82 });
		out.writeBytes(bytes("\", \"variables\": {}}"));
		return out.toByteArray();
	}

	/** 5 MB of JSON. */
	private static byte[] huge() {
		return bytes("{\"message\": \"" + "催".repeat(5 * 1024 * 1024 / 3) + "\"}");
	}

	private static String abbreviate(String text) {
		String flat = text.replaceAll("\\s+", " ");
		return (flat.length() > 300) ? flat.substring(0, 300) + "…" : flat;
	}

	private record Caller(String name, Map<String, String> headers) {
	}

	/** A request body (null: none) with its content type, and a query string. */
	private record Body(String contentType, byte[] bytes, String query) {

		static final Body NONE = new Body(null, null, "");

		String describe() {
			if (this.bytes == null) {
				return this.query.isEmpty() ? "(no body)" : "(query)";
			}
			return "(" + this.contentType + ", " + this.bytes.length + " bytes)";
		}

	}

}
