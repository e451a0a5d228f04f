/**
 * The organisation tree, members (with the dates the standing duties' rules read),
 * accounts and roles, their import from CSV or XLSX (API, templates and the
 * administrators' page 组织数据导入) and their sync to Camunda's identity (groups, users). API:
 * OrganizationDirectory, Organization, Member, MemberProfile, Account, OrganizationType,
 * Role, RoleAssignment, Groups, OrganizationImport, IdentitySync, IdentityProperties,
 * SingleCandidateAssignment (a process engine plugin: a task only one known person can do
 * is theirs), InitialOrganization (what an empty database starts with: demo/ offers the
 * demo university).
 */
@ApplicationModule(displayName = "组织 · organization", allowedDependencies = {})
package org.cyl.excellence.organization;

import org.springframework.modulith.ApplicationModule;
