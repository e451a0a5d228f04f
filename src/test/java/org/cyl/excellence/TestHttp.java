package org.cyl.excellence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's HTTP conversation with the running application, as a browser or a script has
 * it: anonymous, with HTTP Basic credentials, or logged in through the login page
 * (session cookie, CSRF tokens). Redirects are not followed, so tests see them.
 */
public final class TestHttp {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final CookieManager cookies;

	private final HttpClient client;

	private String basic;

	private TestHttp(int port) {
		this(port, new CookieManager());
	}

	private TestHttp(int port, CookieManager cookies) {
		this.base = "http://localhost:" + port;
		this.cookies = cookies;
		this.client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public static TestHttp anonymous(int port) {
		return new TestHttp(port);
	}

	public static TestHttp basic(int port, String user, String password) {
		TestHttp http = new TestHttp(port);
		http.basic = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return http;
	}

	/**
	 * Anonymous, but with a cookie of its own making (a stolen or made-up session id).
	 */
	public static TestHttp withCookie(int port, String name, String value) {
		TestHttp http = new TestHttp(port);
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		http.cookies.getCookieStore().add(URI.create(http.base), cookie);
		return http;
	}

	/**
	 * The same browser (its cookies) talking to another port: another node of a cluster
	 * behind a load balancer, which the browser sees as one host.
	 */
	public TestHttp at(int port) {
		TestHttp http = new TestHttp(port, this.cookies);
		http.basic = this.basic;
		return http;
	}

	/** The value of a cookie the browser holds, if it holds it. */
	public java.util.Optional<String> cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	/** Logs in through the login page; the result tells whether it worked. */
	public static TestHttp login(int port, String user, String password) {
		TestHttp http = new TestHttp(port);
		HttpResponse<String> response = http.submitLogin(user, password);
		if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("login of " + user + " failed: " + response.statusCode() + " "
					+ response.headers().firstValue("Location").orElse(""));
		}
		return http;
	}

	public HttpResponse<String> submitLogin(String user, String password) {
		String token = csrfToken("/login");
		return post("/login", form(Map.of("username", user, "password", password, "_csrf", token)),
				"application/x-www-form-urlencoded");
	}

	/** The CSRF token of one of the application's own pages. */
	public String csrfToken(String page) {
		Matcher m = CSRF_FIELD.matcher(get(page).body());
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on " + page);
		}
		return m.group(1);
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	/**
	 * A GET as a browser sends it for a page (Accept: text/html) or for anything else.
	 */
	public HttpResponse<String> get(String path, String accept) {
		return send(request(path).header("Accept", accept).GET());
	}

	/** A GET of a download (a spreadsheet, a PDF) as bytes. */
	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return this.client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpResponse<String> post(String path, String body, String contentType) {
		return send(request(path).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	public HttpResponse<String> postJson(String path, String json) {
		return post(path, json, "application/json");
	}

	/** A JSON POST with headers of its own (a page's CSRF header, say). */
	public HttpResponse<String> postJson(String path, String json, Map<String, String> headers) {
		HttpRequest.Builder builder = request(path).header("Content-Type", "application/json");
		headers.forEach(builder::header);
		return send(builder.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	public HttpResponse<String> put(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	public HttpResponse<String> delete(String path) {
		return send(request(path).DELETE());
	}

	/** A multipart/form-data POST; a part with an empty file name is a plain field. */
	public HttpResponse<String> postFiles(String path, Map<String, NamedBytes> parts) {
		String boundary = "----test" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			for (Map.Entry<String, NamedBytes> part : parts.entrySet()) {
				String filename = part.getValue().filename();
				String disposition = "form-data; name=\"" + part.getKey() + "\"" + (filename.isEmpty() ? "\r\n"
						: "; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream\r\n");
				body.write(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
				body.write(part.getValue().bytes());
				body.write("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	public record NamedBytes(String filename, byte[] bytes) {

		public static NamedBytes utf8(String filename, String text) {
			return new NamedBytes(filename, text.getBytes(StandardCharsets.UTF_8));
		}

	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path));
		if (this.basic != null) {
			builder.header("Authorization", this.basic);
		}
		// the Camunda webapps' own CSRF protection: echo their cookie as a header
		for (HttpCookie cookie : this.cookies.getCookieStore().getCookies()) {
			if (cookie.getName().equals("XSRF-TOKEN")) {
				builder.header("X-XSRF-TOKEN", cookie.getValue());
			}
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String form(Map<String, String> fields) {
		Map<String, String> ordered = new LinkedHashMap<>(fields);
		StringBuilder sb = new StringBuilder();
		ordered.forEach((k, v) -> {
			if (sb.length() > 0) {
				sb.append('&');
			}
			sb.append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8))
				.append('=')
				.append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
		});
		return sb.toString();
	}

}
