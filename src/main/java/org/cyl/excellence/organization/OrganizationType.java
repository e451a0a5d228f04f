package org.cyl.excellence.organization;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The levels of the organisation tree (domain.md "Who is involved"): League organisations
 * from the higher-level committee down to the branch, and the Party organisations that
 * co-review them.
 */
public enum OrganizationType {

	HIGHER_COMMITTEE("higher_committee", "上级团委"), COMMITTEE("committee", "团委"), GENERAL_BRANCH("general_branch", "团总支"),
	BRANCH("branch", "团支部"), PARTY("party", "党组织");

	private final String key;

	private final String label;

	OrganizationType(String key, String label) {
		this.key = key;
		this.label = label;
	}

	public String key() {
		return this.key;
	}

	public String label() {
		return this.label;
	}

	public boolean isLeague() {
		return this != PARTY;
	}

	/** Which types may stand directly above this one; empty means it may be a root. */
	Set<OrganizationType> allowedParents() {
		return switch (this) {
			case HIGHER_COMMITTEE -> Set.of(HIGHER_COMMITTEE);
			case COMMITTEE -> Set.of(HIGHER_COMMITTEE, COMMITTEE);
			case GENERAL_BRANCH -> Set.of(COMMITTEE);
			case BRANCH -> Set.of(COMMITTEE, GENERAL_BRANCH);
			case PARTY -> Set.of(PARTY);
		};
	}

	/** Whether an organisation of this type may have no parent. */
	boolean mayBeRoot() {
		return this == HIGHER_COMMITTEE || this == COMMITTEE || this == PARTY;
	}

	/** Accepts the English key or the Chinese label, as written in an import file. */
	static Optional<OrganizationType> parse(String text) {
		String t = text.trim();
		return Arrays.stream(values()).filter((v) -> v.key.equalsIgnoreCase(t) || v.label.equals(t)).findFirst();
	}

}
