package org.cyl.excellence.memberappraisal;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.RestTasks;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.campaign.CampaignTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 团员教育评议 over HTTP as its people, through the real security chain: the 团总支's committee
 * member launches it from Tasklist's start form, members write through
 * {@code /engine-rest}, the secretary fills the sheet through its API and completes the
 * branch's tasks, the committee approves and downloads the grades (XLSX, PDF). Another
 * branch's secretary and a member are refused the sheet and the results (403), bad values
 * get a Chinese 400, and a member cannot launch.
 */
@ApplicationTest
class MemberAppraisalRestTests {

	private static final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	CampaignTestSupport support;

	private TestHttp as(String user) {
		return TestHttp.basic(this.port, user, "demo");
	}

	private String definition(TestHttp user) throws Exception {
		return json.readTree(user.get("/engine-rest/process-definition/key/MemberAppraisalProcess").body())
			.get("id")
			.asText();
	}

	@Test
	void theBranchWalksThroughAsItsPeople() throws Exception {
		String prefix = "MR" + System.nanoTime() % 100000;
		this.support.organization(prefix, 2);
		TestHttp committee = as(prefix + "g");
		TestHttp secretary = as(prefix + "s1");
		TestHttp member = as(prefix + "m12");
		String path = "/engine-rest/process-definition/" + definition(committee) + "/submit-form";

		// a member may not launch it
		assertThat(member.postJson(path, RestTasks.form(MemberAppraisalTestSupport.launch())).statusCode())
			.isEqualTo(403);
		HttpResponse<String> started = committee.postJson(path, RestTasks.form(MemberAppraisalTestSupport.launch()));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		String launch = json.readTree(started.body()).get("id").asText();
		this.support.runJobs(launch);
		String appraisalId = this.support.jdbc.sql("select id from member_appraisal where process_instance_id = ?")
			.param(launch)
			.query(String.class)
			.single();
		String pid = this.support.jdbc
			.sql("select process_instance_id from member_appraisal_branch where appraisal_id = ? and branch_code = ?")
			.params(appraisalId, prefix + "B1")
			.query(String.class)
			.single();

		for (String user : List.of(prefix + "s1", prefix + "m12", prefix + "m13")) {
			TestHttp person = as(user);
			String task = RestTasks.task(person, pid, "Task_WriteSelfAssessment");
			RestTasks.assertRefused(person.postJson("/engine-rest/task/" + task + "/submit-form",
					RestTasks.form(Map.of("selfAssessment", "太短"))), "自我评价");
			RestTasks.submit(person, task, Map.of("selfAssessment", MemberAppraisalTestSupport.text(user)));
		}
		this.support.runJobs(pid);
		RestTasks.submit(secretary, RestTasks.task(secretary, pid, "Task_RecordSelfAssessments"),
				Map.of("selfAssessmentsConfirmed", true));

		String sheet = "/api/member-appraisals/" + appraisalId + "/branches/" + prefix + "B1";
		assertThat(as(prefix + "s2").get(sheet).statusCode()).isEqualTo(403);
		assertThat(member.get(sheet).statusCode()).isEqualTo(403);
		assertThat(as(prefix + "s2").postJson(sheet + "/lines", "[]").statusCode()).isEqualTo(403);
		List<String> numbers = new ArrayList<>();
		json.readTree(secretary.get(sheet).body()).get("lines").forEach((l) -> numbers.add(l.get("leagueNo").asText()));
		assertThat(numbers).hasSize(3);
		HttpResponse<String> bad = secretary.postJson(sheet + "/lines",
				json.writeValueAsString(List.of(Map.of("leagueNo", numbers.get(0), "votesExcellent", -1,
						"votesQualified", 3, "votesBasic", 0, "votesUnqualified", 0))));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(json.readTree(bad.body()).get("message").asText()).contains("票数");
		assertThat(secretary.postJson(sheet + "/lines", "{not json").statusCode()).isEqualTo(400);
		List<Map<String, Object>> votes = new ArrayList<>();
		numbers.forEach((no) -> votes.add(Map.of("leagueNo", no, "votesExcellent", 0, "votesQualified", 3, "votesBasic",
				0, "votesUnqualified", 0)));
		assertThat(secretary.postJson(sheet + "/lines", json.writeValueAsString(votes)).statusCode()).isEqualTo(200);
		RestTasks.submit(secretary, RestTasks.task(secretary, pid, "Task_RecordAppraisalMeeting"),
				Map.of("meetingDate", LocalDate.now().toString(), "present", 3, "ballotsConfirmed", true));
		List<Map<String, Object>> grades = new ArrayList<>();
		numbers.forEach((no) -> grades.add(Map.of("leagueNo", no, "grade", "合格")));
		assertThat(secretary.postJson(sheet + "/lines", json.writeValueAsString(grades)).statusCode()).isEqualTo(200);
		RestTasks.submit(secretary, RestTasks.task(secretary, pid, "Task_ProposeMemberGrades"),
				Map.of("gradesConfirmed", true));
		// the branch's secretary does not approve its own grades
		assertThat(secretary
			.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=Task_ApproveMemberGrades")
			.body()).isEqualTo("[]");
		RestTasks.submit(committee, RestTasks.task(committee, pid, "Task_ApproveMemberGrades"),
				Map.of("approvalDecision", "approve"));

		String results = "/member-appraisals/" + appraisalId;
		HttpResponse<String> page = committee.get(results);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("已批准", "3 人可注册");
		assertThat(member.get(results).statusCode()).isEqualTo(403);
		assertThat(committee.get("/member-appraisals").body()).contains(LocalDate.now().getYear() + "年度团员教育评议");
		HttpResponse<byte[]> xlsx = committee.getBytes(results + "/grades.xlsx");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
		HttpResponse<byte[]> pdf = committee.getBytes(sheet.replace("/api", "") + "/grades.pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 4)).isEqualTo("%PDF");
		assertThat(as(prefix + "s2").getBytes(sheet.replace("/api", "") + "/grades.pdf").statusCode()).isEqualTo(403);
		JsonNode none = json.readTree(committee.get("/api/member-appraisals/nope/branches/x").body());
		assertThat(none.get("message").asText()).contains("不存在");
	}

}
