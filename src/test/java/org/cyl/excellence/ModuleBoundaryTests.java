package org.cyl.excellence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring Modulith cannot see, read from the sources: the tables. A module's tables
 * are those its migrations create ({@code db/migration/<module>/}), or claim with
 * {@code comment on table} (tables an earlier migration of another folder created, before
 * the modules existed); the later migration wins. The main code of a module names in its
 * SQL only its own tables, its migrations change only its own tables, and it imports only
 * the modules its {@code package-info.java} allows — also where it uses nothing but a
 * constant of them, which javac inlines and the bytecode (ModularityTests) no longer
 * shows.
 */
class ModuleBoundaryTests {

	static final Path MAIN = Path.of("src/main/java/org/cyl/excellence");

	static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

	private static final Pattern CREATES = Pattern
		.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");

	private static final Pattern CLAIMS = Pattern.compile("(?i)\\bcomment\\s+on\\s+table\\s+(\\w+)");

	private static final Pattern CHANGES = Pattern.compile(
			"(?i)\\b(?:alter\\s+table|insert\\s+into|update|delete\\s+from|create\\s+(?:unique\\s+)?index\\s+\\w+\\s+on)\\s+(\\w+)");

	/** A table named in SQL: after from, join, into, update or table. */
	private static final Pattern NAMES_TABLE = Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+(\\w+)");

	private static final Pattern IMPORT = Pattern
		.compile("(?m)^import\\s+(?:static\\s+)?org\\.cyl\\.excellence\\.(\\w+)\\.");

	private static final Pattern ALLOWED = Pattern.compile("allowedDependencies\\s*=\\s*\\{([^}]*)}");

	private static final Pattern SHARED = Pattern.compile("sharedModules\\s*=\\s*\\{?([^})]*)");

	@Test
	void everyMigrationLiesInTheFolderOfAModule() throws IOException {
		try (Stream<Path> top = Files.list(MIGRATIONS)) {
			assertThat(top.filter(Files::isRegularFile).map(Path::getFileName).map(Path::toString).toList())
				.as("migrations directly in db/migration (each belongs in db/migration/<module>/)")
				.isEmpty();
		}
		try (Stream<Path> folders = Files.list(MIGRATIONS)) {
			assertThat(folders.map((f) -> f.getFileName().toString()).toList())
				.allSatisfy((folder) -> assertThat(modules()).as("module of db/migration/" + folder).contains(folder));
		}
	}

	@Test
	void everyTableHasOneModuleAndMigrationsChangeOnlyTheirModulesTables() {
		Map<String, String> owners = tableOwners();
		assertThat(owners).isNotEmpty();
		List<String> wrong = new ArrayList<>();
		for (Migration m : migrations()) {
			Matcher changes = CHANGES.matcher(stripSqlComments(m.sql()));
			while (changes.find()) {
				String table = changes.group(1).toLowerCase();
				if (owners.containsKey(table) && !owners.get(table).equals(m.module())) {
					wrong.add(m.path() + " changes " + table + " of " + owners.get(table));
				}
			}
		}
		// migrations applied before the modules existed are never edited: V2 created the
		// branch's and supervision's tables, which V10 and V11 claimed
		wrong.removeIf((w) -> w.startsWith(MIGRATIONS.resolve("campaign").resolve("V2__campaigns.sql").toString()));
		assertThat(wrong).isEmpty();
	}

	@Test
	void mainCodeNamesOnlyItsOwnModulesTablesInSql() {
		Map<String, String> owners = tableOwners();
		Map<String, Integer> reads = new TreeMap<>();
		List<String> where = new ArrayList<>();
		for (String module : modules()) {
			for (Path source : sources(module)) {
				for (Literal literal : literals(read(source))) {
					Matcher names = NAMES_TABLE.matcher(literal.text());
					while (names.find()) {
						String table = names.group(1).toLowerCase();
						String owner = owners.get(table);
						if (owner != null && !owner.equals(module)) {
							reads.merge(MAIN.relativize(source) + " names " + table, 1, Integer::sum);
							where.add(MAIN.relativize(source) + ":" + literal.line() + " (" + module + ") names "
									+ table + " of " + owner);
						}
					}
				}
			}
		}
		assertThat(reads).as("SQL naming another module's tables (ask that module's query class instead): %s", where)
			.isEmpty();
	}

	@Test
	void mainCodeImportsOnlyTheModulesItsPackageInfoAllows() {
		Set<String> shared = names(SHARED, read(MAIN.resolve("ExcellenceCampaignApplication.java")));
		List<String> wrong = new ArrayList<>();
		for (String module : modules()) {
			Set<String> allowed = new TreeSet<>(
					names(ALLOWED, read(MAIN.resolve(module).resolve("package-info.java"))));
			allowed.addAll(shared);
			allowed.add(module);
			for (Path source : sources(module)) {
				Matcher imports = IMPORT.matcher(read(source));
				while (imports.find()) {
					if (!allowed.contains(imports.group(1))) {
						wrong.add(MAIN.relativize(source) + " imports " + imports.group(1));
					}
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void theScanFindsTablesInStringsAndTextBlocksButNotInComments() {
		String source = """
				// select * from member
				class X {
					/* update campaign set */
					String a = "select count(*) from member_pledge p join member m on m.league_no = p.league_no";
					String b = \"""
							insert into overdue_task (task_id)
							values (?)\""";
					char c = '"';
					String d = "from \\" quoted";
				}
				""";
		List<String> tables = new ArrayList<>();
		for (Literal literal : literals(source)) {
			Matcher names = NAMES_TABLE.matcher(literal.text());
			while (names.find()) {
				tables.add(names.group(1) + "@" + literal.line());
			}
		}
		assertThat(tables).containsExactly("member_pledge@4", "member@4", "overdue_task@5");
	}

	// ---- the map of tables

	record Migration(Path path, String module, int version, String sql) {
	}

	/** Table → module, from the migrations in version order; a later claim wins. */
	static Map<String, String> tableOwners() {
		Map<String, String> owners = new TreeMap<>();
		for (Migration m : migrations()) {
			String sql = stripSqlComments(m.sql());
			for (Pattern p : List.of(CREATES, CLAIMS)) {
				Matcher tables = p.matcher(sql);
				while (tables.find()) {
					owners.put(tables.group(1).toLowerCase(), m.module());
				}
			}
		}
		return owners;
	}

	static List<Migration> migrations() {
		try (Stream<Path> files = Files.walk(MIGRATIONS)) {
			return files.filter((f) -> MIGRATION.matcher(f.getFileName().toString()).matches()).map((f) -> {
				Matcher v = MIGRATION.matcher(f.getFileName().toString());
				v.matches();
				return new Migration(f, MIGRATIONS.relativize(f).getName(0).toString(), Integer.parseInt(v.group(1)),
						read(f));
			}).sorted(Comparator.comparingInt(Migration::version)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String stripSqlComments(String sql) {
		return sql.replaceAll("--[^\\n]*", "");
	}

	// ---- the modules and their sources

	/** The top-level packages under org.cyl.excellence: the modules. */
	static Set<String> modules() {
		try (Stream<Path> packages = Files.list(MAIN)) {
			return new TreeSet<>(packages.filter(Files::isDirectory).map((p) -> p.getFileName().toString()).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Path> sources(String module) {
		try (Stream<Path> files = Files.walk(MAIN.resolve(module))) {
			return files.filter((f) -> f.toString().endsWith(".java")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Set<String> names(Pattern list, String source) {
		Matcher m = list.matcher(source);
		Set<String> names = new TreeSet<>();
		while (m.find()) {
			for (String name : m.group(1).split(",")) {
				if (!name.isBlank()) {
					names.add(name.strip().replace("\"", ""));
				}
			}
		}
		return names;
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ---- string literals of Java source

	record Literal(int line, String text) {
	}

	/**
	 * The string literals and text blocks of a Java source with the line each starts on;
	 * comments and character literals skipped. Escapes are kept as written.
	 */
	static List<Literal> literals(String source) {
		List<Literal> literals = new ArrayList<>();
		int line = 1;
		int i = 0;
		int n = source.length();
		while (i < n) {
			char c = source.charAt(i);
			if (c == '\n') {
				line++;
				i++;
			}
			else if (source.startsWith("//", i)) {
				while (i < n && source.charAt(i) != '\n') {
					i++;
				}
			}
			else if (source.startsWith("/*", i)) {
				int end = source.indexOf("*/", i + 2);
				end = (end < 0) ? n : end + 2;
				line += count(source, i, end);
				i = end;
			}
			else if (source.startsWith("\"\"\"", i)) {
				int start = i + 3;
				int end = start;
				while (end < n && !(source.startsWith("\"\"\"", end) && source.charAt(end - 1) != '\\')) {
					end++;
				}
				literals.add(new Literal(line, source.substring(start, Math.min(end, n))));
				line += count(source, i, Math.min(end + 3, n));
				i = Math.min(end + 3, n);
			}
			else if (c == '"' || c == '\'') {
				int end = i + 1;
				while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
					end += (source.charAt(end) == '\\') ? 2 : 1;
				}
				if (c == '"') {
					literals.add(new Literal(line, source.substring(i + 1, Math.min(end, n))));
				}
				i = end + 1;
			}
			else {
				i++;
			}
		}
		return literals;
	}

	private static int count(String s, int from, int to) {
		int lines = 0;
		for (int i = from; i < to; i++) {
			if (s.charAt(i) == '\n') {
				lines++;
			}
		}
		return lines;
	}

}
