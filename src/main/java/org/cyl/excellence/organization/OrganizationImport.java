package org.cyl.excellence.organization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.cyl.excellence.organization.ImportColumns.Column;
import org.cyl.excellence.organization.ImportRejectedException.LineError;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports organisations, members and roles from CSV (UTF-8) or XLSX (columns in README.md
 * and {@link ImportColumns}; templates from {@link ImportTemplates}). All or nothing: one
 * transaction, and any bad line rejects the whole import with the bad lines listed (the
 * first {@value #LISTED_ERRORS}, and how many there are). Rows are upserted by their key
 * (code, League number, username + organisation + role), so importing the same files
 * again changes nothing. Camunda's identity is synchronised in the same transaction.
 * <p>
 * Streamed, for a province's million members: the organisations are held (tens of
 * thousands), the members and roles are read {@value #BATCH} lines at a time — what
 * exists of those lines looked up in one query, the lines written in batched statements
 * while no line has been bad — and of the lines read only their League numbers and
 * usernames are kept ({@link KeyIndex}), to name the earlier line of a duplicate. A bad
 * line stops the writing; the rest is still checked, and the transaction rolls back.
 */
@Service
public class OrganizationImport {

	private static final Logger log = LoggerFactory.getLogger(OrganizationImport.class);

	public static final String ORGANIZATIONS = "organizations";

	public static final String MEMBERS = "members";

	public static final String ROLES = "roles";

	/** Lines checked and written together. */
	static final int BATCH = 1000;

	/** Bad lines listed in a refusal; the others are counted. */
	static final int LISTED_ERRORS = 1000;

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

	/** As {@link #importFiles}, for files at hand (the demo data, tests). */
	@Transactional
	public ImportReport importCsv(Map<String, byte[]> files) {
		Map<String, ImportSource> sources = new LinkedHashMap<>();
		files.forEach((name, bytes) -> sources.put(name, ImportSource.of(bytes)));
		return importFiles(sources);
	}

	/**
	 * Imports the given files (keys {@link #ORGANIZATIONS}, {@link #MEMBERS},
	 * {@link #ROLES}; each optional, each CSV in UTF-8 or an XLSX workbook — told apart
	 * by their content) and synchronises Camunda's identity.
	 * @throws ImportRejectedException listing the bad lines; nothing was written
	 */
	@Transactional
	public ImportReport importFiles(Map<String, ImportSource> files) {
		long start = System.nanoTime();
		Run run = new Run(this.repository, LocalDate.now(this.clock));
		try {
			eachRow(files.get(ORGANIZATIONS), ORGANIZATIONS, ImportColumns.ORGANIZATIONS, run.errors,
					run.organizationRows::add);
			run.readOrganizations();
			eachBatch(files.get(MEMBERS), MEMBERS, ImportColumns.MEMBERS, run.errors, run::readMembers);
			eachBatch(files.get(ROLES), ROLES, ImportColumns.ROLES, run.errors, run::readRoles);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (run.errors.total > 0) {
			throw new ImportRejectedException(run.errors.listed, run.errors.total);
		}
		ImportReport report = run.report();
		long written = System.nanoTime();
		this.identitySync.sync();
		log.info("Imported in {} ms (identity synchronised in {} ms of them): {}",
				(System.nanoTime() - start) / 1_000_000, (System.nanoTime() - written) / 1_000_000, report);
		return report;
	}

	private static void eachBatch(ImportSource source, String name, List<Column> columns, Errors errors,
			Consumer<List<Row>> batch) throws IOException {
		List<Row> rows = new ArrayList<>(BATCH);
		eachRow(source, name, columns, errors, (row) -> {
			rows.add(row);
			if (rows.size() == BATCH) {
				batch.accept(rows);
				rows.clear();
			}
		});
		if (!rows.isEmpty()) {
			batch.accept(rows);
		}
	}

	/**
	 * Gives each data row of one file, with its line number, as it is read; nothing when
	 * the file was not given. A column is found by its English name or its Chinese label
	 * (also written together, as in 出生日期（birth_date）); an optional column the file lacks
	 * is absent from the rows, so that what it holds stays as it is.
	 */
	private static void eachRow(ImportSource source, String name, List<Column> columns, Errors errors,
			Consumer<Row> each) throws IOException {
		if (source == null) {
			return;
		}
		boolean workbook = ImportTable.isWorkbook(source);
		String file = ImportTable.fileName(name, workbook);
		List<String> required = columns.stream().filter(Column::required).map(Column::key).toList();
		Map<String, Integer> header = new HashMap<>();
		boolean[] state = new boolean[2]; // [header read, header refused]
		int before = errors.total;
		ImportTable.read(file, source, workbook, (line) -> {
			if (state[1]) {
				return;
			}
			if (!state[0]) {
				state[0] = true;
				for (int i = 0; i < line.cells().size(); i++) {
					for (Column column : columns) {
						if (column.matches(line.cells().get(i))) {
							header.putIfAbsent(column.key(), i);
						}
					}
				}
				List<String> missing = columns.stream()
					.filter((c) -> c.required() && !header.containsKey(c.key()))
					.map(Column::describe)
					.toList();
				if (!missing.isEmpty()) {
					state[1] = true;
					errors.add(new LineError(file, line.number(), "缺少列：" + String.join(",", missing) + "（应为 "
							+ columns.stream().map(Column::describe).collect(Collectors.joining(",")) + "）"));
				}
				return;
			}
			Map<String, String> values = new HashMap<>();
			for (Column column : columns) {
				Integer index = header.get(column.key());
				if (index != null) {
					values.put(column.key(), (index < line.cells().size()) ? line.cells().get(index) : "");
				}
			}
			each.accept(new Row(file, line.number(), values));
		}, errors::add);
		if (!state[0] && errors.total == before) {
			errors.add(new LineError(file, 1, "文件为空，第一行应为列名：" + String.join(",", required)));
		}
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

	/** The bad lines: the first {@value #LISTED_ERRORS} kept, all counted. */
	private static final class Errors {

		final List<LineError> listed = new ArrayList<>();

		int total;

		void add(LineError error) {
			this.total++;
			if (this.listed.size() < LISTED_ERRORS) {
				this.listed.add(error);
			}
		}

	}

	/**
	 * One import as it goes: every organisation (those there and those of the file), the
	 * keys of the lines read, the counts, and whether it still writes.
	 */
	private static final class Run {

		/** What became of an account in this import, for the counts. */
		static final int CREATED = 0;

		static final int UPDATED = 1;

		static final int UNCHANGED = 2;

		final Errors errors = new Errors();

		final OrganizationRepository repository;

		final LocalDate today;

		final List<Row> organizationRows = new ArrayList<>();

		final Map<String, Organization> existingOrgs;

		final Map<String, Organization> orgs;

		final Map<String, Organization> newOrgs = new LinkedHashMap<>();

		/** League number → the line of the members file that gave it. */
		final KeyIndex memberLines = new KeyIndex();

		/** Username → the line of the members file that gave it. */
		final KeyIndex usernameLines = new KeyIndex();

		/** Username → {@link #CREATED}, {@link #UPDATED} or {@link #UNCHANGED}. */
		final KeyIndex accounts = new KeyIndex();

		/**
		 * Username → the first roles line naming the person (for names that disagree).
		 */
		final Map<String, Row> roleNameRows = new HashMap<>();

		final Set<RoleAssignment> roles = new HashSet<>();

		final int[] orgCounts = new int[3];

		final int[] memberCounts = new int[3];

		final int[] roleCounts = new int[3];

		Run(OrganizationRepository repository, LocalDate today) {
			this.repository = repository;
			this.today = today;
			this.existingOrgs = index(repository.findAllOrganizations(), Organization::code);
			this.orgs = new LinkedHashMap<>(this.existingOrgs);
		}

		/** Whether lines are still written: no line so far was bad. */
		boolean writing() {
			return this.errors.total == 0;
		}

		void error(Row row, String message) {
			this.errors.add(new LineError(row.file(), row.line(), message));
		}

		ImportReport report() {
			int[] accountCounts = { this.accounts.countOf(CREATED), this.accounts.countOf(UPDATED),
					this.accounts.countOf(UNCHANGED) };
			return new ImportReport(ImportReport.Counts.of(this.orgCounts), ImportReport.Counts.of(this.memberCounts),
					ImportReport.Counts.of(accountCounts), ImportReport.Counts.of(this.roleCounts));
		}

		void readOrganizations() {
			Map<String, Row> rowOf = new HashMap<>();
			for (Row row : this.organizationRows) {
				String code = row.get("code");
				Optional<OrganizationType> type = OrganizationType.parse(row.get("type"));
				int before = this.errors.total;
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
				if (this.errors.total == before) {
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
			this.organizationRows.clear();
			// parents and Party organisations are inserted before the organisations that
			// refer to them
			List<Organization> inserts = new ArrayList<>();
			List<Organization> updates = new ArrayList<>();
			Set<String> ordered = new HashSet<>();
			for (Organization org : this.newOrgs.values()) {
				order(org, ordered, inserts, updates);
			}
			if (writing()) {
				this.repository.insertOrganizations(inserts);
				this.repository.updateOrganizations(updates);
			}
		}

		private void order(Organization org, Set<String> ordered, List<Organization> inserts,
				List<Organization> updates) {
			if (!ordered.add(org.code())) {
				return;
			}
			for (String dependency : new String[] { org.parentCode(), org.partyOrgCode() }) {
				if (dependency != null && this.newOrgs.containsKey(dependency)) {
					order(this.newOrgs.get(dependency), ordered, inserts, updates);
				}
			}
			sort(this.existingOrgs.get(org.code()), org, inserts, updates, this.orgCounts);
		}

		/**
		 * A row to insert (none there), to update (there and different) or to leave, and
		 * counted as created, updated or unchanged.
		 */
		private static <T> void sort(T existing, T proposed, List<T> inserts, List<T> updates, int[] counts) {
			if (existing == null) {
				inserts.add(proposed);
				counts[0]++;
			}
			else if (!existing.equals(proposed)) {
				updates.add(proposed);
				counts[1]++;
			}
			else {
				counts[2]++;
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

		/** A thousand lines of the members file: checked, then written. */
		void readMembers(List<Row> rows) {
			Set<String> numbers = new HashSet<>();
			Set<String> usernames = new HashSet<>();
			for (Row row : rows) {
				if (LEAGUE_NO.matcher(row.get("league_no")).matches()) {
					numbers.add(row.get("league_no"));
				}
				if (USERNAME.matcher(row.get("username")).matches()) {
					usernames.add(row.get("username"));
				}
			}
			Map<String, MemberProfile> existingMembers = this.repository.findMemberProfiles(numbers);
			// account → League number of the member who has it, as it stands after each
			// line: a line may free an account that a later line takes
			Map<String, String> owners = this.repository.accountOwners(usernames);
			Accounts accounts = new Accounts(this.repository.findAccounts(usernames));
			List<MemberProfile> inserts = new ArrayList<>();
			List<MemberProfile> updates = new ArrayList<>();
			for (Row row : rows) {
				String leagueNo = row.get("league_no");
				String username = emptyToNull(row.get("username"));
				int before = this.errors.total;
				int earlier = -1;
				if (!LEAGUE_NO.matcher(leagueNo).matches()) {
					error(row, "league_no（团员编号）“" + leagueNo + "”无效：只能是 1–32 位字母、数字或 -");
				}
				else if ((earlier = this.memberLines.get(leagueNo)) >= 0) {
					error(row, "league_no（团员编号）" + leagueNo + " 与第 " + earlier + " 行重复");
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
					else if ((earlier = this.usernameLines.get(username)) >= 0) {
						error(row, "username（账号）" + username + " 与第 " + earlier + " 行重复");
					}
					else if (owners.containsKey(username) && !owners.get(username).equals(leagueNo)) {
						error(row, "username（账号）" + username + " 已属于另一名团员");
					}
				}
				MemberProfile existing = existingMembers.get(leagueNo);
				LocalDate birth = date(row, "birth_date", (existing != null) ? existing.birthDate() : null);
				LocalDate joined = date(row, "joined_league_on", (existing != null) ? existing.joinedLeagueOn() : null);
				LocalDate applied = date(row, "party_applied_on",
						(existing != null) ? existing.partyAppliedOn() : null);
				if (this.errors.total == before) {
					checkDates(row, birth, joined, applied);
				}
				if (this.errors.total != before) {
					continue;
				}
				this.memberLines.putIfAbsent(leagueNo, row.line());
				if (existing != null && existing.username() != null && !existing.username().equals(username)) {
					owners.remove(existing.username());
				}
				if (username != null) {
					this.usernameLines.putIfAbsent(username, row.line());
					owners.put(username, leagueNo);
					Account current = accounts.current(username);
					accounts.want(new Account(username, row.get("name"), (current != null) ? current.email() : null));
				}
				MemberProfile member = new MemberProfile(leagueNo, row.get("name"), org.code(), cadre, username, birth,
						joined, applied);
				sort(existing, member, inserts, updates, this.memberCounts);
			}
			if (writing()) {
				accounts.write();
				// updates first, in line order: a member who gives up an account before
				// another takes it
				this.repository.updateMembers(updates);
				this.repository.insertMembers(inserts);
			}
		}

		/**
		 * The accounts of a batch: as stored when the batch began, and as its lines want
		 * them.
		 */
		private final class Accounts {

			final Map<String, Account> stored;

			final Map<String, Account> wanted = new LinkedHashMap<>();

			Accounts(Map<String, Account> stored) {
				this.stored = stored;
			}

			Account current(String username) {
				return this.wanted.getOrDefault(username, this.stored.get(username));
			}

			void want(Account account) {
				this.wanted.put(account.username(), account);
			}

			/** Writes what changed and counts each account once in the whole import. */
			void write() {
				List<Account> inserts = new ArrayList<>();
				List<Account> updates = new ArrayList<>();
				for (Account account : this.wanted.values()) {
					Account stored = this.stored.get(account.username());
					int before = Run.this.accounts.get(account.username());
					if (stored == null) {
						inserts.add(account);
						Run.this.accounts.put(account.username(), CREATED);
					}
					else if (!stored.equals(account)) {
						updates.add(account);
						Run.this.accounts.put(account.username(), (before == CREATED) ? CREATED : UPDATED);
					}
					else if (before < 0) {
						Run.this.accounts.put(account.username(), UNCHANGED);
					}
				}
				Run.this.repository.insertAccounts(inserts);
				Run.this.repository.updateAccounts(updates);
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

		/** A thousand lines of the roles file: checked, then written. */
		void readRoles(List<Row> rows) {
			Set<String> usernames = new HashSet<>();
			for (Row row : rows) {
				if (USERNAME.matcher(row.get("username")).matches()) {
					usernames.add(row.get("username"));
				}
			}
			Accounts accounts = new Accounts(this.repository.findAccounts(usernames));
			Set<RoleAssignment> existingRoles = this.repository.findRolesOf(usernames);
			List<RoleAssignment> inserts = new ArrayList<>();
			for (Row row : rows) {
				String username = row.get("username");
				Optional<Role> role = Role.parse(row.get("role"));
				int before = this.errors.total;
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
				Account current = accounts.current(username);
				if (!name.isEmpty()) {
					checkName(row, "name", "姓名");
					Row earlier = this.roleNameRows.get(username);
					if (earlier != null && !earlier.get("name").equals(name)) {
						error(row, "账号 " + username + " 的姓名“" + name + "”与第 " + earlier.line() + " 行的“"
								+ earlier.get("name") + "”不一致");
					}
				}
				// an account of the members file is unknown here only when the import
				// stopped writing (it is refused already): no second error for it
				else if (current == null && (writing() || this.usernameLines.get(username) < 0)) {
					error(row, "name（姓名）不能为空：账号 " + username + " 不是已知团员");
				}
				if (this.errors.total != before) {
					continue;
				}
				if (!name.isEmpty()) {
					this.roleNameRows.putIfAbsent(username, row);
				}
				String displayName = !name.isEmpty() ? name : (current != null) ? current.displayName() : username;
				String mail = (email != null) ? email : (current != null) ? current.email() : null;
				accounts.want(new Account(username, displayName, mail));
				RoleAssignment assignment = new RoleAssignment(username,
						(org != null) ? org.code() : RoleAssignment.NO_ORGANIZATION, role.get());
				if (this.roles.add(assignment)) {
					if (existingRoles.contains(assignment)) {
						this.roleCounts[2]++;
					}
					else {
						inserts.add(assignment);
						this.roleCounts[0]++;
					}
				}
			}
			if (writing()) {
				accounts.write();
				this.repository.insertRoles(inserts);
			}
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
