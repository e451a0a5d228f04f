package org.cyl.excellence.organization;

import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On start, before the web server takes requests: makes sure the built-in administrator
 * exists, loads the organisation an {@link InitialOrganization} offers (the demo
 * university, unless {@code app.demo-data.enabled=false}) into empty organisation tables
 * and synchronises Camunda's identity with the organisation model.
 */
@Component
class OrganizationStartup implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(OrganizationStartup.class);

	private final OrganizationRepository repository;

	private final OrganizationImport organizationImport;

	private final IdentitySync identitySync;

	private final TransactionTemplate transaction;

	private final ObjectProvider<InitialOrganization> initial;

	private final String adminUser;

	OrganizationStartup(OrganizationRepository repository, OrganizationImport organizationImport,
			IdentitySync identitySync, TransactionTemplate transaction, IdentityProperties identity,
			ObjectProvider<InitialOrganization> initial) {
		this.repository = repository;
		this.organizationImport = organizationImport;
		this.identitySync = identitySync;
		this.transaction = transaction;
		this.initial = initial;
		this.adminUser = identity.adminUser();
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.transaction.executeWithoutResult((status) -> {
			boolean empty = this.repository.countOrganizations() == 0;
			ensureAdministrator();
			Optional<Map<String, byte[]>> files = empty
					? this.initial.orderedStream().map(InitialOrganization::files).flatMap(Optional::stream).findFirst()
					: Optional.empty();
			if (files.isPresent()) {
				ImportReport report = this.organizationImport.importCsv(files.get());
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

}
