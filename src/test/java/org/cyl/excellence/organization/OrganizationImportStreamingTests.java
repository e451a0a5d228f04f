package org.cyl.excellence.organization;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
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
 * The import streamed in batches of {@value OrganizationImport#BATCH} lines: files of
 * several batches, a bad line after batches were written (nothing stays), an account
 * handed from one member to another, the refusal's list capped, counts over batches,
 * files that cannot be read. Everything here is rolled back (over HTTP: refused).
 */
@ApplicationTest
class OrganizationImportStreamingTests {

	private static final ObjectMapper json = new ObjectMapper();

	private static final String HEADER = "league_no,name,org_code,cadre,username\n";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrganizationImport organizationImport;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizations;

	@Test
	void aBadLineAfterBatchesWereWrittenLeavesNothing() throws Exception {
		int lines = OrganizationImport.BATCH * 2 + 500;
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 0; i < lines; i++) {
			// the file's line 2 + i; the last but one repeats line 11's number
			String number = (i == lines - 2) ? "S17A00009" : String.format("S17A%05d", i);
			csv.append(number).append(",团员").append(i).append(",120101,否,\n");
		}
		HttpResponse<String> response = TestHttp.basic(this.port, "admin", "admin")
			.postFiles("/api/organizations/import", Map.of("members", NamedBytes.utf8("members.csv", csv.toString())));
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("message").asText()).contains("共 1 处错误", "未导入任何数据");
		assertThat(body.get("errors").get(0).get("line").asInt()).isEqualTo(lines);
		assertThat(body.get("errors").get(0).get("message").asText()).contains("S17A00009", "与第 11 行重复");
		assertThat(count("member where league_no like 'S17A%'")).isZero();
	}

	@Test
	void countsAreOfTheWholeImportAndAnAccountCountsOnce() {
		int lines = OrganizationImport.BATCH + 300;
		StringBuilder members = new StringBuilder(HEADER);
		StringBuilder roles = new StringBuilder("username,name,org_code,role,email\n");
		for (int i = 0; i < lines; i++) {
			String username = (i % 10 == 0) ? "s17b" + i : "";
			members.append(String.format("S17B%05d", i))
				.append(",团员")
				.append(i)
				.append(",120101,是,")
				.append(username)
				.append('\n');
			if (!username.isEmpty()) {
				roles.append(username).append(",,120101,secretary,").append(username).append("@example.org\n");
			}
		}
		Map<String, byte[]> files = Map.of("members", utf8(members), "roles", utf8(roles));
		this.transaction.executeWithoutResult((status) -> {
			status.setRollbackOnly();
			ImportReport first = this.organizationImport.importCsv(files);
			assertThat(first.members()).isEqualTo(new ImportReport.Counts(lines, 0, 0));
			assertThat(first.accounts()).isEqualTo(new ImportReport.Counts(lines / 10, 0, 0));
			assertThat(first.roles()).isEqualTo(new ImportReport.Counts(lines / 10, 0, 0));
			assertThat(this.jdbc.sql("select display_name, email from account where username = 's17b1290'")
				.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
				.single()).isEqualTo("团员1290 s17b1290@example.org");
			// Camunda's identity as the identity service would have made it: the user,
			// its
			// membership, and the default authorization to edit its own profile
			assertThat(this.identityService.createUserQuery()
				.userId("s17b1290")
				.memberOfGroup(Groups.of("120101", Role.SECRETARY))
				.count()).isOne();
			assertThat(this.authorizations.createAuthorizationQuery()
				.userIdIn("s17b1290")
				.resourceType(Resources.USER)
				.resourceId("s17b1290")
				.count()).isOne();
			assertThat(this.identityService.checkPassword("s17b1290", "demo")).isTrue();
			ImportReport again = this.organizationImport.importCsv(files);
			assertThat(again.changedAnything()).isFalse();
			assertThat(again.members().unchanged()).isEqualTo(lines);
			assertThat(again.accounts().unchanged()).isEqualTo(lines / 10);
		});
	}

	@Test
	void anAccountGivenUpOnAnEarlierLineMayBeTakenOnALaterOneNotTheOtherWayRound() {
		String before = HEADER + "S17C1,甲,120101,是,s17c\nS17C2,乙,120101,否,\n";
		this.transaction.executeWithoutResult((status) -> {
			status.setRollbackOnly();
			this.organizationImport.importCsv(Map.of("members", before.getBytes(StandardCharsets.UTF_8)));
			// the other way round: 乙 takes it (line 2) before 甲 gives it up (line 3)
			assertThatThrownBy(() -> this.organizationImport.importCsv(Map.of("members",
					(HEADER + "S17C2,乙,120101,是,s17c\nS17C1,甲,120101,否,\n").getBytes(StandardCharsets.UTF_8))))
				.isInstanceOfSatisfying(ImportRejectedException.class,
						(ex) -> assertThat(ex.errors()).singleElement()
							.satisfies((e) -> assertThat(e.line()).isEqualTo(2))
							.satisfies((e) -> assertThat(e.message()).contains("s17c", "已属于另一名团员")));
			// 甲 gives it up on line 2, 乙 takes it over a batch later
			StringBuilder handover = new StringBuilder(HEADER + "S17C1,甲,120101,否,\n");
			for (int i = 0; i < OrganizationImport.BATCH + 10; i++) {
				handover.append(String.format("S17D%05d", i)).append(",丙,120101,否,\n");
			}
			handover.append("S17C2,乙,120101,是,s17c\n");
			this.organizationImport.importCsv(Map.of("members", utf8(handover)));
			assertThat(
					this.jdbc.sql("select league_no from member where username = 's17c'").query(String.class).single())
				.isEqualTo("S17C2");
		});
	}

	@Test
	void aRefusalListsTheFirstThousandBadLinesAndCountsThemAll() {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 0; i < 1500; i++) {
			csv.append(String.format("S17E%05d", i)).append(",某,999999,否,\n");
		}
		assertThatThrownBy(() -> rolledBack(() -> this.organizationImport.importCsv(Map.of("members", utf8(csv)))))
			.isInstanceOfSatisfying(ImportRejectedException.class, (ex) -> {
				assertThat(ex.getMessage()).contains("共 1500 处错误", "列出前 1000 处");
				assertThat(ex.errors()).hasSize(OrganizationImport.LISTED_ERRORS);
				assertThat(ex.errors().get(999).line()).isEqualTo(1001);
			});
	}

	@Test
	void aFileInAnotherEncodingIsNamedAtTheLineWhereItStopsBeingUtf8() {
		byte[] gbk = (HEADER + "S17F1,张三,120101,否,\n").getBytes(Charset.forName("GBK"));
		assertThatThrownBy(() -> rolledBack(() -> this.organizationImport.importCsv(Map.of("members", gbk))))
			.isInstanceOfSatisfying(ImportRejectedException.class,
					(ex) -> assertThat(ex.errors()).singleElement().satisfies((e) -> {
						assertThat(e.file()).isEqualTo("members.csv");
						assertThat(e.line()).isEqualTo(2);
						assertThat(e.message()).contains("不是 UTF-8 编码", "CSV UTF-8");
					}));
		assertThat(count("member where league_no = 'S17F1'")).isZero();
	}

	@Test
	void aWorkbookTooLargeToStreamIsRefusedWithTheWayOut() throws Exception {
		byte[] workbook = OrganizationImportTests
			.workbook(java.util.List.of(java.util.List.of("league_no", "name", "org_code", "cadre", "username"),
					java.util.List.of("S17G1", "某", "120101", "否", "")));
		ImportSource large = new ImportSource() {

			@Override
			public InputStream open() {
				return new ByteArrayInputStream(workbook);
			}

			@Override
			public long size() {
				return ImportTable.MAX_WORKBOOK_BYTES + 1;
			}

		};
		assertThatThrownBy(() -> rolledBack(() -> this.organizationImport.importFiles(Map.of("members", large))))
			.isInstanceOfSatisfying(ImportRejectedException.class, (ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((e) -> assertThat(e.message()).contains("Excel 文件超过 10 MB", "CSV UTF-8")));
		// the same workbook at its own size is read
		ImportReport report = rolledBack(
				() -> this.organizationImport.importFiles(Map.of("members", ImportSource.of(workbook))));
		assertThat(report.members().created()).isEqualTo(1);
	}

	private <T> T rolledBack(Supplier<T> work) {
		return this.transaction.execute((status) -> {
			status.setRollbackOnly();
			return work.get();
		});
	}

	private static byte[] utf8(CharSequence text) {
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
