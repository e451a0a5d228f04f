package org.cyl.excellence.dutyreport;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.RestTasks;
import org.cyl.excellence.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyl.excellence.RestTasks.submit;
import static org.cyl.excellence.RestTasks.task;

/**
 * The duty report walked through the real security chain as its people: the committee
 * member launches it over REST, the secretary writes (a short report and an extra
 * variable refused, another branch's secretary and a member seeing nothing), the members
 * vote through the links on their 工作台 without logging in, the committee above comments
 * and prints the PDF, and the launching committee reads the results and their Excel —
 * each page refused to those it is not for.
 */
@ApplicationTest
class DutyReportRestTests {

	private static final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	DutyReportTestSupport duty;

	TestHttp as(String user) {
		return TestHttp.basic(this.port, user, "demo");
	}

	@Test
	void theDutyReportAsItsPeopleDoIt() throws Exception {
		String p = "RD" + System.nanoTime() % 100000;
		this.duty.support.organization(p, 2, 4, true);
		HttpResponse<String> started = as(p + "c").postJson(
				"/engine-rest/process-definition/key/DutyReportProcess/submit-form",
				RestTasks.form(DutyReportTestSupport.launchForm()));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		String launchPid = json.readTree(started.body()).get("id").asText();
		this.duty.support.runJobs(launchPid);
		String launchId = this.duty.support.jdbc.sql("select id from duty_report_launch where process_instance_id = ?")
			.param(launchPid)
			.query(String.class)
			.single();
		String pid = this.duty.reportInstance(launchId, p + "B1");
		String reportId = this.duty.support.jdbc.sql("select id from duty_report where process_instance_id = ?")
			.param(pid)
			.query(String.class)
			.single();

		// another branch's secretary and a member of the branch see nothing of it
		for (String other : List.of(p + "s2", p + "m12")) {
			assertThat(as(other).get("/engine-rest/task?processInstanceId=" + pid).body()).isEqualTo("[]");
		}
		String write = task(as(p + "s1"), pid, "Task_WriteReport");
		for (String other : List.of(p + "s2", p + "m12")) {
			assertThat(as(other)
				.postJson("/engine-rest/task/" + write + "/submit-form",
						RestTasks.form(Map.of("reportText", DutyReportTestSupport.report(800))))
				.statusCode()).isBetween(400, 499);
		}
		// too short, and one variable too many: refused, nothing written
		RestTasks.assertRefused(as(p + "s1").postJson("/engine-rest/task/" + write + "/submit-form",
				RestTasks.form(Map.of("reportText", DutyReportTestSupport.report(799)))), "述职报告");
		RestTasks.assertRefused(
				as(p + "s1").postJson("/engine-rest/task/" + write + "/submit-form",
						RestTasks
							.form(Map.of("reportText", DutyReportTestSupport.report(800), "appraisalValid", true))),
				"appraisalValid");
		submit(as(p + "s1"), write, Map.of("reportText", DutyReportTestSupport.report(800)));

		// the members vote from their notices, without logging in; a link counts once
		List<String> links = this.duty.support.jdbc
			.sql("select link from notice where username like ? and link like '/ballot/%' order by username")
			.param(p + "m1%")
			.query(String.class)
			.list();
		assertThat(links).hasSize(3);
		TestHttp masses = TestHttp.anonymous(this.port);
		HttpResponse<String> ballot = masses.get(links.get(0));
		assertThat(ballot.statusCode()).isEqualTo(200);
		assertThat(ballot.body()).contains("述职评议").contains("value=\"GOOD\"").contains("value=\"POOR\"");
		for (String link : links) {
			assertThat(masses.post(link, "item0=GOOD", "application/x-www-form-urlencoded").statusCode())
				.isEqualTo(200);
		}
		assertThat(masses.post(links.get(0), "item0=POOR", "application/x-www-form-urlencoded").statusCode())
			.isEqualTo(409);
		// the secretary's printable ballots are his alone (here: everybody has an
		// account)
		assertThat(as(p + "s1").get("/dutyreports/" + reportId + "/ballots").statusCode()).isEqualTo(200);
		assertThat(as(p + "m12").get("/dutyreports/" + reportId + "/ballots").statusCode()).isEqualTo(403);
		// no appraisal page opens the poll
		String pollId = this.duty.support.jdbc.sql("select poll_id from duty_report where id = ?")
			.param(reportId)
			.query(String.class)
			.single();
		assertThat(as(p + "g").get("/appraisals/" + pollId + "/ballots").statusCode()).isEqualTo(404);

		// the committee above comments, with the report's PDF as its tool
		String comment = task(as(p + "g"), pid, "Task_CommentReport");
		HttpResponse<byte[]> pdf = as(p + "g").getBytes("/dutyreports/" + reportId + ".pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
		assertThat(as(p + "s2").getBytes("/dutyreports/" + reportId + ".pdf").statusCode()).isEqualTo(403);
		submit(as(p + "g"), comment, Map.of("commentText", "报告实事求是，履职部分要补充团员发展的具体数字和下一步安排。"));
		this.duty.support.fireTimer(pid, "Event_AppraisalClosed");

		// the launching committee reads the results and downloads them
		HttpResponse<String> results = as(p + "c").get("/dutyreports/launches/" + launchId);
		assertThat(results.statusCode()).isEqualTo(200);
		assertThat(results.body()).contains("测试支部1").contains("3/3").contains("好");
		assertThat(as(p + "c").get("/dutyreports").body()).contains("/dutyreports/launches/" + launchId);
		HttpResponse<byte[]> xlsx = as(p + "c").getBytes("/api/dutyreports/launches/" + launchId + ".xlsx");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.body()[0]).isEqualTo((byte) 'P');
		assertThat(as(p + "s1").get("/dutyreports/launches/" + launchId).statusCode()).isEqualTo(403);
		assertThat(as(p + "s1").getBytes("/api/dutyreports/launches/" + launchId + ".xlsx").statusCode())
			.isEqualTo(403);
	}

}
