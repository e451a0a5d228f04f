package org.cyl.excellence.workbench;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 工作台's 发起工作 and the launch page {@code /processes/{key}/start}: a committee member finds
 * the campaign among what he may launch, opens its plan form and launches it as himself;
 * a member is offered nothing and is refused; a launch with a field the form does not
 * ask, with a bad value or without the CSRF token starts nothing; a process without a
 * start form (a branch's) is launched by nobody, not even an administrator.
 */
@ApplicationTest
class ProcessStartTests {

	private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private static final Pattern CSRF_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");

	private static final ObjectMapper json = new ObjectMapper();

	private static int counter;

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	String prefix;

	@BeforeEach
	void organization() {
		this.prefix = "PS" + (++counter) + System.nanoTime() % 100000;
		this.support.organization(this.prefix, 1);
	}

	private long campaignsLaunchedBy(String user) {
		return this.support.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("CampaignProcess")
			.variableValueEquals("initiator", user)
			.count();
	}

	private static Map<String, String> csrf(String page) {
		Matcher token = CSRF.matcher(page);
		Matcher header = CSRF_HEADER.matcher(page);
		assertThat(token.find() && header.find()).as("the page carries its CSRF token").isTrue();
		return Map.of(header.group(1), token.group(1));
	}

	private static String body(Map<String, Object> values) throws Exception {
		return json.writeValueAsString(Map.of("variables", values));
	}

	@Test
	void aCommitteeMemberLaunchesACampaignFromTheWorkbench() throws Exception {
		String user = this.prefix + "c";
		TestHttp committee = TestHttp.login(this.port, user, "demo");
		String workbench = committee.get("/").body();
		assertThat(workbench).contains("发起工作", "href=\"/processes/CampaignProcess/start\"", "创先争优活动");

		HttpResponse<String> page = committee.get("/processes/CampaignProcess/start", "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("发起：创先争优活动", "\"id\": \"CampaignPlan\"",
				"data-submit=\"/processes/CampaignProcess/start\"");
		Map<String, String> headers = csrf(page.body());

		HttpResponse<String> launched = committee.postJson("/processes/CampaignProcess/start",
				body(CampaignTestSupport.plan(1)), headers);
		assertThat(launched.statusCode()).as(launched.body()).isEqualTo(200);
		JsonNode answer = json.readTree(launched.body());
		assertThat(answer.get("message").asText()).startsWith("已发起“创先争优活动”").contains("审批实施方案");
		assertThat(campaignsLaunchedBy(user)).isEqualTo(1);
		String instance = this.support.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("CampaignProcess")
			.variableValueEquals("initiator", user)
			.singleResult()
			.getId();
		assertThat(this.support.task(instance, "Task_ApprovePlan")).isNotNull();
	}

	@Test
	void aLaunchWithAFieldTheFormDoesNotAskOrABadValueStartsNothing() throws Exception {
		String user = this.prefix + "c";
		TestHttp committee = TestHttp.login(this.port, user, "demo");
		Map<String, String> headers = csrf(committee.get("/processes/CampaignProcess/start", "text/html").body());

		Map<String, Object> smuggled = new HashMap<>(CampaignTestSupport.plan(1));
		smuggled.put("committeeCode", "12");
		HttpResponse<String> refused = committee.postJson("/processes/CampaignProcess/start", body(smuggled), headers);
		assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 403);
		assertThat(json.readTree(refused.body()).get("message").asText()).containsPattern("\\p{IsHan}");

		Map<String, Object> bad = new HashMap<>(CampaignTestSupport.plan(1));
		bad.put("campaignStart", "明天");
		HttpResponse<String> invalid = committee.postJson("/processes/CampaignProcess/start", body(bad), headers);
		assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
		assertThat(json.readTree(invalid.body()).get("message").asText()).containsPattern("\\p{IsHan}");

		HttpResponse<String> withoutToken = committee.postJson("/processes/CampaignProcess/start",
				body(CampaignTestSupport.plan(1)));
		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(campaignsLaunchedBy(user)).isZero();
	}

	@Test
	void aMemberIsOfferedNothingToLaunchAndIsRefused() throws Exception {
		String user = this.prefix + "m12";
		TestHttp member = TestHttp.login(this.port, user, "demo");
		HttpResponse<String> workbench = member.get("/");
		assertThat(workbench.statusCode()).isEqualTo(200);
		assertThat(workbench.body()).doesNotContain("发起工作", "/processes/");

		HttpResponse<String> page = member.get("/processes/CampaignProcess/start", "text/html");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains(ProcessStarts.NOT_STARTABLE);

		// the CSRF token of the page the member is on (工作台's logout form)
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(workbench.body());
		assertThat(token.find()).isTrue();
		Map<String, String> headers = Map.of("X-CSRF-TOKEN", token.group(1));
		HttpResponse<String> refused = member.postJson("/processes/CampaignProcess/start",
				body(CampaignTestSupport.plan(1)), headers);
		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(campaignsLaunchedBy(user)).isZero();
	}

	@Test
	void whatTheApplicationStartsItselfIsLaunchedByNobody() throws Exception {
		TestHttp admin = TestHttp.login(this.port, "admin", "admin");
		String workbench = admin.get("/").body();
		for (String key : List.of("BranchCampaignProcess", "MassAppraisalProcess", "CommendationProcess")) {
			assertThat(workbench).doesNotContain("/processes/" + key + "/start");
			assertThat(admin.get("/processes/" + key + "/start", "text/html").statusCode()).as(key).isEqualTo(404);
		}
		for (String key : List.of("NoSuchProcess", "x'--", "..%2F..")) {
			HttpResponse<String> unknown = admin.get("/processes/" + key + "/start", "text/html");
			assertThat(unknown.statusCode()).as(key).isBetween(400, 404);
		}
	}

}
