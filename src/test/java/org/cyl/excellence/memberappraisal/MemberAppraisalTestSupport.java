package org.cyl.excellence.memberappraisal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cyl.excellence.campaign.CampaignTestSupport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Drives the member appraisal as its people would: the launch as Tasklist's start form,
 * the tasks through their forms, the sheet through {@link AppraisalSheet} as the
 * secretary. Uses the organisations of {@link CampaignTestSupport#organization}.
 */
@Component
public class MemberAppraisalTestSupport {

	public final CampaignTestSupport support;

	final AppraisalSheet sheets;

	final JdbcClient jdbc;

	MemberAppraisalTestSupport(CampaignTestSupport support, AppraisalSheet sheets, JdbcClient jdbc) {
		this.support = support;
		this.sheets = sheets;
		this.jdbc = jdbc;
	}

	/** The start form's values: this year, deadlines in two and four weeks. */
	public static Map<String, Object> launch() {
		Map<String, Object> values = new HashMap<>();
		values.put("appraisalYear", (long) LocalDate.now().getYear());
		values.put("selfAssessmentDue", LocalDate.now().plusDays(14).toString());
		values.put("meetingDue", LocalDate.now().plusDays(28).toString());
		return values;
	}

	/** Launches as {@code user} from Tasklist and runs the fan-out's jobs. */
	public ProcessInstance launch(String user, Map<String, Object> values) {
		String definition = this.support.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(MemberAppraisalVariables.LAUNCH_PROCESS)
			.latestVersion()
			.singleResult()
			.getId();
		List<String> groups = this.support.identityService.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(org.camunda.bpm.engine.identity.Group::getId)
			.toList();
		this.support.identityService.setAuthentication(user, groups);
		ProcessInstance instance;
		try {
			instance = this.support.formService.submitStartForm(definition, values);
		}
		finally {
			this.support.identityService.clearAuthentication();
		}
		this.support.runJobs(instance.getId());
		return instance;
	}

	/** The branch's process of a launch. */
	public String branchInstance(String appraisalId, String branchCode) {
		return this.jdbc
			.sql("select process_instance_id from member_appraisal_branch where appraisal_id = ? and branch_code = ?")
			.params(appraisalId, branchCode)
			.query(String.class)
			.single();
	}

	public static Authentication as(String user) {
		return new UsernamePasswordAuthenticationToken(user, null, List.of(new SimpleGrantedAuthority("ROLE_USER")));
	}

	public static String text(String who) {
		return who + "：本年度认真学习党的理论和团的知识，积极参加组织生活和志愿服务，按时交纳团费，今后继续努力。";
	}

	/** Every member with an account writes; the asynchronous continuations run. */
	public void writeAll(String pid) {
		for (Task task : this.support.tasks(pid, "Task_WriteSelfAssessment")) {
			this.support.complete(task, Map.of("selfAssessment", text(task.getAssignee())));
		}
		this.support.runJobs(pid);
	}

	public AppraisalSheet.View sheet(String appraisalId, String branch, String user) {
		return this.sheets.open(appraisalId, branch, as(user));
	}

	/** The secretary records the self-assessments still missing. */
	public void recordMissing(String appraisalId, String branch, String secretary) {
		List<AppraisalSheet.Line> lines = new ArrayList<>();
		for (MemberAppraisalRepository.Entry e : sheet(appraisalId, branch, secretary).entries()) {
			if (e.selfAssessment() == null) {
				lines.add(new AppraisalSheet.Line(e.leagueNo(), text(e.memberName()), null, null, null, null, null,
						null));
			}
		}
		if (!lines.isEmpty()) {
			this.sheets.save(appraisalId, branch, lines, as(secretary));
		}
	}

	/** The secretary enters the counts {优秀, 合格, 基本合格, 不合格} for every member. */
	public void votes(String appraisalId, String branch, String secretary, int... counts) {
		List<AppraisalSheet.Line> lines = new ArrayList<>();
		for (MemberAppraisalRepository.Entry e : sheet(appraisalId, branch, secretary).entries()) {
			lines.add(new AppraisalSheet.Line(e.leagueNo(), null, counts[0], counts[1], counts[2], counts[3], null,
					null));
		}
		this.sheets.save(appraisalId, branch, lines, as(secretary));
	}

	/**
	 * The secretary proposes grades by League number; the others get their vote's grade.
	 */
	public void grades(String appraisalId, String branch, String secretary, Map<String, String[]> byLeagueNo) {
		List<AppraisalSheet.Line> lines = new ArrayList<>();
		for (MemberAppraisalRepository.Entry e : sheet(appraisalId, branch, secretary).entries()) {
			String[] chosen = byLeagueNo.get(e.leagueNo());
			String grade = (chosen != null) ? chosen[0] : e.voteGrade().label();
			String reason = (chosen != null && chosen.length > 1) ? chosen[1] : null;
			lines.add(new AppraisalSheet.Line(e.leagueNo(), null, null, null, null, null, grade, reason));
		}
		this.sheets.save(appraisalId, branch, lines, as(secretary));
	}

	public static Map<String, Object> meeting(long present) {
		Map<String, Object> values = new HashMap<>();
		values.put("meetingDate", LocalDate.now().toString());
		values.put("present", present);
		values.put("ballotsConfirmed", true);
		return values;
	}

	/**
	 * Records approved grades of this year for members, as an approved branch sheet
	 * would: for other modules' tests (the commendation's 优秀团员 eligibility). A branch has
	 * one sheet a year (member_appraisal_branch_once_a_year): the branch's sheet of this
	 * year is taken where there is one (written here before, or by an appraisal the test
	 * ran), else one is made; a member's grade already on it is replaced.
	 */
	public static void approvedGrades(JdbcClient jdbc, String branchCode, Map<String, String> gradeByLeagueNo) {
		int year = LocalDate.now().getYear();
		String id = jdbc
			.sql("select appraisal_id from member_appraisal_branch where appraisal_year = ? and branch_code = ?")
			.params(year, branchCode)
			.query(String.class)
			.optional()
			.orElse(null);
		if (id == null) {
			id = java.util.UUID.randomUUID().toString();
			jdbc.sql("""
					insert into member_appraisal (id, committee_code, appraisal_year, self_assessment_due, meeting_due,
					  initiator, started_at, process_instance_id) values (?, ?, ?, current_date, current_date, 'test',
					  current_timestamp, 'test')""").params(id, "T" + id.substring(0, 8), year).update();
			jdbc.sql("""
					insert into member_appraisal_branch (appraisal_id, branch_code, appraisal_year, process_instance_id,
					  status, decided_at) values (?, ?, ?, 'test', 'APPROVED', current_timestamp)""")
				.params(id, branchCode, year)
				.update();
		}
		String sheet = id;
		gradeByLeagueNo.forEach((no, grade) -> {
			if (jdbc.sql("update member_appraisal_entry set grade = ? where appraisal_id = ? and league_no = ?")
				.params(grade, sheet, no)
				.update() == 0) {
				jdbc.sql("""
						insert into member_appraisal_entry (appraisal_id, branch_code, league_no, member_name, grade)
						values (?, ?, ?, ?, ?)""").params(sheet, branchCode, no, no, grade).update();
			}
		});
	}

	/** Changes a member's approved grades of this year (a test's detour). */
	public static void regrade(JdbcClient jdbc, String leagueNo, String grade) {
		jdbc.sql("update member_appraisal_entry set grade = ? where league_no = ?").params(grade, leagueNo).update();
	}

}
