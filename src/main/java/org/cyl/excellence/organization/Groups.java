package org.cyl.excellence.organization;

import java.util.ArrayList;
import java.util.List;

/**
 * Camunda group ids derived from the organisation model. Camunda accepts only
 * {@code [a-zA-Z0-9]+} (and {@code camunda-admin}), so ids are {@code org<code><role>},
 * e.g. {@code org120101secretary}. Process models use these ids as candidate groups.
 */
public final class Groups {

	/** Camunda's administrator group: everything, including Admin and deployments. */
	public static final String ADMINISTRATORS = "camunda-admin";

	/** Everyone with an account: Tasklist and the shared filters. */
	public static final String USERS = "campaignusers";

	/** Managers of any committee: Cockpit. */
	public static final String MANAGERS = "managers";

	/** Committee members of every 团委 and 上级团委: they may launch a campaign. */
	public static final String COMMITTEES = "committees";

	/**
	 * Committee members of every 团总支: they may launch the standing duties for their
	 * branches (not a campaign).
	 */
	public static final String GENERAL_BRANCH_COMMITTEES = "generalbranchcommittees";

	/** Suffix of the group of a branch's members. */
	public static final String MEMBER = "member";

	private Groups() {
	}

	/**
	 * The group of people with {@code role} (a {@link Role} key or {@link #MEMBER}) at an
	 * organisation.
	 */
	public static String of(String orgCode, String role) {
		return "org" + orgCode + role;
	}

	public static String of(String orgCode, Role role) {
		return of(orgCode, role.key());
	}

	/**
	 * The organisation of a role's group ({@code org12committee} → {@code 12}); null for
	 * a group of another role or no organisation.
	 */
	public static String orgCodeOf(String groupId, Role role) {
		return orgCodeOf(groupId, role.key());
	}

	/**
	 * The organisation of a group of the role key ({@link Role#key()} or
	 * {@link #MEMBER}); null for a group of another role or no organisation.
	 */
	public static String orgCodeOf(String groupId, String suffix) {
		if (groupId == null || !groupId.startsWith("org") || !groupId.endsWith(suffix)
				|| groupId.length() <= 3 + suffix.length()) {
			return null;
		}
		return groupId.substring(3, groupId.length() - suffix.length());
	}

	/**
	 * The role groups every organisation of a type has, whether or not anybody holds the
	 * role yet.
	 */
	static List<String> roleKeysOf(OrganizationType type) {
		List<String> keys = new ArrayList<>();
		for (Role role : Role.values()) {
			if (role != Role.ADMIN && role.isAllowedAt(type)) {
				keys.add(role.key());
			}
		}
		if (type == OrganizationType.BRANCH) {
			keys.add(MEMBER);
		}
		return keys;
	}

	static String roleLabel(String key) {
		if (MEMBER.equals(key)) {
			return "团员";
		}
		return Role.parse(key).map(Role::label).orElse(key);
	}

}
