package org.cyl.excellence.organization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.TestHttp.NamedBytes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The organisation import with the members' dates, from CSV and from XLSX (numbers, text
 * and date cells), its refusals (each named with its line, nothing written), the
 * templates (which import as they are) and the import page, as the administrator and as
 * others. Data that must be committed goes under organisations of its own (roots T16…);
 * the rest is imported in a transaction rolled back afterwards.
 */
@ApplicationTest
class OrganizationImportTests {

	private static final String IMPORT = "/api/organizations/import";

	private static final String PAGE = "/admin/organization-import";

	private static final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrganizationImport organizationImport;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Clock clock;

	@Autowired
	OrganizationDirectory directory;

	TestHttp admin() {
		return TestHttp.basic(this.port, "admin", "admin");
	}

	@Test
	void csvDatesInEveryCommonSpellingAreImportedAndShownWithTheMembers() throws Exception {
		Map<String, NamedBytes> files = new LinkedHashMap<>();
		files.put("organizations", NamedBytes.utf8("o.csv",
				"code,name,type,parent_code,party_org_code\nT161,共青团测试一委员会,团委,,\nT16101,测试一班团支部,团支部,T161,\n"));
		files.put("members",
				NamedBytes.utf8("m.csv",
						"league_no,name,org_code,cadre,username,birth_date,joined_league_on,party_applied_on\n"
								+ "T1610101,甲,T16101,是,t1610101,2004-03-05,2019/5/4,2023.9.1\n"
								+ "T1610102,乙,T16101,否,,20050610,2020年5月4日,\n" + "T1610103,丙,T16101,否,,,,\n"));
		files.put("roles", NamedBytes.utf8("r.csv", "username,name,org_code,role,email\nt1610101,,T16101,书记,\n"));
		HttpResponse<String> response = admin().postFiles(IMPORT, files);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

		JsonNode members = json
			.readTree(TestHttp.basic(this.port, "t1610101", "demo").get("/api/organizations/T16101/members").body());
		assertThat(members).hasSize(3);
		assertThat(members.get(0).get("birthDate").asText()).isEqualTo("2004-03-05");
		assertThat(members.get(0).get("joinedLeagueOn").asText()).isEqualTo("2019-05-04");
		assertThat(members.get(0).get("partyAppliedOn").asText()).isEqualTo("2023-09-01");
		assertThat(members.get(1).get("birthDate").asText()).isEqualTo("2005-06-10");
		assertThat(members.get(1).get("joinedLeagueOn").asText()).isEqualTo("2020-05-04");
		assertThat(members.get(1).get("partyAppliedOn").isNull()).isTrue();
		assertThat(members.get(2).get("birthDate").isNull()).isTrue();

		// a file without the date columns leaves the dates as they are
		HttpResponse<String> again = admin().postFiles(IMPORT, Map.of("members",
				NamedBytes.utf8("m.csv", "league_no,name,org_code,cadre,username\nT1610101,甲,T16101,是,t1610101\n")));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(json.readTree(again.body()).at("/members/unchanged").asInt()).isEqualTo(1);
		assertThat(this.jdbc.sql("select birth_date from member where league_no = 'T1610101'")
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(2004, 3, 5));

		// the dates are shown only to those who see the members today
		HttpResponse<String> other = TestHttp.basic(this.port, "sec120101", "demo")
			.get("/api/organizations/T16101/members");
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.body()).doesNotContain("2004-03-05");
	}

	@Test
	void xlsxWithChineseHeadersNumbersTextAndDateCellsIsImportedAsTyped() throws Exception {
		byte[] organizations = workbook(List.of(List.of("组织代码", "组织名称", "组织类型", "上级组织代码", "同级党组织代码"),
				List.of("T162", "共青团测试二委员会", "团委", "", ""), List.of("T16201", "测试二班团支部", "团支部", "T162", "")));
		byte[] members = workbook(
				List.of(List.of("团员编号", "姓名", "所在团支部代码", "是否团干部", "账号", "出生日期（birth_date）", "入团日期", "入党申请日期"),
						// a League number typed as a number, dates as date cells
						List.of(16201001d, "丁", "T16201", "是", "", LocalDate.of(2003, 1, 31), LocalDate.of(2018, 5, 4),
								LocalDate.of(2022, 10, 8)),
						// a League number typed as text keeps its zeros; a date typed as
						// text or as
						// a plain number
						List.of("0016201002", "戊", "T16201", false, "", "2004/2/29", 20190504d, "")));
		HttpResponse<String> response = admin().postFiles(IMPORT, Map.of("organizations",
				new NamedBytes("组织.xlsx", organizations), "members", new NamedBytes("团员.xlsx", members)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(json.readTree(response.body()).at("/members/created").asInt()).isEqualTo(2);

		List<MemberProfile> profiles = this.jdbc.sql(
				"select league_no, birth_date, joined_league_on, party_applied_on from member where org_code = 'T16201'"
						+ " order by league_no")
			.query((rs, n) -> new MemberProfile(rs.getString(1), null, null, false, null,
					rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class)))
			.list();
		assertThat(profiles).extracting(MemberProfile::leagueNo).containsExactly("0016201002", "16201001");
		assertThat(profiles.get(1).birthDate()).isEqualTo(LocalDate.of(2003, 1, 31));
		assertThat(profiles.get(1).joinedLeagueOn()).isEqualTo(LocalDate.of(2018, 5, 4));
		assertThat(profiles.get(1).partyAppliedOn()).isEqualTo(LocalDate.of(2022, 10, 8));
		assertThat(profiles.get(0).birthDate()).isEqualTo(LocalDate.of(2004, 2, 29));
		assertThat(profiles.get(0).joinedLeagueOn()).isEqualTo(LocalDate.of(2019, 5, 4));
		assertThat(profiles.get(0).partyAppliedOn()).isNull();
	}

	@Test
	void everyBadDateIsNamedWithItsLineAndColumnAndNothingIsWritten() throws Exception {
		LocalDate today = LocalDate.now(this.clock);
		long membersBefore = count("member");
		String csv = "league_no,name,org_code,cadre,username,birth_date,joined_league_on,party_applied_on\n"
				+ "T1690001,一,120101,否,,2004-03-05,2019-05-04,2023-09-01\n" // 2: fine
				+ "T1690002,二,120101,否,," + today.plusDays(1) + ",,\n" // 3: future
				+ "T1690003,三,120101,否,,2004-02-30,,\n" // 4: no such day
				+ "T1690004,四,120101,否,,五月四日,,\n" // 5: unreadable
				+ "T1690005,五,120101,否,,2004-03-05,2004-03-05,\n" // 6: joined at birth
				+ "T1690006,六,120101,否,,2004-03-05,2018-03-04,\n" // 7: joined at 13
				+ "T1690007,七,120101,否,,1990-03-05,2019-03-06,\n" // 8: joined at 29
				+ "T1690008,八,120101,否,,2004-03-05,,2004-03-01\n" // 9: applied before
																	// birth
				+ "T1690009,九,120101,否,,,," + today.plusDays(3) + "\n"; // 10: future
		HttpResponse<String> response = admin().postFiles(IMPORT, Map.of("members", NamedBytes.utf8("m.csv", csv)));
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("message").asText()).contains("未导入任何数据");
		Map<Integer, String> byLine = byLine(body.get("errors"));
		assertThat(byLine).containsOnlyKeys(3, 4, 5, 6, 7, 8, 9, 10);
		assertThat(byLine.get(3)).contains("birth_date（出生日期）", "晚于今天");
		assertThat(byLine.get(4)).contains("出生日期", "2004-02-30", "不是存在的日期");
		assertThat(byLine.get(5)).contains("出生日期", "五月四日", "无法识别", "2001/3/5");
		assertThat(byLine.get(6)).contains("入团日期", "不在", "出生日期", "之后");
		assertThat(byLine.get(7)).contains("入团日期", "未满 14 周岁");
		assertThat(byLine.get(8)).contains("入团日期", "超过 28 周岁");
		assertThat(byLine.get(9)).contains("入党申请日期", "不在", "出生日期");
		assertThat(byLine.get(10)).contains("party_applied_on（入党申请日期）", "晚于今天");
		assertThat(body.get("errors").findValuesAsText("file")).containsOnly("members.csv");
		assertThat(count("member")).isEqualTo(membersBefore);
		assertThat(count("member where league_no = 'T1690001'")).isZero();
	}

	@Test
	void xlsxRefusalsNameTheRowsAsExcelShowsThem() throws Exception {
		long before = count("member");
		byte[] members = workbook(List.of(List.of("league_no", "name", "org_code", "cadre", "username", "birth_date"),
				List.of(16901001d, "甲", "120101", "否", "", LocalDate.of(2004, 1, 1)), List.of(),
				List.of(16901002d, "乙", "999999", "否", "", "2004-13-01")));
		HttpResponse<String> response = admin().postFiles(IMPORT,
				Map.of("members", new NamedBytes("members.xlsx", members)));
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode errors = json.readTree(response.body()).get("errors");
		assertThat(errors.findValuesAsText("file")).containsOnly("members.xlsx");
		assertThat(byLine(errors)).containsOnlyKeys(4);
		assertThat(errors.toString()).contains("999999", "不存在", "2004-13-01");
		assertThat(count("member")).isEqualTo(before);

		HttpResponse<String> missing = admin().postFiles(IMPORT,
				Map.of("members", new NamedBytes("m.xlsx", workbook(List.of(List.of("团员编号", "姓名"))))));
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("缺少列", "org_code（所在团支部代码）");

		HttpResponse<String> broken = admin().postFiles(IMPORT,
				Map.of("members", new NamedBytes("m.xlsx", new byte[] { 'P', 'K', 3, 4, 1, 2, 3 })));
		assertThat(broken.statusCode()).isEqualTo(400);
		assertThat(broken.body()).contains("无法读取 Excel 文件");
	}

	@Test
	void templatesExplainEveryColumnAndImportAsTheyAre() throws Exception {
		Map<String, byte[]> xlsx = new LinkedHashMap<>();
		Map<String, byte[]> csv = new LinkedHashMap<>();
		for (String file : new String[] { "organizations", "members", "roles" }) {
			HttpResponse<byte[]> x = admin().getBytes(IMPORT + "/templates/" + file + ".xlsx");
			assertThat(x.statusCode()).isEqualTo(200);
			assertThat(x.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", ".xlsx");
			try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(x.body()))) {
				Sheet help = workbook.getSheet("说明");
				assertThat(help).as(file).isNotNull();
				assertThat(help.getLastRowNum()).isGreaterThan(ImportColumns.BY_FILE.get(file).size());
				assertThat(workbook.getSheetAt(0).getRow(1)).as("example row").isNotNull();
			}
			xlsx.put(file, x.body());
			HttpResponse<byte[]> c = admin().getBytes(IMPORT + "/templates/" + file + ".csv");
			assertThat(c.statusCode()).isEqualTo(200);
			assertThat(new String(c.body(), StandardCharsets.UTF_8)).startsWith("\uFEFF");
			csv.put(file, c.body());
		}
		for (Map<String, byte[]> files : List.of(xlsx, csv)) {
			ImportReport report = importRolledBack(files);
			assertThat(report.organizations().created()).isEqualTo(1);
			assertThat(report.members().created()).isEqualTo(1);
			assertThat(report.roles().created()).isEqualTo(1);
		}
		assertThat(count("member where league_no = '012990101'")).isZero();

		assertThat(admin().get(IMPORT + "/templates/nothing.xlsx").statusCode()).isEqualTo(404);
		HttpResponse<byte[]> member = TestHttp.basic(this.port, "m12010104", "demo")
			.getBytes(IMPORT + "/templates/members.xlsx");
		assertThat(member.statusCode()).isEqualTo(403);
	}

	@Test
	void theTemplatesExampleKeepsItsLeadingZerosAndDates() {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (String file : new String[] { "organizations", "members", "roles" }) {
			files.put(file, ImportTemplates.xlsx(file));
		}
		this.transaction.executeWithoutResult((status) -> {
			this.organizationImport.importCsv(files);
			MemberProfile example = this.jdbc.sql(
					"select league_no, birth_date, joined_league_on, party_applied_on from member where org_code = '129901'")
				.query((rs, n) -> new MemberProfile(rs.getString(1), null, null, false, null,
						rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
						rs.getObject(4, LocalDate.class)))
				.single();
			assertThat(example.leagueNo()).isEqualTo("012990101");
			assertThat(example.birthDate()).isEqualTo(LocalDate.of(2006, 9, 12));
			status.setRollbackOnly();
		});
	}

	@Test
	void thePageImportsForTheAdministratorAndNamesTheBadLines() throws Exception {
		TestHttp admin = TestHttp.login(this.port, "admin", "admin");
		HttpResponse<String> page = admin.get(PAGE);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("组织数据导入", "团员模板（Excel）", "/api/organizations/import/templates/members.xlsx");
		assertThat(admin.get("/").body()).contains(PAGE);

		String token = admin.csrfToken(PAGE);
		Map<String, NamedBytes> good = new LinkedHashMap<>();
		good.put("_csrf", new NamedBytes("", token.getBytes(StandardCharsets.UTF_8)));
		good.put("organizations",
				new NamedBytes("组织.xlsx",
						workbook(List.of(List.of("code", "name", "type", "parent_code", "party_org_code"),
								List.of("T163", "共青团测试三委员会", "团委", "", ""),
								List.of("T16301", "测试三班团支部", "团支部", "T163", "")))));
		good.put("members",
				NamedBytes.utf8("团员.csv", "团员编号,姓名,所在团支部代码,是否团干部,账号,出生日期\nT1630101,庚,T16301,否,,2005-01-02\n"));
		HttpResponse<String> done = admin.postFiles(PAGE, good);
		assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
		assertThat(done.body()).contains("导入完成");
		assertThat(count("member where league_no = 'T1630101'")).isEqualTo(1);

		long before = count("member");
		Map<String, NamedBytes> bad = new LinkedHashMap<>();
		bad.put("_csrf", new NamedBytes("", token.getBytes(StandardCharsets.UTF_8)));
		bad.put("members",
				NamedBytes.utf8("团员.csv", "团员编号,姓名,所在团支部代码,是否团干部,账号,入团日期\nT1630102,辛,T16301,否,,2999-01-01\n"));
		HttpResponse<String> refused = admin.postFiles(PAGE, bad);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("导入被拒绝", "团员（members.csv） 第 2 行", "入团日期", "晚于今天");
		assertThat(count("member")).isEqualTo(before);

		Map<String, NamedBytes> none = Map.of("_csrf", new NamedBytes("", token.getBytes(StandardCharsets.UTF_8)));
		assertThat(admin.postFiles(PAGE, none).body()).contains("请至少选择一个文件");
	}

	@Test
	void thePageIsRefusedToEveryoneElse() {
		for (String user : new String[] { "m12010104", "sec120101", "committee12", "manager" }) {
			TestHttp person = TestHttp.login(this.port, user, "demo");
			assertThat(person.get(PAGE).statusCode()).as(user).isEqualTo(403);
			assertThat(person.get("/").body()).as(user).doesNotContain(PAGE);
			String token = person.csrfToken("/");
			HttpResponse<String> upload = person
				.postFiles(PAGE, Map.of("_csrf", new NamedBytes("", token.getBytes(StandardCharsets.UTF_8)), "members",
						NamedBytes.utf8("m.csv", "league_no,name,org_code,cadre,username\nT1649999,某,120101,否,\n")));
			assertThat(upload.statusCode()).as(user).isEqualTo(403);
		}
		assertThat(count("member where league_no = 'T1649999'")).isZero();
	}

	@Test
	void everyDemoBranchHasMembersWhoMayAndWhoMayNotBeRecommendedToTheParty() {
		LocalDate today = LocalDate.now(this.clock);
		for (String branch : new String[] { "120101", "120102", "120103", "120201", "120202", "120301", "120302",
				"120303" }) {
			List<MemberProfile> members = this.directory.memberProfiles(branch);
			assertThat(members).as(branch).allMatch((m) -> m.birthDate() != null && m.joinedLeagueOn() != null);
			List<Boolean> eligible = members.stream()
				.map((m) -> !m.birthDate().plusYears(18).isAfter(today)
						&& !m.joinedLeagueOn().plusYears(1).isAfter(today) && m.partyAppliedOn() != null
						&& !m.partyAppliedOn().plusMonths(6).isAfter(today))
				.toList();
			assertThat(eligible).as(branch).contains(true, false);
			assertThat(members).as(branch + ": no application").anyMatch((m) -> m.partyAppliedOn() == null);
			assertThat(members).as(branch + ": applied under six months ago")
				.anyMatch((m) -> m.partyAppliedOn() != null && m.partyAppliedOn().plusMonths(6).isAfter(today));
			assertThat(members).as(branch + ": a member under a year")
				.anyMatch((m) -> m.joinedLeagueOn().plusYears(1).isAfter(today));
		}
	}

	private ImportReport importRolledBack(Map<String, byte[]> files) {
		return this.transaction.execute((status) -> {
			status.setRollbackOnly();
			return this.organizationImport.importCsv(files);
		});
	}

	@Test
	void aRefusedImportInTheServiceListsEveryLine() {
		assertThatThrownBy(() -> importRolledBack(Map.of("members",
				"league_no,name,org_code,cadre,username,birth_date\nX1,某,120101,否,,2001.3.5\nX2,某,120101,否,,3/5/2001\n"
					.getBytes(StandardCharsets.UTF_8))))
			.isInstanceOfSatisfying(ImportRejectedException.class,
					(ex) -> assertThat(ex.errors()).extracting(ImportRejectedException.LineError::line)
						.containsExactly(3));
	}

	/** A workbook whose first sheet has the rows; an empty row is left out (a gap). */
	static byte[] workbook(List<List<?>> rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("名册");
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
			for (int r = 0; r < rows.size(); r++) {
				if (rows.get(r).isEmpty()) {
					continue;
				}
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					Object value = rows.get(r).get(c);
					Cell cell = row.createCell(c);
					if (value instanceof Double d) {
						cell.setCellValue(d);
					}
					else if (value instanceof Boolean b) {
						cell.setCellValue(b);
					}
					else if (value instanceof LocalDate d) {
						cell.setCellValue(d);
						cell.setCellStyle(date);
					}
					else {
						cell.setCellValue(value.toString());
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static Map<Integer, String> byLine(JsonNode errors) {
		Map<Integer, String> lines = new LinkedHashMap<>();
		List<String> seen = new ArrayList<>();
		errors.forEach((e) -> {
			seen.add(e.toString());
			lines.merge(e.get("line").asInt(), e.get("message").asText(), (a, b) -> a + "；" + b);
		});
		return lines;
	}

}
