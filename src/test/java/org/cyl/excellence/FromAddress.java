package org.cyl.excellence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain HTTP/1.0 requests from a chosen loopback address (127.0.0.2, 127.0.0.3, …): the
 * application sees them come from that address, as from different machines. Java's
 * {@code HttpClient} cannot choose its local address (nor send its own {@code Host}
 * header), so this one writes the requests itself. Keeps the session cookie of a form
 * login.
 */
public final class FromAddress {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String address;

	private final int port;

	private String cookie;

	public FromAddress(String address, int port) {
		this.address = address;
		this.port = port;
	}

	/** A GET with HTTP Basic credentials. */
	public Response basic(String path, String user, String password) {
		return send("GET", path, Map.of("Authorization", basicCredentials(user, password)), null);
	}

	/** The value of an {@code Authorization} header for HTTP Basic. */
	public static String basicCredentials(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** Submits the login form (after fetching its CSRF token) as a browser would. */
	public Response login(String user, String password) {
		Response page = get("/login");
		Matcher m = CSRF_FIELD.matcher(page.body());
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the login page: " + page.status());
		}
		String form = TestHttp.form(Map.of("username", user, "password", password, "_csrf", m.group(1)));
		return send("POST", "/login", Map.of("Content-Type", "application/x-www-form-urlencoded"), form);
	}

	public Response get(String path) {
		return send("GET", path, Map.of(), null);
	}

	/** A request as sent, headers included ({@code Host} may be set, else it is ours). */
	public Response send(String method, String path, Map<String, String> headers, String body) {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("Host", "localhost:" + this.port);
		all.put("Accept", "text/html,application/json;q=0.9,*/*;q=0.8");
		all.putAll(headers);
		if (this.cookie != null) {
			all.put("Cookie", this.cookie);
		}
		byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (body != null) {
			all.put("Content-Length", Integer.toString(content.length));
		}
		StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.0\r\n");
		all.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		request.append("\r\n");
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(this.address), 0));
			socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), this.port), 5000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			Response response = Response.parse(readAll(socket.getInputStream()));
			for (String c : response.headers().getOrDefault("set-cookie", List.of())) {
				if (c.startsWith("JSESSIONID=")) {
					this.cookie = c.split(";", 2)[0];
				}
			}
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		in.transferTo(bytes);
		return bytes.toByteArray();
	}

	/** Status, headers (names in lower case) and body of an answer. */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		static Response parse(byte[] raw) {
			String text = new String(raw, StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			String head = (end >= 0) ? text.substring(0, end) : text;
			String body = (end >= 0) ? text.substring(end + 4) : "";
			String[] lines = head.split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers
						.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
								(k) -> new ArrayList<>())
						.add(lines[i].substring(colon + 1).trim());
				}
			}
			return new Response(status, headers, body);
		}

		public Optional<String> header(String name) {
			return Optional.ofNullable(this.headers.get(name.toLowerCase(Locale.ROOT))).map((v) -> v.get(0));
		}

	}

}
