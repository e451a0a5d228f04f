/**
 * The organisation tree, members, accounts and roles, their CSV import and their sync to
 * Camunda's identity (groups, users). API: OrganizationDirectory, Organization, Member,
 * Account, OrganizationType, Role, RoleAssignment, Groups, OrganizationImport,
 * IdentitySync, IdentityProperties, SingleCandidateAssignment (a process engine plugin: a
 * task only one known person can do is theirs), InitialOrganization (what an empty
 * database starts with: demo/ offers the demo university).
 */
@ApplicationModule(displayName = "组织 · organization", allowedDependencies = {})
package org.cyl.excellence.organization;

import org.springframework.modulith.ApplicationModule;
