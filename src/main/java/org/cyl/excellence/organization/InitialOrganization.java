package org.cyl.excellence.organization;

import java.util.Map;
import java.util.Optional;

/**
 * The organisation an empty database starts with, asked by OrganizationStartup: the CSV
 * files of the import ({@link OrganizationImport#ORGANIZATIONS},
 * {@link OrganizationImport#MEMBERS}, {@link OrganizationImport#ROLES}), or nothing. The
 * demo module offers its university; without any, an empty database stays empty.
 */
public interface InitialOrganization {

	Optional<Map<String, byte[]>> files();

}
