package org.cyl.excellence.organization;

/**
 * A person's role at an organisation; {@code orgCode} is empty for a global
 * administrator.
 */
public record RoleAssignment(String username, String orgCode, Role role) {

	/** The value stored for an administrator who belongs to no organisation. */
	static final String NO_ORGANIZATION = "";

}
