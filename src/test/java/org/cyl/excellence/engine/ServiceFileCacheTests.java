package org.cyl.excellence.engine;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caching class loader finds the engine provider as the application's loader does,
 * reads Camunda's service files once, passes everything else on, and is the context class
 * loader only while a request runs.
 */
class ServiceFileCacheTests {

	private static final String PROVIDERS = "META-INF/services/" + ProcessEngineProvider.class.getName();

	@Test
	void findsTheEngineProviderAsTheApplicationsLoaderDoesReadingItsFileOnce() throws Exception {
		Counting parent = new Counting(getClass().getClassLoader());
		ServiceFileCache.CachingLoader loader = new ServiceFileCache.CachingLoader(parent);
		List<String> direct = providers(parent);
		assertThat(direct).as("the Spring Boot starter's provider").isNotEmpty();
		parent.asked.set(0);
		for (int i = 0; i < 3; i++) {
			assertThat(providers(loader)).isEqualTo(direct);
		}
		assertThat(parent.asked).as("the file was looked for once").hasValue(1);
		assertThat(Collections.list(loader.getResources(PROVIDERS)))
			.hasSize(Collections.list(parent.getResources(PROVIDERS)).size());
	}

	@Test
	void everythingElseComesFromTheParent() throws Exception {
		Counting parent = new Counting(getClass().getClassLoader());
		ServiceFileCache.CachingLoader loader = new ServiceFileCache.CachingLoader(parent);
		String other = "META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable";
		assertThat(Collections.list(loader.getResources(other)))
			.isEqualTo(Collections.list(parent.getResources(other)));
		assertThat(Collections.list(loader.getResources(other)))
			.isEqualTo(Collections.list(parent.getResources(other)));
		assertThat(parent.asked).as("not kept").hasValue(4);
		assertThat(loader.loadClass(ServiceFileCache.class.getName())).isSameAs(ServiceFileCache.class);
		assertThat(loader.getResource("application.yaml")).isEqualTo(parent.getResource("application.yaml"));
	}

	@Test
	void theLoaderIsTheRequestsOnlyWhileItRuns() throws Exception {
		ClassLoader own = Thread.currentThread().getContextClassLoader();
		List<ClassLoader> during = new ArrayList<>();
		MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {

			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response) {
				during.add(Thread.currentThread().getContextClassLoader());
			}

		});
		new ServiceFileCache.Filter().doFilter(new MockHttpServletRequest("GET", "/engine-rest/version"),
				new MockHttpServletResponse(), chain);
		assertThat(during).hasSize(1);
		assertThat(during.get(0)).isInstanceOf(ServiceFileCache.CachingLoader.class);
		assertThat(during.get(0).getParent()).isSameAs(own);
		assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(own);
	}

	private static List<String> providers(ClassLoader loader) {
		List<String> names = new ArrayList<>();
		ServiceLoader.load(ProcessEngineProvider.class, loader).forEach((p) -> names.add(p.getClass().getName()));
		return names;
	}

	/** Counts the look-ups of resources. */
	private static final class Counting extends ClassLoader {

		final AtomicInteger asked = new AtomicInteger();

		Counting(ClassLoader parent) {
			super(parent);
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			this.asked.incrementAndGet();
			return super.getResources(name);
		}

	}

}
