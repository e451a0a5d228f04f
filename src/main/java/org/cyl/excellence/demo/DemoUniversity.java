package org.cyl.excellence.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cyl.excellence.organization.InitialOrganization;
import org.cyl.excellence.organization.OrganizationImport;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo university (resources {@code demo/*.csv}, README: demo accounts), which
 * organization's OrganizationStartup imports into an empty database unless
 * {@code app.demo-data.enabled=false}.
 */
@Component
class DemoUniversity implements InitialOrganization {

	private final boolean enabled;

	DemoUniversity(DemoProperties demo) {
		this.enabled = demo.enabled();
	}

	@Override
	public Optional<Map<String, byte[]>> files() {
		return this.enabled ? Optional.of(demoFiles()) : Optional.empty();
	}

	private static Map<String, byte[]> demoFiles() {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (String name : List.of(OrganizationImport.ORGANIZATIONS, OrganizationImport.MEMBERS,
				OrganizationImport.ROLES)) {
			try (InputStream in = new ClassPathResource("demo/" + name + ".csv").getInputStream()) {
				files.put(name, in.readAllBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("demo data missing: demo/" + name + ".csv", ex);
			}
		}
		return files;
	}

}
