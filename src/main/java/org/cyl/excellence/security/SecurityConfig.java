package org.cyl.excellence.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security is the one place where people log in.
 * <ul>
 * <li>{@code /engine-rest/**} (Camunda Modeler, scripts): HTTP Basic, no session, no
 * CSRF; each request then runs as that Camunda user
 * ({@link CamundaAuthenticationFilters}).</li>
 * <li>Everything else: form login with a session, one login for Tasklist, Cockpit, Admin,
 * Welcome and the application's pages. Only the login page, static assets and the masses'
 * ballot links are open. Unauthenticated API calls get 401, pages a redirect to the login
 * page. Logging out, from our pages or from a webapp's menu, ends the session
 * everywhere.</li>
 * </ul>
 * CSRF protection stays on for the application's own pages and API; the webapps
 * ({@code /camunda/**}) bring their own CSRF token.
 * <p>
 * Both logins go through {@link IdentityAuthenticationProvider} alone, throttled by
 * {@link LoginThrottle}; a held attempt is answered by {@link ThrottledLoginAnswers}. The
 * two other ways Camunda checks a password for anybody — the webapps' own login and
 * {@code /engine-rest/identity/verify} — are closed: they would let a logged-in person
 * guess others' passwords past the throttle. The application's pages get a
 * Content-Security-Policy ({@link #CONTENT_SECURITY_POLICY}); the webapps send their own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfig {

	static final String LOGIN_PAGE = "/login";

	/** The webapps' own logout call (user menu → 退出), answered by Spring's logout. */
	private static final RequestMatcher WEBAPP_LOGOUT = path("/camunda/api/admin/auth/user/*/logout");

	/** The webapps' own login form, replaced by ours. */
	private static final RequestMatcher WEBAPP_LOGIN = path("/camunda/api/admin/auth/user/*/login/**");

	/**
	 * The Camunda webapps, which send a Content-Security-Policy of their own (with the
	 * nonces of their inline scripts).
	 */
	private static final RequestMatcher WEBAPPS = new OrRequestMatcher(path("/camunda/**"),
			path("/camunda-welcome/**"));

	/**
	 * For the application's own pages: scripts, styles, fonts only from files of the
	 * application (no inline script or style), images also as data: URIs (the ballots' QR
	 * codes), no framing, forms only to the application.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private static final RequestMatcher API = new OrRequestMatcher(path("/api/**"), path("/camunda/api/**"),
			path("/actuator/**"));

	@Bean
	@Order(1)
	SecurityFilterChain engineRest(HttpSecurity http, IdentityAuthenticationProvider identity) throws Exception {
		// answered here, not by the container's error dispatch (which would parse a
		// refused upload's body again): 401, the Basic challenge and a Chinese message
		AuthenticationEntryPoint json = unauthorizedJson();
		AuthenticationEntryPoint entryPoint = (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"excellence-campaign\"");
			json.commence(request, response, ex);
		};
		return http.securityMatcher(path("/engine-rest/**"))
			.authorizeHttpRequests((auth) -> auth.requestMatchers(path("/engine-rest/identity/verify"))
				.denyAll()
				.anyRequest()
				.authenticated())
			.authenticationManager(logins(identity))
			.httpBasic((basic) -> basic.authenticationEntryPoint(ThrottledLoginAnswers.basic(entryPoint)))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(entryPoint))
			.build();
	}

	/**
	 * The masses' ballot links and the public pages (the commendation notice with its
	 * objection form, the decision): open to everybody, without session, login or CSRF
	 * token — a ballot link's single-use token is the only credential, and it cannot be
	 * forged into a cross-site request; an objection carries its filer's real name.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain ballots(HttpSecurity http) throws Exception {
		return http.securityMatcher(new OrRequestMatcher(path("/ballot/**"), path("/public/**")))
			.authorizeHttpRequests((auth) -> auth.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers
				.addHeaderWriter(new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))
				// a ballot's address is its credential: never sent anywhere
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain application(HttpSecurity http, IdentityAuthenticationProvider identity) throws Exception {
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		// remember only page visits (the browser asks for HTML), so that the login goes
		// back to the page
		// that was asked for — never to a font or style sheet a closing webapp page still
		// loaded
		MediaTypeRequestMatcher pages = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		pages.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
		// of the webapps, only their entry pages (/camunda/app/tasklist/default/)
		RequestMatcher webappPages = new OrRequestMatcher(path(HttpMethod.GET, "/camunda/app/*/*/"),
				new NegatedRequestMatcher(new OrRequestMatcher(path("/camunda/**"), path("/camunda-welcome"))));
		requestCache.setRequestMatcher(
				new AndRequestMatcher(path(HttpMethod.GET, "/**"), new NegatedRequestMatcher(API), pages, webappPages));

		SimpleUrlLogoutSuccessHandler toLoginPage = new SimpleUrlLogoutSuccessHandler();
		toLoginPage.setDefaultTargetUrl(LOGIN_PAGE + "?logout");

		return http
			.authorizeHttpRequests((auth) -> auth
				.requestMatchers(path(LOGIN_PAGE), path("/css/**"), path("/img/**"), path("/favicon.ico"),
						path("/error"), path("/manifest.webmanifest"), path("/icons/**"))
				.permitAll()
				// health and metrics: for those who run the platform
				.requestMatchers(path("/actuator/**"))
				.hasAnyRole("ADMIN", "MANAGER")
				.requestMatchers(path("/admin/**"))
				.hasRole("ADMIN")
				.requestMatchers(WEBAPP_LOGIN)
				.denyAll()
				.anyRequest()
				.authenticated())
			.authenticationManager(logins(identity))
			.formLogin((form) -> form.loginPage(LOGIN_PAGE)
				.defaultSuccessUrl("/", false)
				.failureHandler(ThrottledLoginAnswers.loginForm())
				.permitAll())
			.httpBasic((basic) -> basic.authenticationEntryPoint(
					ThrottledLoginAnswers.basic(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))))
			.requestCache((cache) -> cache.requestCache(requestCache))
			.logout((logout) -> logout
				.logoutRequestMatcher(new OrRequestMatcher(path(HttpMethod.POST, "/logout"), WEBAPP_LOGOUT))
				.defaultLogoutSuccessHandlerFor(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK),
						WEBAPP_LOGOUT)
				.defaultLogoutSuccessHandlerFor(toLoginPage, path("/logout"))
				.invalidateHttpSession(true)
				.deleteCookies("JSESSIONID"))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(path("/camunda/**"), SecurityConfig::hasBasicCredentials))
			.exceptionHandling((ex) -> ex.defaultAuthenticationEntryPointFor(unauthorizedJson(), API)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), path("/**"))
				// a refusal (an invalid CSRF token too) goes to the error page or JSON
				// (shared/ErrorPageController), which tells why; the session stays
				.accessDeniedHandler((request, response, denied) -> {
					request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
					response.sendError(HttpServletResponse.SC_FORBIDDEN);
				}))
			.headers((headers) -> headers
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(WEBAPPS),
						new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	/**
	 * No observations of Spring Security's own: it would wrap each filter of every chain,
	 * every login and every access decision in a Micrometer observation, for every
	 * request, ballots and static files included, and nothing reads them. The requests
	 * themselves are still timed ({@code http.server.requests} at
	 * {@code /actuator/prometheus}). Measured in docs/benchmarks.md (a ballot's processor
	 * time, issue 17).
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * The one way to check a login: without a parent manager, which would ask
	 * {@link IdentityAuthenticationProvider} a second time after a wrong password (and so
	 * count it twice).
	 */
	private static AuthenticationManager logins(IdentityAuthenticationProvider identity) {
		return new ProviderManager(identity);
	}

	/**
	 * A script that sends its credentials with every request (HTTP Basic) carries no
	 * session cookie a forged request could ride on, so it needs no CSRF token.
	 */
	private static boolean hasBasicCredentials(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
	}

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	private static RequestMatcher path(HttpMethod method, String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
	}

	private static AuthenticationEntryPoint unauthorizedJson() {
		return (HttpServletRequest request, HttpServletResponse response,
				org.springframework.security.core.AuthenticationException ex) -> {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write("{\"message\":\"请先登录\"}");
		};
	}

}
