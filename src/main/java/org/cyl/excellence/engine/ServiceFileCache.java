package org.cyl.excellence.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST API and webapps look the process engine up anew for every request
 * through {@link java.util.ServiceLoader} ({@code EngineUtil.lookupProcessEngine},
 * {@code ProcessEngineUtil.lookupProcessEngine}), a REST request twice: each lookup
 * searches every jar of the class path for the provider's service file and reads it with
 * the jar opened afresh (the service loader turns URL caching off). That was an eighth of
 * the processor time of a REST request that does nothing else (docs/benchmarks.md, "what
 * a request costs"). During the requests of {@code /engine-rest} and {@code /camunda},
 * the thread's context class loader — the one the service loader reads — is the request's
 * own wrapped in {@link CachingLoader}, which keeps Camunda's service files in memory
 * once read; everything else it passes to the request's loader unchanged. The files are
 * part of the jars and do not change while the application runs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ServiceFileCache {

	/** The service files kept: Camunda's SPIs (the engine providers among them). */
	static final String CAMUNDA_SERVICES = "META-INF/services/org.camunda.";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> serviceFileCacheFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
		registration.setName("camunda-service-file-cache");
		registration.addUrlPatterns("/engine-rest/*", "/camunda/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** Puts the caching loader around the request's context class loader. */
	static final class Filter extends OncePerRequestFilter {

		/** The last loader wrapped, and its wrapper: the same for every request. */
		private volatile CachingLoader last;

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Thread thread = Thread.currentThread();
			ClassLoader own = thread.getContextClassLoader();
			if (own == null || own instanceof CachingLoader) {
				chain.doFilter(request, response);
				return;
			}
			CachingLoader wrapper = this.last;
			if (wrapper == null || wrapper.getParent() != own) {
				wrapper = new CachingLoader(own);
				this.last = wrapper;
			}
			thread.setContextClassLoader(wrapper);
			try {
				chain.doFilter(request, response);
			}
			finally {
				thread.setContextClassLoader(own);
			}
		}

	}

	/**
	 * A class loader that defines nothing: classes and resources come from its parent,
	 * Camunda's service files from memory after the first time.
	 */
	static final class CachingLoader extends ClassLoader {

		static {
			registerAsParallelCapable();
		}

		private final Map<String, List<URL>> files = new ConcurrentHashMap<>();

		CachingLoader(ClassLoader parent) {
			super("camunda-service-files", parent);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			return getParent().loadClass(name);
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			if (name == null || !name.startsWith(CAMUNDA_SERVICES)) {
				return getParent().getResources(name);
			}
			List<URL> cached = this.files.get(name);
			if (cached == null) {
				cached = read(name);
				this.files.putIfAbsent(name, cached);
			}
			return Collections.enumeration(cached);
		}

		/** Every copy of the file on the class path, read into memory. */
		private List<URL> read(String name) throws IOException {
			List<URL> copies = new ArrayList<>();
			for (URL url : Collections.list(getParent().getResources(name))) {
				URLConnection connection = url.openConnection();
				connection.setUseCaches(false);
				byte[] bytes;
				try (InputStream in = connection.getInputStream()) {
					bytes = in.readAllBytes();
				}
				copies.add(new URL(null, "memory:" + url, new InMemory(bytes)));
			}
			return List.copyOf(copies);
		}

	}

	/** Serves one file's bytes. */
	private static final class InMemory extends URLStreamHandler {

		private final byte[] bytes;

		InMemory(byte[] bytes) {
			this.bytes = bytes;
		}

		@Override
		protected URLConnection openConnection(URL url) {
			return new URLConnection(url) {

				@Override
				public void connect() {
					// nothing to connect to
				}

				@Override
				public InputStream getInputStream() {
					return new ByteArrayInputStream(InMemory.this.bytes);
				}

			};
		}

	}

}
