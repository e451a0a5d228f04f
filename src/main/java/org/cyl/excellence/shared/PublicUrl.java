package org.cyl.excellence.shared;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address people reach the application at, {@code app.public-url}: the base of every
 * link the application hands out to be opened elsewhere — the ballot links and their QR
 * codes (appraisal), the task link in urge e-mails (supervision). Never the request's
 * {@code Host} header, which whoever sends the request chooses.
 * <p>
 * Read when used, not when the application starts: its default
 * ({@code http://localhost:<port>}) names the port the server actually listens on, known
 * only once it does (a random one in the tests).
 */
@Component
public class PublicUrl {

	private final Environment environment;

	PublicUrl(Environment environment) {
		this.environment = environment;
	}

	/** The address without a trailing slash, e.g. {@code https://cxzy.example.org}. */
	public String base() {
		String url = this.environment.getRequiredProperty("app.public-url").strip();
		if (!url.startsWith("http://") && !url.startsWith("https://")) {
			throw new IllegalStateException("app.public-url must begin with http:// or https://: " + url);
		}
		while (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		return url;
	}

	/** {@code path} (beginning with a slash) under the public address. */
	public String of(String path) {
		return base() + path;
	}

}
