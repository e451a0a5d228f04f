package org.cyl.excellence.organization;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
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

	private final JdbcTemplate batch;

	OrganizationRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
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

	// Batches for the import (OrganizationImport): a thousand lines in a few statements.

	/** Inserts the organisations in the order given (parents first). */
	void insertOrganizations(List<Organization> orgs) {
		this.batch.batchUpdate(
				"insert into organization (code, name, type, parent_code, party_org_code)" + " values (?, ?, ?, ?, ?)",
				orgs, orgs.size(), (ps, o) -> {
					ps.setString(1, o.code());
					ps.setString(2, o.name());
					ps.setString(3, o.type().name());
					ps.setString(4, o.parentCode());
					ps.setString(5, o.partyOrgCode());
				});
	}

	void updateOrganizations(List<Organization> orgs) {
		this.batch.batchUpdate(
				"update organization set name = ?, type = ?, parent_code = ?, party_org_code = ? where code = ?", orgs,
				orgs.size(), (ps, o) -> {
					ps.setString(1, o.name());
					ps.setString(2, o.type().name());
					ps.setString(3, o.parentCode());
					ps.setString(4, o.partyOrgCode());
					ps.setString(5, o.code());
				});
	}

	/** League number → the member as stored, for the numbers asked (one query). */
	Map<String, MemberProfile> findMemberProfiles(Collection<String> leagueNos) {
		Map<String, MemberProfile> found = new HashMap<>();
		if (!leagueNos.isEmpty()) {
			this.jdbc.sql(PROFILE_COLUMNS + " where league_no in (:numbers)")
				.param("numbers", leagueNos)
				.query(PROFILE)
				.list()
				.forEach((m) -> found.put(m.leagueNo(), m));
		}
		return found;
	}

	/** Username → League number of the member who has that account, for those asked. */
	Map<String, String> accountOwners(Collection<String> usernames) {
		Map<String, String> owners = new HashMap<>();
		if (!usernames.isEmpty()) {
			this.jdbc.sql("select username, league_no from member where username in (:usernames)")
				.param("usernames", usernames)
				.query((rs) -> {
					owners.put(rs.getString(1), rs.getString(2));
				});
		}
		return owners;
	}

	void insertMembers(List<MemberProfile> members) {
		this.batch.batchUpdate(
				"insert into member (name, org_code, cadre, username, birth_date, joined_league_on,"
						+ " party_applied_on, league_no) values (?, ?, ?, ?, ?, ?, ?, ?)",
				members, members.size(), OrganizationRepository::setMember);
	}

	void updateMembers(List<MemberProfile> members) {
		this.batch.batchUpdate(
				"update member set name = ?, org_code = ?, cadre = ?, username = ?, birth_date = ?,"
						+ " joined_league_on = ?, party_applied_on = ? where league_no = ?",
				members, members.size(), OrganizationRepository::setMember);
	}

	private static void setMember(java.sql.PreparedStatement ps, MemberProfile m) throws java.sql.SQLException {
		ps.setString(1, m.name());
		ps.setString(2, m.orgCode());
		ps.setBoolean(3, m.cadre());
		ps.setString(4, m.username());
		ps.setObject(5, m.birthDate());
		ps.setObject(6, m.joinedLeagueOn());
		ps.setObject(7, m.partyAppliedOn());
		ps.setString(8, m.leagueNo());
	}

	/** Username → account, for the usernames asked (one query). */
	Map<String, Account> findAccounts(Collection<String> usernames) {
		Map<String, Account> found = new HashMap<>();
		if (!usernames.isEmpty()) {
			this.jdbc.sql("select username, display_name, email from account where username in (:usernames)")
				.param("usernames", usernames)
				.query((rs) -> {
					found.put(rs.getString(1), new Account(rs.getString(1), rs.getString(2), rs.getString(3)));
				});
		}
		return found;
	}

	void insertAccounts(List<Account> accounts) {
		this.batch.batchUpdate("insert into account (display_name, email, username) values (?, ?, ?)", accounts,
				accounts.size(), OrganizationRepository::setAccount);
	}

	void updateAccounts(List<Account> accounts) {
		this.batch.batchUpdate("update account set display_name = ?, email = ? where username = ?", accounts,
				accounts.size(), OrganizationRepository::setAccount);
	}

	private static void setAccount(java.sql.PreparedStatement ps, Account a) throws java.sql.SQLException {
		ps.setString(1, a.displayName());
		ps.setString(2, a.email());
		ps.setString(3, a.username());
	}

	/** The roles of the usernames asked (one query). */
	Set<RoleAssignment> findRolesOf(Collection<String> usernames) {
		Set<RoleAssignment> found = new HashSet<>();
		if (!usernames.isEmpty()) {
			found.addAll(
					this.jdbc.sql("select username, org_code, role from role_assignment where username in (:usernames)")
						.param("usernames", usernames)
						.query(ROLE)
						.list());
		}
		return found;
	}

	void insertRoles(List<RoleAssignment> roles) {
		this.batch.batchUpdate("insert into role_assignment (username, org_code, role) values (?, ?, ?)", roles,
				roles.size(), (ps, r) -> {
					ps.setString(1, r.username());
					ps.setString(2, r.orgCode());
					ps.setString(3, r.role().name());
				});
	}

	/**
	 * (username, branch code) of every member who has an account: the members without one
	 * (most of a province's million) are not read.
	 */
	List<String[]> memberAccounts() {
		return this.jdbc.sql("select username, org_code from member where username is not null")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
	}

}
