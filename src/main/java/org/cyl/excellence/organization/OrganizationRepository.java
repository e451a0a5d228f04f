package org.cyl.excellence.organization;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisation tables (migration V1): organisations, accounts, members and roles. */
@Repository
class OrganizationRepository {

	private static final String ORGANIZATION_COLUMNS = "select code, name, type, parent_code, party_org_code from organization";

	private static final String MEMBER_COLUMNS = "select league_no, name, org_code, cadre, username from member";

	private static final String PROFILE_COLUMNS = "select league_no, name, org_code, cadre, username, birth_date,"
			+ " joined_league_on, party_applied_on from member";

	private static final RowMapper<Organization> ORGANIZATION = (rs, n) -> new Organization(rs.getString(1),
			rs.getString(2), OrganizationType.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5));

	private static final RowMapper<Member> MEMBER = (rs, n) -> new Member(rs.getString(1), rs.getString(2),
			rs.getString(3), rs.getBoolean(4), rs.getString(5));

	private static final RowMapper<MemberProfile> PROFILE = (rs, n) -> new MemberProfile(rs.getString(1),
			rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getObject(6, LocalDate.class),
			rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class));

	private static final RowMapper<RoleAssignment> ROLE = (rs, n) -> new RoleAssignment(rs.getString(1),
			rs.getString(2), Role.valueOf(rs.getString(3)));

	private final JdbcClient jdbc;

	OrganizationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Organization> findAllOrganizations() {
		return this.jdbc.sql(ORGANIZATION_COLUMNS + " order by code").query(ORGANIZATION).list();
	}

	/** Every organisation by its code: for walks up the tree. */
	Map<String, Organization> organizationsByCode() {
		Map<String, Organization> byCode = new java.util.HashMap<>();
		findAllOrganizations().forEach((o) -> byCode.put(o.code(), o));
		return byCode;
	}

	Optional<Organization> findOrganization(String code) {
		return this.jdbc.sql(ORGANIZATION_COLUMNS + " where code = ?").param(code).query(ORGANIZATION).optional();
	}

	long countOrganizations() {
		return this.jdbc.sql("select count(*) from organization").query(Long.class).single();
	}

	/** Inserts or updates; parents must be saved first (the caller orders them). */
	void save(Organization org) {
		int updated = this.jdbc
			.sql("update organization set name = ?, type = ?, parent_code = ?, party_org_code = ? where code = ?")
			.params(org.name(), org.type().name(), org.parentCode(), org.partyOrgCode(), org.code())
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("insert into organization (code, name, type, parent_code, party_org_code) values (?, ?, ?, ?, ?)")
				.params(org.code(), org.name(), org.type().name(), org.parentCode(), org.partyOrgCode())
				.update();
		}
	}

	List<Member> findAllMembers() {
		return this.jdbc.sql(MEMBER_COLUMNS + " order by org_code, league_no").query(MEMBER).list();
	}

	/** The usernames of the members of a branch who have an account. */
	List<String> memberUsernames(String orgCode) {
		return this.jdbc.sql("select username from member where org_code = ? and username is not null")
			.param(orgCode)
			.query(String.class)
			.list();
	}

	/** The usernames holding the role at the organisation. */
	List<String> roleHolders(String orgCode, Role role) {
		return this.jdbc.sql("select username from role_assignment where org_code = ? and role = ?")
			.params(orgCode, role.name())
			.query(String.class)
			.list();
	}

	List<Member> findMembers(String orgCode) {
		return this.jdbc.sql(MEMBER_COLUMNS + " where org_code = ? order by league_no")
			.param(orgCode)
			.query(MEMBER)
			.list();
	}

	Optional<MemberProfile> findMemberProfile(String leagueNo) {
		return this.jdbc
			.sql("select league_no, name, org_code, cadre, username, birth_date, joined_league_on, party_applied_on"
					+ " from member where league_no = ?")
			.param(leagueNo)
			.query(PROFILE)
			.optional();
	}

	List<MemberProfile> findMemberProfiles(String orgCode) {
		return this.jdbc.sql(PROFILE_COLUMNS + " where org_code = ? order by league_no")
			.param(orgCode)
			.query(PROFILE)
			.list();
	}

	List<MemberProfile> findAllMemberProfiles() {
		return this.jdbc.sql(PROFILE_COLUMNS + " order by org_code, league_no").query(PROFILE).list();
	}

	/** org code → number of members, for the organisations asked (one query). */
	Map<String, Integer> memberCounts(Collection<String> orgCodes) {
		Map<String, Integer> counts = new HashMap<>();
		if (orgCodes.isEmpty()) {
			return counts;
		}
		this.jdbc.sql("select org_code, count(*) from member where org_code in (:orgs) group by org_code")
			.param("orgs", orgCodes)
			.query((rs) -> {
				counts.put(rs.getString(1), rs.getInt(2));
			});
		return counts;
	}

	/** League number → name, for the members asked (one query). */
	Map<String, String> memberNames(Collection<String> leagueNos) {
		Map<String, String> names = new HashMap<>();
		if (leagueNos.isEmpty()) {
			return names;
		}
		this.jdbc.sql("select league_no, name from member where league_no in (:numbers)")
			.param("numbers", leagueNos)
			.query((rs) -> {
				names.put(rs.getString(1), rs.getString(2));
			});
		return names;
	}

	/** Inserts or updates the member with the dates (V14). */
	void save(MemberProfile member) {
		int updated = this.jdbc
			.sql("update member set name = ?, org_code = ?, cadre = ?, username = ?, birth_date = ?,"
					+ " joined_league_on = ?, party_applied_on = ? where league_no = ?")
			.params(member.name(), member.orgCode(), member.cadre(), member.username(), member.birthDate(),
					member.joinedLeagueOn(), member.partyAppliedOn(), member.leagueNo())
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("insert into member (league_no, name, org_code, cadre, username, birth_date, joined_league_on,"
						+ " party_applied_on) values (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(member.leagueNo(), member.name(), member.orgCode(), member.cadre(), member.username(),
						member.birthDate(), member.joinedLeagueOn(), member.partyAppliedOn())
				.update();
		}
	}

	List<Account> findAllAccounts() {
		return this.jdbc.sql("select username, display_name, email from account order by username")
			.query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	Optional<Account> findAccount(String username) {
		return this.jdbc.sql("select username, display_name, email from account where username = ?")
			.param(username)
			.query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	void save(Account account) {
		int updated = this.jdbc.sql("update account set display_name = ?, email = ? where username = ?")
			.params(account.displayName(), account.email(), account.username())
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into account (username, display_name, email) values (?, ?, ?)")
				.params(account.username(), account.displayName(), account.email())
				.update();
		}
	}

	List<RoleAssignment> findAllRoles() {
		return this.jdbc.sql("select username, org_code, role from role_assignment order by username, org_code, role")
			.query(ROLE)
			.list();
	}

	List<RoleAssignment> findRoles(String username) {
		return this.jdbc.sql("select username, org_code, role from role_assignment where username = ?")
			.param(username)
			.query(ROLE)
			.list();
	}

	Optional<Member> findMemberByUsername(String username) {
		return this.jdbc.sql(MEMBER_COLUMNS + " where username = ?").param(username).query(MEMBER).optional();
	}

	/** Adds the role; returns false when the person held it already. */
	boolean add(RoleAssignment role) {
		Long existing = this.jdbc
			.sql("select count(*) from role_assignment where username = ? and org_code = ? and role = ?")
			.params(role.username(), role.orgCode(), role.role().name())
			.query(Long.class)
			.single();
		if (existing > 0) {
			return false;
		}
		this.jdbc.sql("insert into role_assignment (username, org_code, role) values (?, ?, ?)")
			.params(role.username(), role.orgCode(), role.role().name())
			.update();
		return true;
	}

}
