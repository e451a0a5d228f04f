package org.cyl.excellence.shared;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The address people reach the application at, {@code app.public-url}: the base of every
 * link the application hands out to be opened elsewhere — the ballot links and their QR
 * codes (appraisal), the task link in urge e-mails (supervision). Never the request's
 * {@code Host} header, which whoever sends the request chooses.
 * <p>
 * When it is not set, the address is this machine at the port the server actually listens
 * on ({@code http://localhost:<port>}), known only once it does (a random one in the
 * tests).
 */
@Component
public class PublicUrl {

	private final PublicUrlProperties properties;

	private volatile int port = -1;

	PublicUrl(PublicUrlProperties properties) {
		this.properties = properties;
	}

	@EventListener
	void on(WebServerInitializedEvent event) {
		this.port = event.getWebServer().getPort();
	}

	/** The address without a trailing slash, e.g. {@code https://cxzy.example.org}. */
	public String base() {
		String url = this.properties.publicUrl().strip();
		if (url.isEmpty()) {
			if (this.port < 0) {
				throw new IllegalStateException("app.public-url is not set and no web server listens");
			}
			url = "http://localhost:" + this.port;
		}
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
