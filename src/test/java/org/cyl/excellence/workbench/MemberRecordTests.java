package org.cyl.excellence.workbench;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.cyl.excellence.memberappraisal.MemberAppraisalTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 团员档案 through the real security chain: the member reaches his own from 工作台 and reads his
 * dates and his approved grade with its 团籍注册; his branch's secretary and the committee
 * above read it; a fellow member, another branch's secretary and nobody else do not; the
 * roll shows fellow members no dates.
 */
@ApplicationTest
class MemberRecordTests {

	private static final ObjectMapper json = new ObjectMapper();

	private static int counter;

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	String p;

	@BeforeEach
	void organization() {
		this.p = "MR" + (++counter) + System.nanoTime() % 100000;
		this.support.organization(this.p, 2);
		this.support.jdbc
			.sql("update member set birth_date = ?, joined_league_on = ?, party_applied_on = ? where league_no = ?")
			.params(LocalDate.of(2004, 3, 5), LocalDate.of(2019, 5, 4), LocalDate.of(2023, 9, 1), this.p + "-1-2")
			.update();
		MemberAppraisalTestSupport.approvedGrades(this.support.jdbc, this.p + "B1",
				Map.of(this.p + "-1-2", "优秀", this.p + "-1-3", "不合格"));
	}

	private TestHttp as(String user) {
		return TestHttp.login(this.port, user, "demo");
	}

	@Test
	void theMemberReadsHisOwnRecordFromTheWorkbench() throws Exception {
		TestHttp member = as(this.p + "m12");
		assertThat(member.get("/").body()).contains("href=\"/me/record\"", "我的团员档案");
		HttpResponse<String> mine = member.get("/me/record", "text/html");
		assertThat(mine.statusCode()).isEqualTo(302);
		assertThat(mine.headers().firstValue("Location").orElse("")).endsWith("/members/" + this.p + "-1-2");

		HttpResponse<String> page = member.get("/members/" + this.p + "-1-2", "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("团员档案", "2004-03-05", "2019-05-04", "2023-09-01",
				LocalDate.now().getYear() + "年", "优秀", "可以注册", "尚未被推荐");

		JsonNode record = json.readTree(member.get("/api/members/" + this.p + "-1-2/record").body());
		assertThat(record.at("/grades/0/grade").asText()).isEqualTo("优秀");
		assertThat(record.at("/grades/0/registrationAllowed").asBoolean()).isTrue();
		assertThat(record.get("own").asBoolean()).isTrue();
	}

	@Test
	void theBranchAndTheCommitteesAboveReadItAndNobodyElse() throws Exception {
		String other = "/members/" + this.p + "-1-3";
		HttpResponse<String> secretary = as(this.p + "s1").get(other, "text/html");
		assertThat(secretary.statusCode()).isEqualTo(200);
		assertThat(secretary.body()).contains("不合格", "暂缓注册");
		assertThat(as(this.p + "g").get(other, "text/html").statusCode()).isEqualTo(200);
		assertThat(as(this.p + "c").get(other, "text/html").statusCode()).isEqualTo(200);

		// a fellow member, the other branch's secretary
		for (String user : new String[] { this.p + "m12", this.p + "s2" }) {
			HttpResponse<String> refused = as(user).get("/api/members/" + this.p + "-1-3/record");
			assertThat(refused.statusCode()).as(user).isEqualTo(403);
			assertThat(refused.body()).as(user).contains("团员档案").doesNotContain("不合格");
		}
		assertThat(as(this.p + "s1").get("/members/NoSuchMember", "text/html").statusCode()).isEqualTo(404);
		assertThat(as(this.p + "s1").get("/members/x'--", "text/html").statusCode()).isEqualTo(404);
		// no member: no record of his own
		HttpResponse<String> admin = TestHttp.login(this.port, "admin", "admin").get("/me/record", "text/html");
		assertThat(admin.statusCode()).isEqualTo(404);
		assertThat(admin.body()).contains("没有团员档案");
	}

	@Test
	void theRollShowsFellowMembersNoDates() throws Exception {
		String roll = "/api/organizations/" + this.p + "B1/members";
		JsonNode fellow = json.readTree(as(this.p + "m13").get(roll).body());
		assertThat(fellow).isNotEmpty();
		fellow.forEach((m) -> assertThat(m.get("birthDate").isNull()).isTrue());
		JsonNode secretary = json.readTree(as(this.p + "s1").get(roll).body());
		assertThat(secretary.toString()).contains("2004-03-05");
	}

}
