package org.cyl.excellence.memberappraisal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cyl.excellence.organization.Member;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The module's tables: the launches (member_appraisal), each branch's sheet
 * (member_appraisal_branch) and its lines, one per member (member_appraisal_entry).
 */
@Repository
class MemberAppraisalRepository {

	/** The steps of a branch's sheet, in order. */
	static final String SELF_ASSESSMENT = "SELF_ASSESSMENT";

	static final String SELF_RECORD = "SELF_RECORD";

	static final String MEETING = "MEETING";

	static final String PROPOSAL = "PROPOSAL";

	static final String APPROVAL = "APPROVAL";

	static final String APPROVED = "APPROVED";

	private final JdbcClient jdbc;

	MemberAppraisalRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Appraisal(String id, String committeeCode, int year, LocalDate selfAssessmentDue, LocalDate meetingDue,
			String initiator, Instant startedAt) {

		public String title() {
			return this.year + "年度团员教育评议";
		}

	}

	record BranchSheet(String appraisalId, String branchCode, int year, String processInstanceId, String status,
			LocalDate meetingDate, Integer entitled, Integer present, int meetingsHeld, String decidedBy,
			String returnOpinion) {
	}

	/** One member's line: self-assessment, the vote counts per grade, the grade. */
	record Entry(String leagueNo, String memberName, String username, String selfAssessment, String selfAssessmentBy,
			Integer votesExcellent, Integer votesQualified, Integer votesBasic, Integer votesUnqualified, String grade,
			String gradeReason) {

		public boolean hasVotes() {
			return this.votesExcellent != null && this.votesQualified != null && this.votesBasic != null
					&& this.votesUnqualified != null;
		}

		public int ballots() {
			return hasVotes() ? this.votesExcellent + this.votesQualified + this.votesBasic + this.votesUnqualified : 0;
		}

		/**
		 * The grade the vote gives: the one with the most votes, a tie going to the lower
		 * grade; null without votes.
		 */
		public Grade voteGrade() {
			if (!hasVotes() || ballots() == 0) {
				return null;
			}
			int[] counts = { this.votesExcellent, this.votesQualified, this.votesBasic, this.votesUnqualified };
			int best = 0;
			for (int i = 1; i < counts.length; i++) {
				if (counts[i] >= counts[best]) {
					best = i;
				}
			}
			return Grade.values()[best];
		}

		public String votesText() {
			return hasVotes() ? "优秀 " + this.votesExcellent + "，合格 " + this.votesQualified + "，基本合格 " + this.votesBasic
					+ "，不合格 " + this.votesUnqualified : "未登记";
		}

	}

	boolean launched(String committeeCode, int year) {
		return this.jdbc.sql("select count(*) from member_appraisal where committee_code = ? and appraisal_year = ?")
			.params(committeeCode, year)
			.query(Integer.class)
			.single() > 0;
	}

	void createAppraisal(String id, String committeeCode, int year, LocalDate selfAssessmentDue, LocalDate meetingDue,
			String initiator, String processInstanceId) {
		this.jdbc.sql("""
				insert into member_appraisal (id, committee_code, appraisal_year, self_assessment_due, meeting_due,
				  initiator, started_at, process_instance_id) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, committeeCode, year, Date.valueOf(selfAssessmentDue), Date.valueOf(meetingDue), initiator,
					Timestamp.from(Instant.now()), processInstanceId)
			.update();
	}

	Optional<Appraisal> find(String id) {
		return this.jdbc.sql("select * from member_appraisal where id = ?")
			.param(id)
			.query(MemberAppraisalRepository::appraisal)
			.optional();
	}

	/** The launches of the committees, the latest year first. */
	List<Appraisal> ofCommittees(Collection<String> committeeCodes) {
		if (committeeCodes.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(
				"select * from member_appraisal where committee_code in (:codes) order by appraisal_year desc, started_at desc")
			.param("codes", committeeCodes)
			.query(MemberAppraisalRepository::appraisal)
			.list();
	}

	void createBranch(String appraisalId, String branchCode, int year, String processInstanceId, List<Member> members) {
		this.jdbc
			.sql("""
					insert into member_appraisal_branch (appraisal_id, branch_code, appraisal_year, process_instance_id, status)
					values (?, ?, ?, ?, ?)""")
			.params(appraisalId, branchCode, year, processInstanceId, SELF_ASSESSMENT)
			.update();
		for (Member m : members) {
			this.jdbc.sql("""
					insert into member_appraisal_entry (appraisal_id, branch_code, league_no, member_name, username)
					values (?, ?, ?, ?, ?)""")
				.params(appraisalId, branchCode, m.leagueNo(), m.name(), m.username())
				.update();
		}
	}

	Optional<BranchSheet> branch(String appraisalId, String branchCode) {
		return this.jdbc.sql("select * from member_appraisal_branch where appraisal_id = ? and branch_code = ?")
			.params(appraisalId, branchCode)
			.query(MemberAppraisalRepository::branchSheet)
			.optional();
	}

	List<BranchSheet> branches(String appraisalId) {
		return this.jdbc.sql("select * from member_appraisal_branch where appraisal_id = ? order by branch_code")
			.param(appraisalId)
			.query(MemberAppraisalRepository::branchSheet)
			.list();
	}

	void setStatus(String appraisalId, String branchCode, String status) {
		this.jdbc.sql("update member_appraisal_branch set status = ? where appraisal_id = ? and branch_code = ?")
			.params(status, appraisalId, branchCode)
			.update();
	}

	List<Entry> entries(String appraisalId, String branchCode) {
		return this.jdbc
			.sql("select * from member_appraisal_entry where appraisal_id = ? and branch_code = ? order by league_no")
			.params(appraisalId, branchCode)
			.query(MemberAppraisalRepository::entry)
			.list();
	}

	void saveSelfAssessment(String appraisalId, String leagueNo, String text, String by) {
		this.jdbc.sql("""
				update member_appraisal_entry set self_assessment = ?, self_assessment_by = ?
				where appraisal_id = ? and league_no = ?""").params(text, by, appraisalId, leagueNo).update();
	}

	void saveVotes(String appraisalId, String leagueNo, int[] votes) {
		this.jdbc.sql("""
				update member_appraisal_entry set votes_excellent = ?, votes_qualified = ?, votes_basic = ?,
				  votes_unqualified = ? where appraisal_id = ? and league_no = ?""")
			.params(votes[0], votes[1], votes[2], votes[3], appraisalId, leagueNo)
			.update();
	}

	/** A meeting without quorum counts no votes: they are cleared for the next one. */
	void clearVotes(String appraisalId, String branchCode) {
		this.jdbc.sql("""
				update member_appraisal_entry set votes_excellent = null, votes_qualified = null, votes_basic = null,
				  votes_unqualified = null where appraisal_id = ? and branch_code = ?""")
			.params(appraisalId, branchCode)
			.update();
	}

	void saveGrade(String appraisalId, String leagueNo, String grade, String reason) {
		this.jdbc.sql(
				"update member_appraisal_entry set grade = ?, grade_reason = ? where appraisal_id = ? and league_no = ?")
			.params(grade, reason, appraisalId, leagueNo)
			.update();
	}

	void recordMeeting(String appraisalId, String branchCode, LocalDate date, int entitled, int present) {
		this.jdbc.sql("""
				update member_appraisal_branch set meeting_date = ?, entitled = ?, present = ?,
				  meetings_held = meetings_held + 1 where appraisal_id = ? and branch_code = ?""")
			.params(Date.valueOf(date), entitled, present, appraisalId, branchCode)
			.update();
	}

	void proposed(String appraisalId, String branchCode, String by) {
		this.jdbc
			.sql("""
					update member_appraisal_branch set status = ?, proposed_by = ? where appraisal_id = ? and branch_code = ?""")
			.params(APPROVAL, by, appraisalId, branchCode)
			.update();
	}

	void decided(String appraisalId, String branchCode, boolean approved, String by, String opinion) {
		this.jdbc.sql("""
				update member_appraisal_branch set status = ?, decided_by = ?, decided_at = ?, return_opinion = ?
				where appraisal_id = ? and branch_code = ?""")
			.params(approved ? APPROVAL : PROPOSAL, by, Timestamp.from(Instant.now()), opinion, appraisalId, branchCode)
			.update();
	}

	/** A member's approved grade of a year, if the branch's grades were approved. */
	Optional<String> approvedGrade(String leagueNo, int year) {
		return this.jdbc.sql("""
				select e.grade from member_appraisal_entry e
				join member_appraisal_branch b on b.appraisal_id = e.appraisal_id and b.branch_code = e.branch_code
				where e.league_no = ? and b.appraisal_year = ? and b.status = 'APPROVED'
				order by b.decided_at desc""").params(leagueNo, year).query(String.class).list().stream().findFirst();
	}

	/** The member's approved grades, year → grade, the latest year first. */
	List<Map.Entry<Integer, String>> approvedGrades(String leagueNo) {
		return this.jdbc.sql("""
				select b.appraisal_year, e.grade from member_appraisal_entry e
				join member_appraisal_branch b on b.appraisal_id = e.appraisal_id and b.branch_code = e.branch_code
				where e.league_no = ? and b.status = 'APPROVED'
				order by b.appraisal_year desc, b.decided_at desc""")
			.param(leagueNo)
			.query((rs, n) -> Map.entry(rs.getInt(1), rs.getString(2)))
			.list();
	}

	/** The approved lines of a branch in a year. */
	List<Entry> approvedEntries(String branchCode, int year) {
		return this.jdbc.sql("""
				select e.* from member_appraisal_entry e
				join member_appraisal_branch b on b.appraisal_id = e.appraisal_id and b.branch_code = e.branch_code
				where e.branch_code = ? and b.appraisal_year = ? and b.status = 'APPROVED' order by e.league_no""")
			.params(branchCode, year)
			.query(MemberAppraisalRepository::entry)
			.list();
	}

	private static Appraisal appraisal(ResultSet rs, int row) throws SQLException {
		return new Appraisal(rs.getString("id"), rs.getString("committee_code"), rs.getInt("appraisal_year"),
				rs.getDate("self_assessment_due").toLocalDate(), rs.getDate("meeting_due").toLocalDate(),
				rs.getString("initiator"), rs.getTimestamp("started_at").toInstant());
	}

	private static BranchSheet branchSheet(ResultSet rs, int row) throws SQLException {
		Date meeting = rs.getDate("meeting_date");
		return new BranchSheet(rs.getString("appraisal_id"), rs.getString("branch_code"), rs.getInt("appraisal_year"),
				rs.getString("process_instance_id"), rs.getString("status"),
				(meeting != null) ? meeting.toLocalDate() : null, (Integer) rs.getObject("entitled"),
				(Integer) rs.getObject("present"), rs.getInt("meetings_held"), rs.getString("decided_by"),
				rs.getString("return_opinion"));
	}

	private static Entry entry(ResultSet rs, int row) throws SQLException {
		return new Entry(rs.getString("league_no"), rs.getString("member_name"), rs.getString("username"),
				rs.getString("self_assessment"), rs.getString("self_assessment_by"),
				(Integer) rs.getObject("votes_excellent"), (Integer) rs.getObject("votes_qualified"),
				(Integer) rs.getObject("votes_basic"), (Integer) rs.getObject("votes_unqualified"),
				rs.getString("grade"), rs.getString("grade_reason"));
	}

	static List<String> names(List<Entry> entries) {
		List<String> names = new ArrayList<>();
		entries.forEach((e) -> names.add(e.memberName()));
		return names;
	}

}
