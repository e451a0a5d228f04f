package org.cyl.excellence.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/**
 * What the other features ask of the organisation model: the tree, members, and who holds
 * which role.
 */
@Service
public class OrganizationDirectory {

	private final OrganizationRepository repository;

	private final OrganizationAccess access;

	OrganizationDirectory(OrganizationRepository repository, OrganizationAccess access) {
		this.repository = repository;
		this.access = access;
	}

	/**
	 * Whether the person may see what concerns the organisation's people: its members and
	 * role holders, those of the organisations above it and of its Party organisation,
	 * managers and administrators.
	 */
	public boolean maySee(org.springframework.security.core.Authentication authentication, Organization org) {
		return this.access.maySeeMembers(authentication, org);
	}

	/** Every organisation by its code, in one query: for pages that name many of them. */
	public Map<String, Organization> byCode() {
		return this.repository.organizationsByCode();
	}

	public Optional<Organization> find(String code) {
		return this.repository.findOrganization(code);
	}

	/** Every branch (团支部) at or below the organisation, ordered by code. */
	public List<String> branchesBelow(String code) {
		Map<String, List<Organization>> children = this.repository.findAllOrganizations()
			.stream()
			.filter((o) -> o.parentCode() != null)
			.collect(Collectors.groupingBy(Organization::parentCode));
		List<String> branches = new ArrayList<>();
		collect(code, children, branches, this.repository.findOrganization(code).orElse(null));
		branches.sort(String::compareTo);
		return branches;
	}

	private static void collect(String code, Map<String, List<Organization>> children, List<String> out,
			Organization self) {
		if (self != null && self.type() == OrganizationType.BRANCH) {
			out.add(self.code());
		}
		for (Organization child : children.getOrDefault(code, List.of())) {
			collect(child.code(), children, out, child);
		}
	}

	/**
	 * The Party organisation that co-reviews a League organisation: its own, or else the
	 * nearest one of the organisations above it.
	 */
	public Optional<String> partyOrganizationOf(String code) {
		// up the line one organisation at a time (a few rows), not the whole tree: the
		// fan-out asks this for each of thousands of branches
		Optional<Organization> o = find(code);
		while (o.isPresent()) {
			if (o.get().partyOrgCode() != null) {
				return Optional.of(o.get().partyOrgCode());
			}
			o = (o.get().parentCode() != null) ? find(o.get().parentCode()) : Optional.empty();
		}
		return Optional.empty();
	}

	/**
	 * Whether the person is a member or role holder of the organisation or of one below
	 * it.
	 */
	public boolean isWithin(org.springframework.security.core.Authentication authentication, String orgCode) {
		return this.access.isWithin(authentication, orgCode);
	}

	public List<Member> members(String branchCode) {
		return this.repository.findMembers(branchCode);
	}

	/**
	 * Whether the person keeps the records of the organisation's members (dates, grades,
	 * recommendations): its role holders and those above, its Party organisation's,
	 * managers and administrators; not its plain members.
	 */
	public boolean mayReadRecords(org.springframework.security.core.Authentication authentication, Organization org) {
		return this.access.mayReadRecords(authentication, org);
	}

	/** One member with the dates, by League number. */
	public Optional<MemberProfile> memberProfile(String leagueNo) {
		return this.repository.findMemberProfile(leagueNo);
	}

	/** The branch's members with the dates the standing duties' rules read. */
	public List<MemberProfile> memberProfiles(String branchCode) {
		return this.repository.findMemberProfiles(branchCode);
	}

	/** Organisation code → number of members, for the organisations asked: one query. */
	public Map<String, Integer> memberCounts(Collection<String> orgCodes) {
		return this.repository.memberCounts(orgCodes);
	}

	/** League number → name, for the members asked: one query. */
	public Map<String, String> memberNames(Collection<String> leagueNos) {
		return this.repository.memberNames(leagueNos);
	}

	/**
	 * The branches (团支部) whose work concerns the person: those at or below the
	 * organisations where the person is a member or holds a role, and those their Party
	 * organisation co-reviews (the person's being a reviewer of it).
	 */
	public Set<String> branchesConcerning(org.springframework.security.core.Authentication authentication) {
		String username = authentication.getName();
		Set<String> mine = new HashSet<>();
		this.repository.findRoles(username).forEach((r) -> mine.add(r.orgCode()));
		this.repository.findMemberByUsername(username).ifPresent((m) -> mine.add(m.orgCode()));
		Set<String> branches = new HashSet<>();
		if (mine.isEmpty()) {
			return branches;
		}
		List<Organization> all = this.repository.findAllOrganizations();
		Map<String, Organization> byCode = all.stream().collect(Collectors.toMap(Organization::code, (o) -> o));
		Map<String, List<Organization>> children = all.stream()
			.filter((o) -> o.parentCode() != null)
			.collect(Collectors.groupingBy(Organization::parentCode));
		for (Organization o : all) {
			if (mine.contains(o.code())) {
				List<String> below = new ArrayList<>();
				collect(o.code(), children, below, o);
				branches.addAll(below);
			}
			else if (o.type() == OrganizationType.BRANCH && reviewedBy(o, byCode, mine)) {
				branches.add(o.code());
			}
		}
		return branches;
	}

	/**
	 * Whether the nearest Party organisation of the organisation's line is one of these.
	 */
	private static boolean reviewedBy(Organization org, Map<String, Organization> byCode, Set<String> party) {
		for (Organization o = org; o != null; o = (o.parentCode() != null) ? byCode.get(o.parentCode()) : null) {
			if (o.partyOrgCode() != null) {
				return party.contains(o.partyOrgCode());
			}
		}
		return false;
	}

	public Optional<Member> memberByUsername(String username) {
		return this.repository.findMemberByUsername(username);
	}

	/** The organisations where the person holds the role. */
	public List<String> organizationsWhere(String username, Role role) {
		return this.repository.findRoles(username)
			.stream()
			.filter((r) -> r.role() == role)
			.map(RoleAssignment::orgCode)
			.toList();
	}

	/**
	 * The people the organisation model puts in a Camunda group of an organisation
	 * ({@code org<code><role>}, {@code org<code>member}); empty for any other group (an
	 * unknown group names nobody known).
	 */
	public java.util.Set<String> peopleOf(String groupId) {
		String members = Groups.orgCodeOf(groupId, Groups.MEMBER);
		if (members != null) {
			return new java.util.TreeSet<>(this.repository.memberUsernames(members));
		}
		for (Role role : Role.values()) {
			String code = Groups.orgCodeOf(groupId, role);
			if (role != Role.ADMIN && code != null) {
				return new java.util.TreeSet<>(this.repository.roleHolders(code, role));
			}
		}
		return java.util.Set.of();
	}

	/** The display name of an account, or the username when it has none. */
	public String displayName(String username) {
		return this.repository.findAccount(username).map(Account::displayName).orElse(username);
	}

}
