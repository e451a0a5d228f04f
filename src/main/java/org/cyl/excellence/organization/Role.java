package org.cyl.excellence.organization;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a person does at an organisation. Each role at an organisation is one Camunda
 * group ({@link Groups#of}); the administrator's role is global.
 */
public enum Role {

	/**
	 * 书记: drives the organisation's tasks (a branch secretary is the first responsible
	 * person).
	 */
	SECRETARY("secretary", "书记",
			EnumSet.of(OrganizationType.HIGHER_COMMITTEE, OrganizationType.COMMITTEE, OrganizationType.GENERAL_BRANCH,
					OrganizationType.BRANCH)),
	/** 委员: a committee member who reviews the organisations below. */
	COMMITTEE("committee", "委员",
			EnumSet.of(OrganizationType.HIGHER_COMMITTEE, OrganizationType.COMMITTEE, OrganizationType.GENERAL_BRANCH)),
	/** 党组织评议人: reviews the League organisation its Party organisation co-reviews. */
	REVIEWER("reviewer", "党组织评议人", EnumSet.of(OrganizationType.PARTY)),
	/** 管理者: watches the campaigns of a committee in Cockpit. */
	MANAGER("manager", "管理者", EnumSet.of(OrganizationType.HIGHER_COMMITTEE, OrganizationType.COMMITTEE)),
	/** 管理员: administers the platform (Camunda Admin, deployments, imports). */
	ADMIN("admin", "管理员", EnumSet.allOf(OrganizationType.class));

	private final String key;

	private final String label;

	private final Set<OrganizationType> allowedAt;

	Role(String key, String label, Set<OrganizationType> allowedAt) {
		this.key = key;
		this.label = label;
		this.allowedAt = allowedAt;
	}

	public String key() {
		return this.key;
	}

	public String label() {
		return this.label;
	}

	boolean isAllowedAt(OrganizationType type) {
		return this.allowedAt.contains(type);
	}

	/** Accepts the English key or the Chinese label, as written in an import file. */
	static Optional<Role> parse(String text) {
		String t = text.trim();
		return Arrays.stream(values()).filter((v) -> v.key.equalsIgnoreCase(t) || v.label.equals(t)).findFirst();
	}

}
