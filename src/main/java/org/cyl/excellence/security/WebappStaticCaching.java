package org.cyl.excellence.security;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How browsers keep the webapps' static files. Without this, every page of Tasklist and
 * Cockpit fetched them all again (Spring Security's default {@code Cache-Control:
 * no-store}): 4.5 MB of script and fonts per page (docs/benchmarks.md,
 * WebappPageBenchmark).
 * <ul>
 * <li>Camunda's own files — {@code /camunda/lib/}, {@code /camunda/assets/} and the apps'
 * bundles {@code /camunda/app/<app>/camunda-<app>-*} — asked for with Camunda's
 * {@code ?bust=<version>}: kept a year ({@code immutable}); a Camunda upgrade changes the
 * address.</li>
 * <li>the files the project overrides ({@code locales/}, {@code scripts/},
 * {@code styles/}) and anything else under those folders: {@code no-cache}, asked again
 * each time and answered 304 when unchanged, so a new translation is seen at once.</li>
 * <li>the application's own static files ({@code /css/}, {@code /js/}, {@code /icons/},
 * the web app manifest): {@code no-cache} too — a phone on a slow line asks and gets 304,
 * not the file again.</li>
 * </ul>
 * Set before Spring Security's filters, which then leave the header alone; the APIs and
 * the apps' pages keep theirs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebappStaticCaching {

	/** Camunda's versioned files. */
	private static final Pattern CAMUNDA_OWN = Pattern
		.compile("/camunda/(lib/.+|assets/.+|app/[a-z]+/camunda-[a-z]+-[^/]+)");

	/** The folders whose files the project may override. */
	private static final Pattern OVERRIDABLE = Pattern.compile("/camunda/app/[a-z]+/(locales|scripts|styles)/.+");

	/** The application's own static files. */
	private static final Pattern APPLICATION_STATIC = Pattern.compile("/(css|js|icons)/.+|/manifest\\.webmanifest");

	/** A year: the longest a cache is asked to keep anything. */
	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	static final String REVALIDATE = "no-cache";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> webappStaticCachingFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						String cacheControl = cacheControl(request);
						if (cacheControl != null) {
							response.setHeader("Cache-Control", cacheControl);
						}
						chain.doFilter(request, response);
					}
				});
		registration.setName("webapp-static-caching");
		registration.addUrlPatterns("/camunda/lib/*", "/camunda/assets/*", "/camunda/app/*", "/css/*", "/js/*",
				"/icons/*", "/manifest.webmanifest");
		// ahead of Spring Security's filter chain (-100)
		registration.setOrder(-200);
		return registration;
	}

	/**
	 * The header for a static file of the webapps or the application; null for anything
	 * else.
	 */
	static String cacheControl(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return null;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String query = request.getQueryString();
		boolean busted = query != null && query.matches("(.*&)?bust=[^&]+(&.*)?");
		if (CAMUNDA_OWN.matcher(path).matches()) {
			return busted ? IMMUTABLE : REVALIDATE;
		}
		return (OVERRIDABLE.matcher(path).matches() || APPLICATION_STATIC.matcher(path).matches()) ? REVALIDATE : null;
	}

}
