package org.cyl.excellence.supervision;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervision bulletin (督查通报) of a committee through the real security chain, as
 * JSON, a page and a PDF. One committee of its own with four branches in a running
 * campaign: branch 1's 制定支部方案并动员 went overdue (its timeout fired) and was urged, branch 2
 * was ordered to rectify by the committee's review, branch 3 was appraised 差 by the
 * masses (通报批评), branch 4 finished with an appraisal of 好.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionBulletinTests {

	private static final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	String prefix;

	String campaignId;

	String overdueTaskId;

	@BeforeAll
	void fourBranchesInEveryState() {
		this.prefix = "BU" + System.nanoTime() % 100000;
		this.support.organization(this.prefix, 4);
		ProcessInstance campaign = this.support.startCampaign(this.prefix + "c", CampaignTestSupport.plan(1));
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		this.campaignId = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");

		String b1 = branch(1);
		Task mobilization = this.support.task(b1, "Task_MobilizeBranch");
		mobilization.setDueDate(Date.from(Instant.now().minus(2, ChronoUnit.DAYS)));
		this.support.taskService.saveTask(mobilization);
		this.support.fireTimer(b1, "Task_MobilizeBranch");
		this.overdueTaskId = mobilization.getId();
		HttpResponse<String> urged = as(this.prefix + "c")
			.postJson("/api/supervision/tasks/" + this.overdueTaskId + "/urge", "{\"message\":\"请尽快召开动员会\"}");
		assertThat(urged.statusCode()).as(urged.body()).isEqualTo(200);

		String b2 = branch(2);
		this.support.toReview(b2);
		this.support.review(b2, "RECTIFY", "PASS");

		String b3 = branch(3);
		this.support.toReview(b3);
		this.support.review(b3, "PASS", "PASS");
		this.support.appraise(b3, 4, 4, "DISSATISFIED");

		this.support.finishBranch(branch(4));
	}

	private String branch(int n) {
		return this.support.branchInstance(this.campaignId, this.prefix + "B" + n);
	}

	private TestHttp as(String user) {
		return TestHttp.basic(this.port, user, "demo");
	}

	private String path(String suffix) {
		return "/supervision/" + this.prefix + "/bulletin" + suffix;
	}

	private JsonNode bulletin(String query) throws Exception {
		HttpResponse<String> response = as(this.prefix + "c").get("/api" + path(query));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static List<JsonNode> list(JsonNode array) {
		List<JsonNode> nodes = new ArrayList<>();
		array.forEach(nodes::add);
		return nodes;
	}

	private JsonNode row(JsonNode bulletin, int branch) {
		for (JsonNode group : bulletin.get("groups")) {
			for (JsonNode row : group.get("branches")) {
				if (row.get("code").asText().equals(this.prefix + "B" + branch)) {
					return row;
				}
			}
		}
		throw new AssertionError("no row for branch " + branch);
	}

	@Test
	void bulletinOfTheCurrentMonthCountsWhatTheRecordsHold() throws Exception {
		JsonNode bulletin = bulletin("");
		LocalDate today = LocalDate.now();
		assertThat(bulletin.get("committee").asText()).isEqualTo("测试团委" + this.prefix);
		assertThat(bulletin.get("from").asText()).isEqualTo(today.withDayOfMonth(1).toString());
		assertThat(bulletin.get("to").asText()).isEqualTo(today.toString());
		assertThat(bulletin.get("title").asText()).contains("创先争优活动推进情况的通报");

		JsonNode overview = bulletin.get("overview");
		assertThat(overview.get("campaignsRunning").asInt()).isEqualTo(1);
		assertThat(overview.get("branches").asInt()).isEqualTo(4);
		assertThat(overview.at("/stages/动员部署").asInt()).isEqualTo(1);
		assertThat(overview.at("/stages/限期整改").asInt()).isPositive();
		assertThat(overview.at("/stages/已完成").asInt()).isEqualTo(1);
		assertThat(overview.get("overdueInPeriod").asInt()).isEqualTo(1);
		assertThat(overview.get("overdueNow").asInt()).isEqualTo(1);
		assertThat(overview.get("urges").asInt()).isEqualTo(1);
		assertThat(overview.get("rectifyOrders").asInt()).isEqualTo(1);
		assertThat(overview.get("appraisalsClosed").asInt()).isEqualTo(2);
		assertThat(overview.get("criticised").asInt()).isEqualTo(2);

		assertThat(list(bulletin.get("groups"))).singleElement()
			.satisfies((group) -> assertThat(group.get("name").asText()).isEqualTo("测试团总支" + this.prefix));
		JsonNode first = row(bulletin, 1);
		assertThat(first.get("overdueInPeriod").asInt()).isEqualTo(1);
		assertThat(first.get("overdueNow").asInt()).isEqualTo(1);
		assertThat(first.get("urges").asInt()).isEqualTo(1);
		assertThat(first.at("/campaigns/0/stage").asText()).isEqualTo("动员部署");
		assertThat(row(bulletin, 2).get("rectifyOrders").asInt()).isEqualTo(1);
		assertThat(row(bulletin, 2).get("criticised").asBoolean()).isTrue();
		assertThat(row(bulletin, 3).get("appraisalGrade").asText()).isEqualTo("差");
		JsonNode fourth = row(bulletin, 4);
		assertThat(fourth.get("appraisalGrade").asText()).isEqualTo("好");
		assertThat(fourth.at("/campaigns/0/signed").asInt()).isEqualTo(3);
		assertThat(fourth.at("/campaigns/0/members").asInt()).isEqualTo(3);
		assertThat(fourth.get("criticised").asBoolean()).isFalse();

		assertThat(list(bulletin.get("criticisms")))
			.extracting((c) -> c.get("organization").asText() + "/" + c.get("kind").asText())
			.containsExactly("测试支部2/REVIEW", "测试支部3/APPRAISAL");
		assertThat(bulletin.at("/criticisms/0/reason").asText()).contains("团委领导点评责令限期整改", "活动开展不够");
		assertThat(bulletin.at("/criticisms/0/deadline").asText()).isEqualTo(today.plusDays(20).toString());
		assertThat(bulletin.at("/criticisms/1/reason").asText()).contains("不满意率100%", "评定为“差”");
		assertThat(list(bulletin.get("praises"))).extracting((p) -> p.get("organization").asText())
			.containsOnly("测试支部4");
	}

	@Test
	void periodBeforeTheRecordsCountsNothingThatHappenedButTheStateNow() throws Exception {
		LocalDate lastYear = LocalDate.now().minusYears(1);
		JsonNode bulletin = bulletin("?from=" + lastYear.withDayOfMonth(1) + "&to=" + lastYear.withDayOfMonth(20));
		assertThat(bulletin.at("/overview/overdueInPeriod").asInt()).isZero();
		assertThat(bulletin.at("/overview/urges").asInt()).isZero();
		assertThat(bulletin.get("criticisms")).isEmpty();
		assertThat(bulletin.get("praises")).isEmpty();
		// what stands now is shown whatever the period
		assertThat(bulletin.at("/overview/overdueNow").asInt()).isEqualTo(1);
		assertThat(bulletin.at("/overview/stages/已完成").asInt()).isEqualTo(1);
	}

	@Test
	void pageShowsTheNoticeWithTheCriticisedOrganisations() {
		HttpResponse<String> page = as(this.prefix + "g").get("/supervision/" + this.prefix + "G/bulletin",
				"text/html");
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("督查通报", "测试团总支" + this.prefix, "一、总体情况", "二、各团支部推进情况", "测试支部1", "三、通报批评",
				"测试支部2", "团委领导点评责令限期整改", "测试支部3", "评定为“差”", "四、表扬", "测试支部4", "bulletin.pdf");
	}

	@Test
	void pdfIsAChineseA4NoticeWithEveryBranch() throws Exception {
		HttpResponse<byte[]> response = as(this.prefix + "h").getBytes(path(".pdf"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
		try (PDDocument pdf = Loader.loadPDF(response.body())) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("督 查 通 报", "测试团委" + this.prefix, "一、总体情况", "二、各团支部推进情况", "三、通报批评", "四、表扬");
			assertThat(text).contains("测试支部1", "测试支部2", "测试支部3", "测试支部4", "测试团总支" + this.prefix);
			assertThat(text.replaceAll("\\s", "")).contains("团委领导点评责令限期整改", "评定为“差”");
			assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f,
					org.assertj.core.api.Assertions.within(0.5f));
			BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 100);
			Path file = Path.of("target", "screenshots", "bulletin-page1.png");
			Files.createDirectories(file.getParent());
			ImageIO.write(page, "png", file.toFile());
		}
	}

	@Test
	void refusesABranchSecretaryBadDatesAndAnUnknownCommittee() throws Exception {
		for (String outsider : List.of(this.prefix + "s1", this.prefix + "m12")) {
			HttpResponse<String> refused = as(outsider).get("/api" + path(""));
			assertThat(refused.statusCode()).as(outsider).isEqualTo(403);
			assertThat(refused.body()).contains("督查通报");
			assertThat(as(outsider).getBytes(path(".pdf")).statusCode()).isEqualTo(403);
		}
		Map<String, String> bad = Map.of("?from=2026-03-10&to=2026-03-01", "起始日期不能晚于截止日期", "?from=2026-13-01",
				"起始日期格式不正确", "?from=2025-01-01&to=2026-03-01", "通报期间不能超过一年", "?to=yesterday", "截止日期格式不正确");
		for (Map.Entry<String, String> query : bad.entrySet()) {
			HttpResponse<String> refused = as(this.prefix + "c").get("/api" + path(query.getKey()));
			assertThat(refused.statusCode()).as(query.getKey()).isEqualTo(400);
			assertThat(json.readTree(refused.body()).get("message").asText()).contains(query.getValue());
		}
		assertThat(as(this.prefix + "c").get(path("?from=2026-03-10&to=2026-03-01"), "text/html").statusCode())
			.isEqualTo(400);
		HttpResponse<String> unknown = TestHttp.basic(this.port, "admin", "admin")
			.get("/api/supervision/NOSUCH/bulletin");
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

}
