package org.cyl.excellence.organization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On start, before the web server takes requests: makes sure the built-in administrator
 * exists, loads the demo university into empty organisation tables (unless
 * {@code app.demo-data.enabled=false}) and synchronises Camunda's identity with the
 * organisation model.
 */
@Component
class OrganizationStartup implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(OrganizationStartup.class);

	private final OrganizationRepository repository;

	private final OrganizationImport organizationImport;

	private final IdentitySync identitySync;

	private final TransactionTemplate transaction;

	private final boolean demoData;

	private final String adminUser;

	OrganizationStartup(OrganizationRepository repository, OrganizationImport organizationImport,
			IdentitySync identitySync, TransactionTemplate transaction,
			@Value("${app.demo-data.enabled}") boolean demoData,
			@Value("${app.identity.admin-user}") String adminUser) {
		this.repository = repository;
		this.organizationImport = organizationImport;
		this.identitySync = identitySync;
		this.transaction = transaction;
		this.demoData = demoData;
		this.adminUser = adminUser;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.transaction.executeWithoutResult((status) -> {
			boolean empty = this.repository.countOrganizations() == 0;
			ensureAdministrator();
			if (empty && this.demoData) {
				ImportReport report = this.organizationImport.importCsv(demoFiles());
				log.info("Demo data loaded: {}", report);
			}
			else {
				this.identitySync.sync();
			}
		});
	}

	private void ensureAdministrator() {
		if (this.repository.findAllAccounts().stream().noneMatch((a) -> a.username().equals(this.adminUser))) {
			this.repository.save(new Account(this.adminUser, "系统管理员", null));
		}
		this.repository.add(new RoleAssignment(this.adminUser, RoleAssignment.NO_ORGANIZATION, Role.ADMIN));
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
