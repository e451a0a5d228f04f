package org.cyl.excellence.branch;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.MovableClock;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.cyl.excellence.campaign.Plan;
import org.cyl.excellence.shared.PublicUrl;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 公开承诺 for the youth over HTTP: the public page shows exactly what was approved (a
 * returned pledge only once approved again), names or counts as the campaign decided, the
 * 评诺, the leader reviews and the rectification; no login, no session; 404 for what does
 * not exist; the wall poster with its QR code; the ballot showing each item's pledge; the
 * suggestion box's limits and plain text, the answers.
 */
@ApplicationTest
class PublicPledgeTests {

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	@Autowired
	MovableClock clock;

	@Autowired
	PublicUrl publicUrl;

	private static String publicPath(String campaignId, String branch) {
		return "/public/campaigns/" + campaignId + "/branches/" + branch;
	}

	/** A campaign of a fresh organisation {@code p}: its id and the branch's process. */
	private String[] campaign(String p, String pledgeNames) {
		this.support.organization(p, 1);
		Map<String, Object> plan = new HashMap<>(CampaignTestSupport.plan(1));
		plan.put("pledgeNames", pledgeNames);
		ProcessInstance campaign = this.support.startCampaign(p + "c", plan);
		this.support.complete(this.support.task(campaign.getId(), "Task_ApprovePlan"),
				Map.of("planDecision", "approve"));
		this.support.runJobs(campaign.getId());
		String campaignId = (String) this.support.runtimeService.getVariable(campaign.getId(), "campaignId");
		return new String[] { campaignId, this.support.branchInstance(campaignId, p + "B1") };
	}

	private Map<String, Object> orgPledge(Task task, String prefix) {
		Map<String, Object> values = this.support.perItem(task, "commitment", (item) -> prefix + item);
		values.putAll(this.support.perItem(task, "measures", (item) -> "措施" + item));
		return values;
	}

	private HttpResponse<String> anonymous(String path) {
		return TestHttp.anonymous(this.port).get(path, "text/html");
	}

	/** The page as anybody reads it: 200, and no session cookie was set. */
	private String read(String path) {
		HttpResponse<String> page = anonymous(path);
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		assertThat(page.headers().allValues("Set-Cookie")).as("a public page creates no session").isEmpty();
		return page.body();
	}

	@Test
	void showsExactlyWhatIsApprovedWithNamesAndTheReviewsWithoutLoginOrSession() throws Exception {
		String[] c = campaign("pp1", Plan.NAMES);
		String campaignId = c[0];
		String pid = c[1];
		String path = publicPath(campaignId, "pp1B1");
		assertThat(read(path)).contains("测试支部1</span> 公开承诺", "测试团委pp1组织的创先争优活动", "尚未审核通过");

		this.support.mobilize(pid);
		Task draft = this.support.task(pid, "Task_DraftOrgPledge");
		this.support.complete(draft, orgPledge(draft, "初稿承诺"));
		this.support.signAll(pid);
		this.support.complete(this.support.task(pid, "Task_ReviewPledges"),
				Map.of("pledgeDecision", "return", "pledgeOpinion", "承诺不够具体"));
		String returned = read(path);
		assertThat(returned).as("a returned pledge is not public").doesNotContain("初稿承诺", "我承诺", "团员12");

		Task revise = this.support.task(pid, "Task_ReviseOrgPledge");
		this.support.complete(revise, orgPledge(revise, "定稿承诺"));
		this.support.runJobs(pid);
		assertThat(read(path)).as("a revised pledge is not public before it is approved").doesNotContain("定稿承诺");
		this.support.complete(this.support.task(pid, "Task_ReviewPledges"), Map.of("pledgeDecision", "approve"));
		this.support.runJobs(pid);
		String approved = read(path);
		assertThat(approved)
			.contains("定稿承诺组织建设好", "措施组织建设好", "团员11", "团干部 · 更高标准", "标准高于一般团员", "团员12", "我承诺带头坚定信念", "3 / 3 名团员已签订个人承诺",
					"本轮践诺期结束后")
			.doesNotContain("初稿承诺");

		// 评诺, then the leader review orders a rectification, which the branch reports
		this.support.fireTimer(pid, "Event_FulfilmentPeriodEnded");
		this.support.evaluate(pid);
		assertThat(read(path)).contains("评诺：履诺", "履诺 3 人，部分履诺 0 人，未履诺 0 人");
		this.support.report(pid);
		this.support.review(pid, "RECTIFY", "PASS");
		this.support.runJobs(pid);
		assertThat(read(path)).contains("领导点评", "团委点评 第1次", "限期整改", "指出问题：活动开展不够", "党组织点评 第1次", "整改期限：");
		this.support.complete(this.support.task(pid, "Task_Rectify"),
				Map.of("rectifyMeasures", "每周开展一次主题团日", "rectifyResult", "已开展四次"));
		assertThat(read(path)).contains("整改措施：每周开展一次主题团日", "整改结果：已开展四次");

		// the wall poster: for the branch's people, with the public page's address as QR
		// code
		TestHttp secretary = TestHttp.basic(this.port, "pp1s1", "demo");
		HttpResponse<byte[]> poster = secretary
			.getBytes("/campaigns/" + campaignId + "/branches/pp1B1/pledges/poster.pdf");
		assertThat(poster.statusCode()).isEqualTo(200);
		assertThat(poster.headers().firstValue("Content-Type")).hasValue("application/pdf");
		// kept for a person to look at: target/screenshots/pp-poster.pdf
		java.nio.file.Files.createDirectories(org.cyl.excellence.Chromium.SCREENSHOTS);
		java.nio.file.Files.write(org.cyl.excellence.Chromium.SCREENSHOTS.resolve("pp-poster.pdf"), poster.body());
		try (PDDocument pdf = Loader.loadPDF(poster.body())) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("测试支部1", "定稿承诺组织建设好", "团员11");
			assertThat(qrCodes(pdf)).containsExactly(this.publicUrl.of(path));
		}
		assertThat(TestHttp.basic(this.port, "sec120101", "demo")
			.getBytes("/campaigns/" + campaignId + "/branches/pp1B1/pledges/poster.pdf")
			.statusCode()).as("another branch's secretary").isEqualTo(403);
		assertThat(anonymous("/campaigns/" + campaignId + "/branches/pp1B1/pledges/poster.pdf").statusCode())
			.as("the poster is printed after login")
			.isIn(302, 401);
	}

	@Test
	void onlyCountsWhenTheCampaignPublishesNoNames() {
		String[] c = campaign("pp2", Plan.COUNTS);
		String pid = c[1];
		this.support.mobilize(pid);
		this.support.draftOrgPledge(pid);
		this.support.signAll(pid);
		this.support.complete(this.support.task(pid, "Task_ReviewPledges"), Map.of("pledgeDecision", "approve"));
		this.support.runJobs(pid);
		assertThat(read(publicPath(c[0], "pp2B1"))).contains("承诺：组织建设好", "3 / 3 名团员已签订个人承诺，其中团干部 1 人", "只公开承诺人数")
			.doesNotContain("团员11", "团员12", "我承诺");
	}

	@Test
	void unknownCampaignsAndBranchesAndBranchesNotTakingPartAre404() {
		String[] c = campaign("pp3", Plan.NAMES);
		assertThat(anonymous(publicPath("no-such-campaign", "pp3B1")).statusCode()).isEqualTo(404);
		assertThat(anonymous(publicPath(c[0], "nosuchbranch")).statusCode()).isEqualTo(404);
		assertThat(anonymous(publicPath(c[0], "120202")).statusCode()).as("a branch of another committee")
			.isEqualTo(404);
		assertThat(anonymous(publicPath(c[0], "pp3G")).statusCode()).as("not a branch").isEqualTo(404);
		HttpResponse<String> post = TestHttp.anonymous(this.port)
			.post(publicPath("no-such-campaign", "pp3B1") + "/suggestions", "content=" + "意见意见意见",
					"application/x-www-form-urlencoded");
		assertThat(post.statusCode()).isEqualTo(404);
	}

	@Test
	void theSuggestionBoxTakesPlainTextWithinItsLimitsAndShowsTheAnswers() throws Exception {
		this.clock.advance(Duration.ofDays(2));
		String[] c = campaign("pp4", Plan.NAMES);
		String campaignId = c[0];
		String path = publicPath(campaignId, "pp4B1");
		TestHttp anyone = TestHttp.anonymous(this.port);
		for (Map.Entry<String, String> bad : Map
			.of("好", "5 到 500", "x".repeat(501), "5 到 500", "<script>alert(1)</script>很好", "纯文字",
					"请看 http://spam.example.com 这里", "网址链接", "加强&#x3c;学习&#x3e;", "纯文字")
			.entrySet()) {
			HttpResponse<String> refused = anyone.post(path + "/suggestions",
					TestHttp.form(Map.of("content", bad.getKey())), "application/x-www-form-urlencoded");
			assertThat(refused.statusCode()).as(bad.getKey()).isEqualTo(400);
			assertThat(refused.body()).contains(bad.getValue());
			assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
		}
		assertThat(count(campaignId)).as("nothing refused is stored").isZero();

		HttpResponse<String> filed = anyone.post(path + "/suggestions",
				TestHttp.form(Map.of("content", "希望多组织志愿服务活动\n周末也可以")), "application/x-www-form-urlencoded");
		assertThat(filed.statusCode()).isEqualTo(302);
		assertThat(filed.headers().firstValue("Location").orElseThrow()).endsWith(path + "?suggested#suggestions");
		assertThat(filed.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(read(path + "?suggested")).contains("您的意见建议已收到").doesNotContain("希望多组织志愿服务活动");
		assertThat(this.support.jdbc.sql("select count(*) from notice where username in ('pp4s1', 'pp4g')")
			.query(Integer.class)
			.single()).as("the secretary and the committee above are told").isEqualTo(2);

		// at most 5 a day from one address: the 6th is refused and not stored
		for (int i = 2; i <= Suggestions.PER_ADDRESS_PER_DAY; i++) {
			assertThat(anyone
				.post(path + "/suggestions", TestHttp.form(Map.of("content", "第" + i + "条意见建议")),
						"application/x-www-form-urlencoded")
				.statusCode()).isEqualTo(302);
		}
		HttpResponse<String> tooMany = anyone.post(path + "/suggestions", TestHttp.form(Map.of("content", "第六条意见建议")),
				"application/x-www-form-urlencoded");
		assertThat(tooMany.statusCode()).isEqualTo(429);
		assertThat(tooMany.body()).contains("24 小时内最多提交 5 条");
		assertThat(count(campaignId)).isEqualTo(Suggestions.PER_ADDRESS_PER_DAY);
		assertThat(this.support.jdbc.sql("select count(*) from suggestion where content like '%127.0.0.1%'")
			.query(Integer.class)
			.single()).isZero();

		// the list: the secretary and the committee above, nobody else
		String list = "/campaigns/" + campaignId + "/branches/pp4B1/suggestions";
		TestHttp secretary = TestHttp.login(this.port, "pp4s1", "demo");
		assertThat(secretary.get(list).body()).contains("希望多组织志愿服务活动", "意见箱", "待答复");
		assertThat(TestHttp.login(this.port, "pp4m12", "demo").get(list).statusCode()).as("a member").isEqualTo(403);
		assertThat(TestHttp.login(this.port, "sec120101", "demo").get(list).statusCode())
			.as("another branch's secretary")
			.isEqualTo(403);
		long id = this.support.jdbc.sql("select id from suggestion where campaign_id = ? and content like '希望%'")
			.param(campaignId)
			.query(Long.class)
			.single();
		TestHttp committee = TestHttp.login(this.port, "pp4g", "demo");
		String token = committee.csrfToken(list);
		String answerPath = list + "/" + id + "/answer";
		assertThat(committee
			.post(answerPath, TestHttp.form(Map.of("answer", "", "_csrf", token)), "application/x-www-form-urlencoded")
			.statusCode()).isEqualTo(400);
		assertThat(TestHttp.login(this.port, "pp4m12", "demo")
			.post(answerPath, TestHttp.form(Map.of("answer", "冒充答复", "_csrf", token)),
					"application/x-www-form-urlencoded")
			.statusCode()).isEqualTo(403);
		HttpResponse<String> answered = committee.post(answerPath,
				TestHttp.form(Map.of("answer", "下月起每周六组织志愿服务", "_csrf", token)), "application/x-www-form-urlencoded");
		assertThat(answered.statusCode()).isEqualTo(302);
		assertThat(read(path)).contains("希望多组织志愿服务活动", "答复（", "下月起每周六组织志愿服务").doesNotContain("第2条意见建议");
	}

	@Test
	void theBallotShowsEachItemsPledgeAndItsCommentReachesTheBranch() {
		this.clock.advance(Duration.ofDays(2));
		String[] c = campaign("pp5", Plan.NAMES);
		String pid = c[1];
		this.support.toReview(pid);
		this.support.review(pid, "PASS", "PASS");
		String appraisalId = this.support.initiateAppraisal(this.support.appraisalInstance(pid), 3);
		String ballot = "/ballot/" + this.support.tokens.token(appraisalId, 0);
		String page = anonymous(ballot).body();
		for (String item : List.of("组织建设好", "团员教育好", "活动开展好", "青年反映好")) {
			assertThat(page).contains("<summary>本支部对此项的承诺</summary>", "承诺：承诺：" + item, "措施：措施：" + item);
		}
		assertThat(page).contains("href=\"" + publicPath(c[0], "pp5B1") + "\"", "查看测试支部1的公开承诺");

		List<String> answers = new ArrayList<>(
				List.of("item0=SATISFIED", "item1=SATISFIED", "item2=SATISFIED", "item3=SATISFIED", "item4=SATISFIED"));
		answers.add("comment=" + java.net.URLEncoder.encode("希望团日活动更贴近同学", java.nio.charset.StandardCharsets.UTF_8));
		HttpResponse<String> cast = TestHttp.anonymous(this.port)
			.post(ballot, String.join("&", answers), "application/x-www-form-urlencoded");
		assertThat(cast.statusCode()).as(cast.body()).isEqualTo(200);
		assertThat(this.support.jdbc
			.sql("select source from suggestion where campaign_id = ? and branch_code = 'pp5B1' and content = ?")
			.params(c[0], "希望团日活动更贴近同学")
			.query(String.class)
			.list()).containsExactly("BALLOT");
	}

	@Test
	void aCandidateListsBallotShowsEachCandidatesDeeds() {
		String[] c = campaign("pp6", Plan.NAMES);
		this.support.finishBranch(c[1]);
		String commendation = this.support.commendationOf(c[0]);
		this.support.nominate(commendation, List.of("pp6B1"), List.of());
		this.support.assess(commendation, (x) -> "ACCEPT", true);
		this.support.writeDeeds(commendation);
		this.support.runJobs(commendation);
		String appraisal = this.support.runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(commendation)
			.singleResult()
			.getId();
		String appraisalId = this.support.initiateAppraisal(appraisal, 2);
		String page = anonymous("/ballot/" + this.support.tokens.token(appraisalId, 0)).body();
		assertThat(page).contains("<summary>公示的主要事迹</summary>", "组织志愿服务十二次");
	}

	private int count(String campaignId) {
		return this.support.jdbc.sql("select count(*) from suggestion where campaign_id = ?")
			.param(campaignId)
			.query(Integer.class)
			.single();
	}

	private static List<String> qrCodes(PDDocument pdf) throws Exception {
		List<String> codes = new ArrayList<>();
		PDResources resources = pdf.getPage(0).getResources();
		for (COSName name : resources.getXObjectNames()) {
			if (resources.getXObject(name) instanceof PDImageXObject image) {
				BufferedImage bitmap = image.getImage();
				codes
					.add(new QRCodeReader()
						.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(bitmap))),
								java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
						.getText());
			}
		}
		return codes;
	}

}
