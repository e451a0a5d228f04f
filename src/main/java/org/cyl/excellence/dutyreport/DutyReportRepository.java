package org.cyl.excellence.dutyreport;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The duty report tables (migration V17). */
@Repository
class DutyReportRepository {

	private final JdbcClient jdbc;

	DutyReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One launch of a committee for its subtree. */
	record Launch(String id, String committeeCode, int year, LocalDate reportDue, LocalDate appraisalCloses,
			int rectifyDays, String launchedBy) {
	}

	/** One secretary's report with its comment, appraisal and rating. */
	record Report(String id, String launchId, int year, String orgCode, String committeeCode, String status,
			String secretary, String text, LocalDateTime writtenAt, String comment, String commentedBy, String pollId,
			int round, Integer issued, Integer notified, Integer cast, Integer good, Integer fair, Integer poor,
			String rating, LocalDate rectifyDue, String processInstanceId) {
	}

	/** One attempt at the rectification and the committee's check. */
	record Rectification(int attempt, String measures, String result, String writtenBy, LocalDateTime writtenAt,
			String decision, String opinion, String decidedBy) {
	}

	void createLaunch(Launch l, String processInstanceId) {
		this.jdbc
			.sql("""
					insert into duty_report_launch (id, committee_code, duty_year, report_due, appraisal_closes, rectify_days,
					  launched_by, launched_at, process_instance_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(l.id(), l.committeeCode(), l.year(), Date.valueOf(l.reportDue()), Date.valueOf(l.appraisalCloses()),
					l.rectifyDays(), l.launchedBy(), Timestamp.from(Instant.now()), processInstanceId)
			.update();
	}

	Optional<Launch> findLaunch(String id) {
		return this.jdbc.sql("select * from duty_report_launch where id = ?")
			.param(id)
			.query((rs, n) -> new Launch(rs.getString("id"), rs.getString("committee_code"), rs.getInt("duty_year"),
					rs.getDate("report_due").toLocalDate(), rs.getDate("appraisal_closes").toLocalDate(),
					rs.getInt("rectify_days"), rs.getString("launched_by")))
			.optional();
	}

	void createReport(String id, Launch launch, String orgCode, String committeeCode) {
		this.jdbc.sql("""
				insert into duty_report (id, launch_id, duty_year, org_code, committee_code, status)
				values (?, ?, ?, ?, ?, 'WRITING')""")
			.params(id, launch.id(), launch.year(), orgCode, committeeCode)
			.update();
	}

	void attach(String id, String processInstanceId) {
		this.jdbc.sql("update duty_report set process_instance_id = ? where id = ? and process_instance_id is null")
			.params(processInstanceId, id)
			.update();
	}

	Optional<Report> find(String id) {
		return this.jdbc.sql("select * from duty_report where id = ?").param(id).query(this::report).optional();
	}

	/**
	 * The reports of the organisations whose committee above is the one given, or of it.
	 */
	List<Report> ofLaunch(String launchId) {
		return this.jdbc.sql("select * from duty_report where launch_id = ? order by org_code")
			.param(launchId)
			.query(this::report)
			.list();
	}

	List<Report> ofOrganization(String orgCode) {
		return this.jdbc.sql("select * from duty_report where org_code = ? order by duty_year desc, launch_id")
			.param(orgCode)
			.query(this::report)
			.list();
	}

	/** The launches of the committees asked, the newest first. */
	List<Launch> launches(List<String> committeeCodes) {
		if (committeeCodes.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select * from duty_report_launch where committee_code in (:codes) order by launched_at desc, id")
			.param("codes", committeeCodes)
			.query((rs, n) -> new Launch(rs.getString("id"), rs.getString("committee_code"), rs.getInt("duty_year"),
					rs.getDate("report_due").toLocalDate(), rs.getDate("appraisal_closes").toLocalDate(),
					rs.getInt("rectify_days"), rs.getString("launched_by")))
			.list();
	}

	void write(String id, String secretary, String text) {
		this.jdbc.sql("""
				update duty_report set secretary = ?, report_text = ?, written_at = ?, status = 'APPRAISING'
				where id = ?""").params(secretary, text, Timestamp.from(Instant.now()), id).update();
	}

	void comment(String id, String text, String by) {
		this.jdbc.sql("update duty_report set comment_text = ?, commented_by = ?, commented_at = ? where id = ?")
			.params(text, by, Timestamp.from(Instant.now()), id)
			.update();
	}

	void openRound(String id, String pollId, int round, int issued, int notified) {
		this.jdbc.sql("""
				update duty_report set poll_id = ?, appraisal_round = ?, ballots_issued = ?, notified_ballots = ?,
				  ballots_cast = null, good_count = null, fair_count = null, poor_count = null where id = ?""")
			.params(pollId, round, issued, notified, id)
			.update();
	}

	void tally(String id, int cast, int good, int fair, int poor) {
		this.jdbc.sql("""
				update duty_report set ballots_cast = ?, good_count = ?, fair_count = ?, poor_count = ? where id = ?""")
			.params(cast, good, fair, poor, id)
			.update();
	}

	void rate(String id, String rating, LocalDate rectifyDue) {
		boolean rectify = rectifyDue != null;
		this.jdbc.sql("""
				update duty_report set rating = ?, rectify_due = ?, status = ?, finished_at = ? where id = ?""")
			.params(rating, rectify ? Date.valueOf(rectifyDue) : null, rectify ? "RECTIFYING" : "DONE",
					rectify ? null : Timestamp.from(Instant.now()), id)
			.update();
	}

	void rectifyAgain(String id, LocalDate rectifyDue) {
		this.jdbc.sql("update duty_report set rectify_due = ? where id = ?")
			.params(Date.valueOf(rectifyDue), id)
			.update();
	}

	void finish(String id) {
		this.jdbc.sql("update duty_report set status = 'DONE', finished_at = ? where id = ?")
			.params(Timestamp.from(Instant.now()), id)
			.update();
	}

	int addRectification(String reportId, String measures, String result, String by) {
		int attempt = this.jdbc.sql("select count(*) from duty_rectification where report_id = ?")
			.param(reportId)
			.query(Integer.class)
			.single() + 1;
		this.jdbc.sql("""
				insert into duty_rectification (report_id, attempt, measures, result, written_by, written_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(reportId, attempt, measures, result, by, Timestamp.from(Instant.now()))
			.update();
		return attempt;
	}

	void decideRectification(String reportId, String decision, String opinion, String by) {
		this.jdbc.sql("""
				update duty_rectification set decision = ?, opinion = ?, decided_by = ?, decided_at = ?
				where report_id = ? and attempt = (select max(attempt) from duty_rectification where report_id = ?)""")
			.params(decision, opinion, by, Timestamp.from(Instant.now()), reportId, reportId)
			.update();
	}

	List<Rectification> rectifications(String reportId) {
		return this.jdbc.sql("select * from duty_rectification where report_id = ? order by attempt")
			.param(reportId)
			.query((rs, n) -> new Rectification(rs.getInt("attempt"), rs.getString("measures"), rs.getString("result"),
					rs.getString("written_by"), rs.getTimestamp("written_at").toLocalDateTime(),
					rs.getString("decision"), rs.getString("opinion"), rs.getString("decided_by")))
			.list();
	}

	private Report report(ResultSet rs, int n) throws SQLException {
		Timestamp written = rs.getTimestamp("written_at");
		Date due = rs.getDate("rectify_due");
		return new Report(rs.getString("id"), rs.getString("launch_id"), rs.getInt("duty_year"),
				rs.getString("org_code"), rs.getString("committee_code"), rs.getString("status"),
				rs.getString("secretary"), rs.getString("report_text"),
				(written != null) ? written.toLocalDateTime() : null, rs.getString("comment_text"),
				rs.getString("commented_by"), rs.getString("poll_id"), rs.getInt("appraisal_round"),
				(Integer) rs.getObject("ballots_issued"), (Integer) rs.getObject("notified_ballots"),
				(Integer) rs.getObject("ballots_cast"), (Integer) rs.getObject("good_count"),
				(Integer) rs.getObject("fair_count"), (Integer) rs.getObject("poor_count"), rs.getString("rating"),
				(due != null) ? due.toLocalDate() : null, rs.getString("process_instance_id"));
	}

}
