package org.cyl.excellence.commendation;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public notice's objection form under a flood, over HTTP as a stranger would post:
 * signatures that name nobody are refused as anonymous, one address gets five objections
 * a day and then a 429 page saying why, nothing refused is stored or gives a task, and
 * the committee and managers (not a branch) see what was refused.
 */
@ApplicationTest
class ObjectionLimitTests {

	private static final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	@Test
	void aFloodOfObjectionsFromOneAddressStopsAtTheLimitAndTheCommitteeSeesWhatWasRefused() throws Exception {
		String p = "OL" + System.nanoTime() % 100000;
		String campaignId = this.support.campaignAtNotice(p);
		String commendation = this.support.commendationOf(campaignId);
		String candidate = this.support.jdbc
			.sql("select min(id) from candidate where campaign_id = ? and holder_type = 'MEMBER'")
			.param(campaignId)
			.query(String.class)
			.single();
		TestHttp stranger = TestHttp.anonymous(this.port);
		String notice = "/public/notices/" + campaignId;

		// signed by nobody: refused as anonymous, the form kept
		for (String nobody : List.of("某同学", "热心群众", "知情人")) {
			HttpResponse<String> refused = stranger.post(notice, objection(candidate, nobody, 0), FORM);
			assertThat(refused.statusCode()).as(nobody).isEqualTo(400);
			assertThat(refused.body()).contains("视同匿名", "匿名异议不予受理", "提出异议", "13800138000");
		}
		assertThat(objections(campaignId)).isZero();

		// five from this address are taken, the sixth and seventh are not
		for (int i = 1; i <= 5; i++) {
			assertThat(stranger.post(notice, objection(candidate, "王明", i), FORM).statusCode()).isEqualTo(302);
		}
		for (int i = 6; i <= 7; i++) {
			HttpResponse<String> flood = stranger.post(notice, objection(candidate, "王明", i), FORM);
			assertThat(flood.statusCode()).isEqualTo(429);
			assertThat(flood.headers().firstValue("Content-Type")).hasValueSatisfying((t) -> t.startsWith("text/html"));
			assertThat(flood.body()).contains("拟表彰对象的公示", "最多提出 5 件异议", "本次异议未予登记", "第" + i + "件异议");
		}
		assertThat(objections(campaignId)).isEqualTo(5);
		assertThat(this.support.tasks(commendation, "Task_VerifyObjection")).hasSize(5);

		// the committee and a manager see the refused attempts; a branch secretary does
		// not
		TestHttp committee = TestHttp.basic(this.port, p + "c", "demo");
		HttpResponse<String> page = committee.get("/commendations/" + campaignId + "/refused-objections");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("被拒收的异议", "某同学", "热心群众", "知情人", "视同匿名", "最多提出 5 件异议", "127.0.0.1");
		// one row per address and reason: the names signed by nobody, the refusals over
		// the
		// limit counted twice
		assertThat(page.body().split("class=\"refusal\"", -1)).hasSize(3);
		assertThat(page.body()).contains("某同学、热心群众、知情人");
		assertThat(TestHttp.basic(this.port, "manager", "demo")
			.get("/commendations/" + campaignId + "/refused-objections")
			.statusCode()).isEqualTo(200);
		assertThat(TestHttp.basic(this.port, p + "s1", "demo")
			.get("/commendations/" + campaignId + "/refused-objections")
			.statusCode()).isEqualTo(403);
		assertThat(stranger.get("/commendations/" + campaignId + "/refused-objections").statusCode()).isIn(302, 401);
		JsonNode view = json.readTree(committee.get("/api/commendations/" + campaignId).body());
		assertThat(view.get("refusedObjections")).hasSize(2);
		assertThat(view.get("refusedObjections").findValuesAsText("reason")).anyMatch((r) -> r.contains("最多提出 5 件异议"));
		assertThat(view.get("refusedObjections").findValues("attempts")).extracting(JsonNode::asInt)
			.containsExactlyInAnyOrder(2, 3);
		JsonNode branchView = json
			.readTree(TestHttp.basic(this.port, p + "s1", "demo").get("/api/commendations/" + campaignId).body());
		assertThat(branchView.get("refusedObjections").isNull()).isTrue();
	}

	private static final String FORM = "application/x-www-form-urlencoded";

	private static String objection(String candidate, String name, int n) {
		return TestHttp.form(Map.of("candidate", candidate, "name", name, "contact", "13800138000", "content",
				"第" + n + "件异议：该同学本学期有课程不及格，请核实。"));
	}

	private int objections(String campaignId) {
		return this.support.jdbc.sql("select count(*) from objection where campaign_id = ?")
			.param(campaignId)
			.query(Integer.class)
			.single();
	}

}
