package org.cyl.excellence.organization;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cyl.excellence.organization.ImportRejectedException.LineError;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports organisations, members and roles from CSV (columns in README.md, UTF-8). All or
 * nothing: every line is checked before anything is written, and any bad line rejects the
 * whole import with every bad line listed. Rows are upserted by their key (code, League
 * number, username + organisation + role), so importing the same files again changes
 * nothing. Camunda's identity is synchronised in the same transaction.
 */
@Service
public class OrganizationImport {

	public static final String ORGANIZATIONS = "organizations";

	public static final String MEMBERS = "members";

	public static final String ROLES = "roles";

	static final List<String> ORGANIZATION_COLUMNS = List.of("code", "name", "type", "parent_code", "party_org_code");

	static final List<String> MEMBER_COLUMNS = List.of("league_no", "name", "org_code", "cadre", "username");

	static final List<String> ROLE_COLUMNS = List.of("username", "name", "org_code", "role", "email");

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,32}");

	private static final Pattern LEAGUE_NO = Pattern.compile("[A-Za-z0-9-]{1,32}");

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9]{1,64}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final int MAX_NAME = 100;

	private final OrganizationRepository repository;

	private final IdentitySync identitySync;

	OrganizationImport(OrganizationRepository repository, IdentitySync identitySync) {
		this.repository = repository;
		this.identitySync = identitySync;
	}

	/**
	 * Imports the given files (keys {@link #ORGANIZATIONS}, {@link #MEMBERS},
	 * {@link #ROLES}; each optional) and synchronises Camunda's identity.
	 * @throws ImportRejectedException listing every bad line; nothing was written
	 */
	@Transactional
	public ImportReport importCsv(Map<String, byte[]> files) {
		Plan plan = new Plan(this.repository);
		plan.readOrganizations(rows(files, ORGANIZATIONS, ORGANIZATION_COLUMNS, plan.errors));
		plan.readMembers(rows(files, MEMBERS, MEMBER_COLUMNS, plan.errors));
		plan.readRoles(rows(files, ROLES, ROLE_COLUMNS, plan.errors));
		if (!plan.errors.isEmpty()) {
			throw new ImportRejectedException(plan.errors);
		}
		ImportReport report = plan.apply(this.repository);
		this.identitySync.sync();
		return report;
	}

	/**
	 * The data rows of one file with their line numbers, or none when the file was not
	 * given.
	 */
	private static List<Row> rows(Map<String, byte[]> files, String name, List<String> columns,
			List<LineError> errors) {
		byte[] bytes = files.get(name);
		if (bytes == null) {
			return List.of();
		}
		String file = name + ".csv";
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			errors.add(new LineError(file, 1, "文件不是 UTF-8 编码（用 Excel 保存时请选择“CSV UTF-8”）"));
			return List.of();
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<CSVRecord> records;
		try {
			records = CSVFormat.DEFAULT.builder()
				.setTrim(true)
				.setIgnoreEmptyLines(true)
				.get()
				.parse(new StringReader(text))
				.getRecords();
		}
		catch (IOException | RuntimeException ex) {
			errors.add(new LineError(file, 1, "无法解析 CSV：" + ex.getMessage()));
			return List.of();
		}
		if (records.isEmpty()) {
			errors.add(new LineError(file, 1, "文件为空，第一行应为列名：" + String.join(",", columns)));
			return List.of();
		}
		Map<String, Integer> header = new HashMap<>();
		CSVRecord first = records.get(0);
		for (int i = 0; i < first.size(); i++) {
			header.put(first.get(i).toLowerCase(), i);
		}
		List<String> missing = columns.stream().filter((c) -> !header.containsKey(c)).toList();
		if (!missing.isEmpty()) {
			errors.add(new LineError(file, 1,
					"缺少列：" + String.join(",", missing) + "（应为 " + String.join(",", columns) + "）"));
			return List.of();
		}
		List<Row> rows = new ArrayList<>();
		for (int i = 1; i < records.size(); i++) {
			CSVRecord record = records.get(i);
			Map<String, String> values = new HashMap<>();
			for (String column : columns) {
				int index = header.get(column);
				values.put(column, (index < record.size()) ? record.get(index).trim() : "");
			}
			rows.add(new Row(file, (int) record.getRecordNumber(), values));
		}
		return rows;
	}

	private record Row(String file, int line, Map<String, String> values) {

		String get(String column) {
			return this.values.get(column);
		}

		boolean blank(String column) {
			return get(column).isEmpty();
		}

	}

	/** The import as it would be written: the current tables plus every row, checked. */
	private static final class Plan {

		final List<LineError> errors = new ArrayList<>();

		final Map<String, Organization> existingOrgs;

		final Map<String, Member> existingMembers;

		final Map<String, Account> existingAccounts;

		final Set<RoleAssignment> existingRoles;

		final Map<String, Organization> orgs;

		final Map<String, Organization> newOrgs = new LinkedHashMap<>();

		final Map<String, Member> newMembers = new LinkedHashMap<>();

		final Map<String, Account> newAccounts = new LinkedHashMap<>();

		final Set<RoleAssignment> newRoles = new HashSet<>();

		Plan(OrganizationRepository repository) {
			this.existingOrgs = index(repository.findAllOrganizations(), Organization::code);
			this.existingMembers = index(repository.findAllMembers(), Member::leagueNo);
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
					else if (this.existingMembers.values()
						.stream()
						.anyMatch((m) -> username.equals(m.username()) && !m.leagueNo().equals(leagueNo))) {
						error(row, "username（账号）" + username + " 已属于另一名团员");
					}
				}
				if (this.errors.size() == before) {
					rowOfNo.put(leagueNo, row);
					if (username != null) {
						rowOfUser.put(username, row);
						this.newAccounts.put(username, accountWithName(username, row.get("name"), null));
					}
					this.newMembers.put(leagueNo, new Member(leagueNo, row.get("name"), org.code(), cadre, username));
				}
			}
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
			for (Member member : this.newMembers.values()) {
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
