package org.cyl.excellence.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.cyl.excellence.organization.ImportColumns.Column;
import org.cyl.excellence.organization.ImportRejectedException.LineError;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports organisations, members and roles from CSV (UTF-8) or XLSX (columns in README.md
 * and {@link ImportColumns}; templates from {@link ImportTemplates}). All or nothing:
 * every line is checked before anything is written, and any bad line rejects the whole
 * import with every bad line listed. Rows are upserted by their key (code, League number,
 * username + organisation + role), so importing the same files again changes nothing.
 * Camunda's identity is synchronised in the same transaction.
 */
@Service
public class OrganizationImport {

	public static final String ORGANIZATIONS = "organizations";

	public static final String MEMBERS = "members";

	public static final String ROLES = "roles";

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,32}");

	private static final Pattern LEAGUE_NO = Pattern.compile("[A-Za-z0-9-]{1,32}");

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9]{1,64}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final int MAX_NAME = 100;

	/** The League admits young people from 14 to 28 (团章 第一条). */
	private static final int MIN_JOINING_AGE = 14;

	private static final int MAX_JOINING_AGE = 28;

	private final OrganizationRepository repository;

	private final IdentitySync identitySync;

	private final Clock clock;

	/**
	 * A {@link Clock} bean, if the context has one (the tests move time), else the
	 * system's: "today" for the dates, which may not lie after it.
	 */
	OrganizationImport(OrganizationRepository repository, IdentitySync identitySync, ObjectProvider<Clock> clock) {
		this.repository = repository;
		this.identitySync = identitySync;
		this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
	}

	/**
	 * Imports the given files (keys {@link #ORGANIZATIONS}, {@link #MEMBERS},
	 * {@link #ROLES}; each optional, each CSV in UTF-8 or an XLSX workbook — told apart
	 * by their content) and synchronises Camunda's identity.
	 * @throws ImportRejectedException listing every bad line; nothing was written
	 */
	@Transactional
	public ImportReport importCsv(Map<String, byte[]> files) {
		Plan plan = new Plan(this.repository, LocalDate.now(this.clock));
		plan.readOrganizations(rows(files, ORGANIZATIONS, ImportColumns.ORGANIZATIONS, plan.errors));
		plan.readMembers(rows(files, MEMBERS, ImportColumns.MEMBERS, plan.errors));
		plan.readRoles(rows(files, ROLES, ImportColumns.ROLES, plan.errors));
		if (!plan.errors.isEmpty()) {
			throw new ImportRejectedException(plan.errors);
		}
		ImportReport report = plan.apply(this.repository);
		this.identitySync.sync();
		return report;
	}

	/**
	 * The data rows of one file with their line numbers, or none when the file was not
	 * given. A column is found by its English name or its Chinese label (also written
	 * together, as in 出生日期（birth_date）); an optional column the file lacks is absent from
	 * the rows, so that what it holds stays as it is.
	 */
	private static List<Row> rows(Map<String, byte[]> files, String name, List<Column> columns,
			List<LineError> errors) {
		byte[] bytes = files.get(name);
		if (bytes == null) {
			return List.of();
		}
		String file = ImportTable.fileName(name, bytes);
		int before = errors.size();
		List<ImportTable.Line> lines = ImportTable.read(file, bytes, errors);
		if (errors.size() > before) {
			return List.of();
		}
		List<String> required = columns.stream().filter(Column::required).map(Column::key).toList();
		if (lines.isEmpty()) {
			errors.add(new LineError(file, 1, "文件为空，第一行应为列名：" + String.join(",", required)));
			return List.of();
		}
		ImportTable.Line first = lines.get(0);
		Map<String, Integer> header = new HashMap<>();
		for (int i = 0; i < first.cells().size(); i++) {
			for (Column column : columns) {
				if (column.matches(first.cells().get(i))) {
					header.putIfAbsent(column.key(), i);
				}
			}
		}
		List<String> missing = columns.stream()
			.filter((c) -> c.required() && !header.containsKey(c.key()))
			.map(Column::describe)
			.toList();
		if (!missing.isEmpty()) {
			errors.add(new LineError(file, first.number(), "缺少列：" + String.join(",", missing) + "（应为 "
					+ columns.stream().map(Column::describe).collect(Collectors.joining(",")) + "）"));
			return List.of();
		}
		List<Row> rows = new ArrayList<>();
		for (ImportTable.Line line : lines.subList(1, lines.size())) {
			Map<String, String> values = new HashMap<>();
			for (Column column : columns) {
				Integer index = header.get(column.key());
				if (index != null) {
					values.put(column.key(), (index < line.cells().size()) ? line.cells().get(index) : "");
				}
			}
			rows.add(new Row(file, line.number(), values));
		}
		return rows;
	}

	private record Row(String file, int line, Map<String, String> values) {

		String get(String column) {
			return this.values.getOrDefault(column, "");
		}

		/** Whether the file has the column at all. */
		boolean has(String column) {
			return this.values.containsKey(column);
		}

		boolean blank(String column) {
			return get(column).isEmpty();
		}

	}

	/** The import as it would be written: the current tables plus every row, checked. */
	private static final class Plan {

		final List<LineError> errors = new ArrayList<>();

		final Map<String, Organization> existingOrgs;

		final LocalDate today;

		final Map<String, MemberProfile> existingMembers;

		/**
		 * Account → League number of the member who has it (looked up per line: a map,
		 * not a walk over every member).
		 */
		final Map<String, String> existingOwners;

		final Map<String, Account> existingAccounts;

		final Set<RoleAssignment> existingRoles;

		final Map<String, Organization> orgs;

		final Map<String, Organization> newOrgs = new LinkedHashMap<>();

		final Map<String, MemberProfile> newMembers = new LinkedHashMap<>();

		final Map<String, Account> newAccounts = new LinkedHashMap<>();

		final Set<RoleAssignment> newRoles = new HashSet<>();

		Plan(OrganizationRepository repository, LocalDate today) {
			this.today = today;
			this.existingOrgs = index(repository.findAllOrganizations(), Organization::code);
			this.existingMembers = index(repository.findAllMemberProfiles(), MemberProfile::leagueNo);
			this.existingOwners = new HashMap<>();
			for (MemberProfile member : this.existingMembers.values()) {
				if (member.username() != null) {
					this.existingOwners.putIfAbsent(member.username(), member.leagueNo());
				}
			}
			this.existingAccounts = index(repository.findAllAccounts(), Account::username);
			this.existingRoles = new HashSet<>(repository.findAllRoles());
			this.orgs = new LinkedHashMap<>(this.existingOrgs);
		}

		void error(Row row, String message) {
			this.errors.add(new LineError(row.file(), row.line(), message));
		}

		void readOrganizations(List<Row> rows) {
			Map<String, Row> rowOf = new HashMap<>();
			for (Row row : rows) {
				String code = row.get("code");
				Optional<OrganizationType> type = OrganizationType.parse(row.get("type"));
				int before = this.errors.size();
				if (!CODE.matcher(code).matches()) {
					error(row, "code（组织代码）“" + code + "”无效：只能是 1–32 位字母或数字");
				}
				else if (rowOf.containsKey(code)) {
					error(row, "code（组织代码）" + code + " 与第 " + rowOf.get(code).line() + " 行重复");
				}
				checkName(row, "name", "组织名称");
				if (type.isEmpty()) {
					error(row, "type（组织类型）“" + row.get("type")
							+ "”无效：应为 higher_committee/上级团委、committee/团委、general_branch/团总支、branch/团支部 或 party/党组织");
				}
				if (this.errors.size() == before) {
					Organization org = new Organization(code, row.get("name"), type.get(),
							emptyToNull(row.get("parent_code")), emptyToNull(row.get("party_org_code")));
					rowOf.put(code, row);
					this.orgs.put(code, org);
					this.newOrgs.put(code, org);
				}
			}
			// references are checked once every row is known, so a file may list children
			// before parents
			for (Organization org : this.newOrgs.values()) {
				Row row = rowOf.get(org.code());
				if (org.parentCode() == null) {
					if (!org.type().mayBeRoot()) {
						error(row, org.type().label() + "必须填写 parent_code（上级组织代码）");
					}
				}
				else {
					Organization parent = this.orgs.get(org.parentCode());
					if (parent == null) {
						error(row, "parent_code（上级组织代码）" + org.parentCode() + " 不存在");
					}
					else if (!org.type().allowedParents().contains(parent.type())) {
						error(row, org.type().label() + "不能隶属于" + parent.type().label() + "（" + parent.name() + "）");
					}
					else if (hasCycle(org)) {
						error(row, "parent_code（上级组织代码）" + org.parentCode() + " 形成循环隶属");
					}
				}
				if (org.partyOrgCode() != null) {
					Organization party = this.orgs.get(org.partyOrgCode());
					if (!org.type().isLeague()) {
						error(row, "party_org_code 只用于团组织：党组织本身不填");
					}
					else if (party == null) {
						error(row, "party_org_code（同级党组织代码）" + org.partyOrgCode() + " 不存在");
					}
					else if (party.type() != OrganizationType.PARTY) {
						error(row, "party_org_code（同级党组织代码）" + org.partyOrgCode() + " 不是党组织");
					}
				}
			}
		}

		private boolean hasCycle(Organization org) {
			Set<String> seen = new HashSet<>();
			Organization current = org;
			while (current != null && current.parentCode() != null) {
				if (!seen.add(current.code())) {
					return true;
				}
				current = this.orgs.get(current.parentCode());
			}
			return false;
		}

		void readMembers(List<Row> rows) {
			Map<String, Row> rowOfNo = new HashMap<>();
			Map<String, Row> rowOfUser = new HashMap<>();
			for (Row row : rows) {
				String leagueNo = row.get("league_no");
				String username = emptyToNull(row.get("username"));
				int before = this.errors.size();
				if (!LEAGUE_NO.matcher(leagueNo).matches()) {
					error(row, "league_no（团员编号）“" + leagueNo + "”无效：只能是 1–32 位字母、数字或 -");
				}
				else if (rowOfNo.containsKey(leagueNo)) {
					error(row, "league_no（团员编号）" + leagueNo + " 与第 " + rowOfNo.get(leagueNo).line() + " 行重复");
				}
				checkName(row, "name", "姓名");
				Organization org = this.orgs.get(row.get("org_code"));
				if (row.blank("org_code")) {
					error(row, "org_code（所在团支部代码）不能为空");
				}
				else if (org == null) {
					error(row, "org_code（所在团支部代码）" + row.get("org_code") + " 不存在");
				}
				else if (org.type() != OrganizationType.BRANCH) {
					error(row, "org_code " + org.code() + "（" + org.name() + "）不是团支部：团员隶属于团支部");
				}
				Boolean cadre = parseBoolean(row.get("cadre"));
				if (cadre == null) {
					error(row, "cadre（是否团干部）“" + row.get("cadre") + "”无效：应为 是/否");
				}
				if (username != null) {
					if (!USERNAME.matcher(username).matches()) {
						error(row, "username（账号）“" + username + "”无效：只能是 1–64 位字母或数字");
					}
					else if (rowOfUser.containsKey(username)) {
						error(row, "username（账号）" + username + " 与第 " + rowOfUser.get(username).line() + " 行重复");
					}
					else if (this.existingOwners.containsKey(username)
							&& !this.existingOwners.get(username).equals(leagueNo)) {
						error(row, "username（账号）" + username + " 已属于另一名团员");
					}
				}
				MemberProfile existing = this.existingMembers.get(leagueNo);
				LocalDate birth = date(row, "birth_date", (existing != null) ? existing.birthDate() : null);
				LocalDate joined = date(row, "joined_league_on", (existing != null) ? existing.joinedLeagueOn() : null);
				LocalDate applied = date(row, "party_applied_on",
						(existing != null) ? existing.partyAppliedOn() : null);
				if (this.errors.size() == before) {
					checkDates(row, birth, joined, applied);
				}
				if (this.errors.size() == before) {
					rowOfNo.put(leagueNo, row);
					if (username != null) {
						rowOfUser.put(username, row);
						this.newAccounts.put(username, accountWithName(username, row.get("name"), null));
					}
					this.newMembers.put(leagueNo, new MemberProfile(leagueNo, row.get("name"), org.code(), cadre,
							username, birth, joined, applied));
				}
			}
		}

		/**
		 * The date in the column: parsed when the file has the column (blank: none),
		 * otherwise what the member has now; a bad or future date is an error.
		 */
		private LocalDate date(Row row, String column, LocalDate current) {
			if (!row.has(column)) {
				return current;
			}
			String text = row.get(column);
			if (text.isEmpty()) {
				return null;
			}
			String label = column + "（" + label(column) + "）";
			Optional<LocalDate> date;
			try {
				date = ImportDates.parse(text);
			}
			catch (java.time.DateTimeException ex) {
				error(row, label + "“" + text + "”不是存在的日期");
				return null;
			}
			if (date.isEmpty()) {
				error(row, label + "“" + text + "”无法识别：日期请写作 " + ImportDates.SPELLINGS);
				return null;
			}
			if (date.get().isAfter(this.today)) {
				error(row, label + " " + date.get() + " 晚于今天");
				return null;
			}
			return date.get();
		}

		/**
		 * The dates against each other: joined the League after birth, between 14 and 28
		 * (the League's age of admission), applied to the Party after birth.
		 */
		private void checkDates(Row row, LocalDate birth, LocalDate joined, LocalDate applied) {
			if (birth == null) {
				return;
			}
			if (joined != null) {
				int age = Period.between(birth, joined).getYears();
				if (!joined.isAfter(birth)) {
					error(row, "joined_league_on（入团日期）" + joined + " 不在 birth_date（出生日期）" + birth + " 之后");
				}
				else if (age < MIN_JOINING_AGE) {
					error(row, "joined_league_on（入团日期）" + joined + " 时未满 " + MIN_JOINING_AGE + " 周岁（出生日期 " + birth
							+ "）：共青团接收年满 14 周岁的青年入团");
				}
				else if (age > MAX_JOINING_AGE) {
					error(row, "joined_league_on（入团日期）" + joined + " 时已超过 " + MAX_JOINING_AGE + " 周岁（出生日期 " + birth
							+ "）：共青团接收 14 至 28 周岁的青年入团");
				}
			}
			if (applied != null && !applied.isAfter(birth)) {
				error(row, "party_applied_on（入党申请日期）" + applied + " 不在 birth_date（出生日期）" + birth + " 之后");
			}
		}

		private static String label(String column) {
			return ImportColumns.MEMBERS.stream()
				.filter((c) -> c.key().equals(column))
				.findFirst()
				.map(ImportColumns.Column::label)
				.orElse(column);
		}

		void readRoles(List<Row> rows) {
			Map<String, Row> nameRow = new HashMap<>();
			for (Row row : rows) {
				String username = row.get("username");
				Optional<Role> role = Role.parse(row.get("role"));
				int before = this.errors.size();
				if (!USERNAME.matcher(username).matches()) {
					error(row, "username（账号）“" + username + "”无效：只能是 1–64 位字母或数字");
				}
				if (role.isEmpty()) {
					error(row, "role（角色）“" + row.get("role")
							+ "”无效：应为 secretary/书记、committee/委员、reviewer/党组织评议人、manager/管理者 或 admin/管理员");
				}
				Organization org = this.orgs.get(row.get("org_code"));
				if (row.blank("org_code")) {
					if (role.isPresent() && role.get() != Role.ADMIN) {
						error(row, "org_code（组织代码）不能为空：" + role.get().label() + "属于某个组织");
					}
				}
				else if (org == null) {
					error(row, "org_code（组织代码）" + row.get("org_code") + " 不存在");
				}
				else if (role.isPresent() && !role.get().isAllowedAt(org.type())) {
					error(row, org.type().label() + "（" + org.name() + "）没有“" + role.get().label() + "”这一角色");
				}
				String email = emptyToNull(row.get("email"));
				if (email != null && !EMAIL.matcher(email).matches()) {
					error(row, "email（电子邮箱）“" + email + "”格式不正确");
				}
				String name = row.get("name");
				if (!name.isEmpty()) {
					checkName(row, "name", "姓名");
					Row earlier = nameRow.get(username);
					if (earlier != null && !earlier.get("name").equals(name)) {
						error(row, "账号 " + username + " 的姓名“" + name + "”与第 " + earlier.line() + " 行的“"
								+ earlier.get("name") + "”不一致");
					}
				}
				else if (knownName(username) == null) {
					error(row, "name（姓名）不能为空：账号 " + username + " 不是已知团员");
				}
				if (this.errors.size() == before) {
					if (!name.isEmpty()) {
						nameRow.putIfAbsent(username, row);
					}
					String displayName = name.isEmpty() ? knownName(username) : name;
					Account current = this.newAccounts.getOrDefault(username, this.existingAccounts.get(username));
					String mail = (email != null) ? email : (current != null) ? current.email() : null;
					this.newAccounts.put(username, new Account(username, displayName, mail));
					this.newRoles.add(new RoleAssignment(username,
							(org != null) ? org.code() : RoleAssignment.NO_ORGANIZATION, role.get()));
				}
			}
		}

		private Account accountWithName(String username, String name, String email) {
			Account current = this.existingAccounts.get(username);
			return new Account(username, name, (email != null) ? email : (current != null) ? current.email() : null);
		}

		private String knownName(String username) {
			Account account = this.newAccounts.getOrDefault(username, this.existingAccounts.get(username));
			return (account != null) ? account.displayName() : null;
		}

		private void checkName(Row row, String column, String label) {
			String name = row.get(column);
			if (name.isEmpty()) {
				error(row, column + "（" + label + "）不能为空");
			}
			else if (name.length() > MAX_NAME) {
				error(row, column + "（" + label + "）超过 " + MAX_NAME + " 个字");
			}
		}

		ImportReport apply(OrganizationRepository repository) {
			int[] orgCounts = new int[3];
			// parents and Party organisations are written before the organisations that
			// refer to them
			Set<String> written = new HashSet<>();
			for (Organization org : this.newOrgs.values()) {
				writeOrganization(org, repository, written, orgCounts);
			}
			int[] accountCounts = new int[3];
			for (Account account : this.newAccounts.values()) {
				count(accountCounts, this.existingAccounts.get(account.username()), account, repository::save);
			}
			int[] memberCounts = new int[3];
			for (MemberProfile member : this.newMembers.values()) {
				count(memberCounts, this.existingMembers.get(member.leagueNo()), member, repository::save);
			}
			int[] roleCounts = new int[3];
			for (RoleAssignment role : this.newRoles) {
				if (this.existingRoles.contains(role)) {
					roleCounts[2]++;
				}
				else {
					repository.add(role);
					roleCounts[0]++;
				}
			}
			return new ImportReport(ImportReport.Counts.of(orgCounts), ImportReport.Counts.of(memberCounts),
					ImportReport.Counts.of(accountCounts), ImportReport.Counts.of(roleCounts));
		}

		private void writeOrganization(Organization org, OrganizationRepository repository, Set<String> written,
				int[] counts) {
			if (!written.add(org.code())) {
				return;
			}
			for (String dependency : new String[] { org.parentCode(), org.partyOrgCode() }) {
				if (dependency != null && this.newOrgs.containsKey(dependency)) {
					writeOrganization(this.newOrgs.get(dependency), repository, written, counts);
				}
			}
			count(counts, this.existingOrgs.get(org.code()), org, repository::save);
		}

		private static <T> void count(int[] counts, T existing, T proposed, java.util.function.Consumer<T> save) {
			if (existing == null) {
				save.accept(proposed);
				counts[0]++;
			}
			else if (!Objects.equals(existing, proposed)) {
				save.accept(proposed);
				counts[1]++;
			}
			else {
				counts[2]++;
			}
		}

	}

	private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
		return items.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static Boolean parseBoolean(String value) {
		return switch (value.toLowerCase()) {
			case "是", "true", "yes", "y", "1" -> Boolean.TRUE;
			case "否", "false", "no", "n", "0", "" -> Boolean.FALSE;
			default -> null;
		};
	}

}
