package org.cyl.excellence.organization;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.TestHttp.NamedBytes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation API and the CSV import, over HTTP as administrators and others use
 * them.
 */
@ApplicationTest
class OrganizationApiTests {

	private static final String IMPORT = "/api/organizations/import";

	private static final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestHttp admin() {
		return TestHttp.basic(this.port, "admin", "admin");
	}

	@Test
	void treeHasTheDemoUniversityUnderTheCityCommittee() throws Exception {
		HttpResponse<String> response = TestHttp.login(this.port, "m12010104", "demo").get("/api/organizations");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode roots = json.readTree(response.body());
		JsonNode city = find(roots, "1");
		assertThat(city.get("name").asText()).isEqualTo("共青团南江市委员会");
		assertThat(city.get("typeLabel").asText()).isEqualTo("上级团委");
		JsonNode university = find(city.get("children"), "12");
		assertThat(university.get("type").asText()).isEqualTo("committee");
		assertThat(university.get("partyOrgCode").asText()).isEqualTo("P12");
		JsonNode colleges = university.get("children");
		assertThat(colleges).hasSize(3);
		assertThat(find(colleges, "1201").get("children")).hasSize(3);
		// Party organisations form their own tree
		assertThat(find(roots, "P1").get("typeLabel").asText()).isEqualTo("党组织");
	}

	@Test
	void membersOfABranchAreListedForItsPeopleAndItsReviewers() throws Exception {
		for (String user : new String[] { "sec120101", "m12010104", "gb1201", "committee12", "party1201s",
				"manager" }) {
			HttpResponse<String> response = TestHttp.basic(this.port, user, "demo")
				.get("/api/organizations/120101/members");
			assertThat(response.statusCode()).as(user).isEqualTo(200);
			JsonNode members = json.readTree(response.body());
			assertThat(members.size()).as(user).isBetween(8, 15);
			assertThat(members.get(0).get("name").asText()).isNotBlank();
		}
		JsonNode members = json.readTree(admin().get("/api/organizations/120101/members").body());
		assertThat(members.findValuesAsText("cadre")).contains("true", "false");
	}

	@Test
	void membersOfAnotherBranchAreRefused() {
		for (String user : new String[] { "sec120102", "m12020102", "gb1202", "party1202s" }) {
			HttpResponse<String> response = TestHttp.basic(this.port, user, "demo")
				.get("/api/organizations/120101/members");
			assertThat(response.statusCode()).as(user).isEqualTo(403);
			assertThat(response.body()).as(user).contains("无权查看");
		}
	}

	@Test
	void unknownOrganizationIs404WithAMessage() {
		HttpResponse<String> response = admin().get("/api/organizations/nope/members");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("nope", "不存在");
	}

	@Test
	void importAddsOrganizationsMembersAndAccountsAndAgainChangesNothing() throws Exception {
		Map<String, NamedBytes> files = Map.of("organizations",
				NamedBytes.utf8("o.csv",
						"\uFEFFcode,name,type,parent_code,party_org_code\n" + "PIMP1,中共南江大学化学学院学生党支部,党组织,P12,\n"
								+ "1290,共青团南江大学化学学院总支部委员会,团总支,12,\n" + "129001,化学2024级1班团支部,团支部,1290,PIMP1\n"),
				"members",
				NamedBytes.utf8("m.csv",
						"league_no,name,org_code,cadre,username\n" + "12900101,欧阳明月,129001,是,imp12900101\n"
								+ "12900102,\"司马, 青云\",129001,否,\n"),
				"roles", NamedBytes.utf8("r.csv", "username,name,org_code,role,email\n" + "imp12900101,,129001,书记,\n"
						+ "impreviewer,诸葛文,PIMP1,reviewer,zhuge@example.org\n"));
		HttpResponse<String> first = admin().postFiles(IMPORT, files);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		JsonNode report = json.readTree(first.body());
		assertThat(report.at("/organizations/created").asInt()).isEqualTo(3);
		assertThat(report.at("/members/created").asInt()).isEqualTo(2);
		assertThat(report.at("/accounts/created").asInt()).isEqualTo(2);
		assertThat(report.at("/roles/created").asInt()).isEqualTo(2);

		HttpResponse<String> again = admin().postFiles(IMPORT, files);
		assertThat(again.statusCode()).isEqualTo(200);
		JsonNode second = json.readTree(again.body());
		for (String kind : new String[] { "organizations", "members", "accounts", "roles" }) {
			assertThat(second.at("/" + kind + "/created").asInt()).as(kind).isZero();
			assertThat(second.at("/" + kind + "/updated").asInt()).as(kind).isZero();
		}
		assertThat(second.at("/members/unchanged").asInt()).isEqualTo(2);

		// the imported secretary can log in with the initial password and is the branch's
		// secretary
		HttpResponse<String> filters = TestHttp.basic(this.port, "imp12900101", "demo").get("/engine-rest/filter");
		assertThat(filters.statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("select name from member where league_no = '12900102'").query(String.class).single())
			.isEqualTo("司马, 青云");
	}

	@Test
	void badLinesAreAllListedAndNothingIsWritten() throws Exception {
		long orgsBefore = count("organization");
		long membersBefore = count("member");
		long accountsBefore = count("account");
		Map<String, NamedBytes> files = Map.of("organizations",
				NamedBytes.utf8("o.csv",
						"code,name,type,parent_code,party_org_code\n" + "1291,共青团南江大学物理学院总支部委员会,团总支,12,\n"
								+ "12-91,坏代码,团支部,1291,\n" + "129101,物理2024级1班团支部,团小组,1291,\n"
								+ "129102,物理2024级2班团支部,团支部,9999,\n" + "129103,,团支部,1291,\n"),
				"members",
				NamedBytes.utf8("m.csv",
						"league_no,name,org_code,cadre,username\n" + "12910101,张三,1291,是,\n"
								+ "12910102,李四,129104,也许,\n" + "12910103,王五,120101,否,bad name\n"),
				"roles", NamedBytes.utf8("r.csv",
						"username,name,org_code,role,email\n" + "badrole,某人,1291,主席,\n" + "noname,,1291,书记,\n"));
		HttpResponse<String> response = admin().postFiles(IMPORT, files);
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("message").asText()).contains("未导入任何数据");
		JsonNode errors = body.get("errors");
		assertThat(errors.findValuesAsText("file")).contains("organizations.csv", "members.csv", "roles.csv");
		assertThat(lines(errors, "organizations.csv")).containsExactlyInAnyOrder(3, 4, 5, 6);
		assertThat(lines(errors, "members.csv")).containsExactlyInAnyOrder(2, 3, 3, 4);
		assertThat(lines(errors, "roles.csv")).containsExactlyInAnyOrder(2, 3);
		assertThat(body.toString()).contains("团小组", "9999", "不存在", "也许", "不是团支部", "主席", "name（姓名）不能为空");

		assertThat(count("organization")).isEqualTo(orgsBefore);
		assertThat(count("member")).isEqualTo(membersBefore);
		assertThat(count("account")).isEqualTo(accountsBefore);
	}

	@Test
	void fileInAnotherEncodingIsRefusedWithAHint() {
		byte[] gbk = "code,name,type,parent_code,party_org_code\n1292,共青团测试,团总支,12,\n".getBytes(Charset.forName("GBK"));
		HttpResponse<String> response = admin().postFiles(IMPORT,
				Map.of("organizations", new NamedBytes("o.csv", gbk)));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("UTF-8");
	}

	@Test
	void missingColumnsAndMissingFilesAreRefused() {
		HttpResponse<String> columns = admin().postFiles(IMPORT,
				Map.of("members", NamedBytes.utf8("m.csv", "league_no,name\n1,张三\n")));
		assertThat(columns.statusCode()).isEqualTo(400);
		assertThat(columns.body()).contains("缺少列", "org_code");

		HttpResponse<String> none = admin().postFiles(IMPORT, Map.of("other", NamedBytes.utf8("x.csv", "a\n")));
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat(none.body()).contains("请至少上传一个文件");
	}

	@Test
	void onlyAdministratorsMayImport() {
		Map<String, NamedBytes> files = Map.of("organizations",
				NamedBytes.utf8("o.csv", "code,name,type,parent_code,party_org_code\n1293,某团总支,团总支,12,\n"));
		for (String user : new String[] { "manager", "secretary12", "sec120101" }) {
			HttpResponse<String> response = TestHttp.basic(this.port, user, "demo").postFiles(IMPORT, files);
			assertThat(response.statusCode()).as(user).isEqualTo(403);
		}
		assertThat(count("organization where code = '1293'")).isZero();
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static java.util.List<Integer> lines(JsonNode errors, String file) {
		java.util.List<Integer> lines = new java.util.ArrayList<>();
		errors.forEach((e) -> {
			if (e.get("file").asText().equals(file)) {
				lines.add(e.get("line").asInt());
			}
		});
		return lines;
	}

	private static JsonNode find(JsonNode nodes, String code) {
		for (JsonNode node : nodes) {
			if (node.get("code").asText().equals(code)) {
				return node;
			}
		}
		throw new AssertionError("no organisation " + code + " in " + nodes);
	}

}
