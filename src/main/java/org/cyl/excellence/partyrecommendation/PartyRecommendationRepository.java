package org.cyl.excellence.partyrecommendation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The tables of 推优入党 (V16). */
@Repository
class PartyRecommendationRepository {

	record Launch(long id, String committeeCode, RecommendationStage stage, LocalDate launchedOn, String launchedBy,
			LocalDate proposalDue, LocalDate meetingDue, String processInstanceId) {
	}

	record BranchRun(String processInstanceId, long launchId, String branchCode, String committeeCode, String status,
			Integer entitled, Integer present, LocalDate meetingDate, int meetingsHeld, LocalDate noticeFrom,
			LocalDate noticeUntil, boolean objectionsOpen, String issueNo, String partyOrgCode, LocalDate approvedOn) {
	}

	record Candidate(long id, String processInstanceId, String branchCode, String leagueNo, String memberName,
			RecommendationStage stage, int position, String status, Integer yesVotes, String statusReason,
			LocalDate proposedOn, LocalDate recommendedOn, LocalDate validUntil, String partyOrgCode) {
	}

	record Objection(long id, long recommendationId, String filerName, String filerContact, String content,
			Instant filedAt, String verdict, String finding) {
	}

	private static final RowMapper<Launch> LAUNCH = (rs, n) -> new Launch(rs.getLong("id"),
			rs.getString("committee_code"), RecommendationStage.valueOf(rs.getString("stage")), date(rs, "launched_on"),
			rs.getString("launched_by"), date(rs, "proposal_due"), date(rs, "meeting_due"),
			rs.getString("process_instance_id"));

	private static final RowMapper<BranchRun> BRANCH = (rs, n) -> new BranchRun(rs.getString("process_instance_id"),
			rs.getLong("launch_id"), rs.getString("branch_code"), rs.getString("committee_code"),
			rs.getString("status"), (Integer) rs.getObject("entitled", Integer.class),
			(Integer) rs.getObject("present", Integer.class), date(rs, "meeting_date"), rs.getInt("meetings_held"),
			date(rs, "notice_from"), date(rs, "notice_until"), rs.getBoolean("objections_open"),
			rs.getString("issue_no"), rs.getString("party_org_code"), date(rs, "approved_on"));

	private static final RowMapper<Candidate> CANDIDATE = (rs, n) -> new Candidate(rs.getLong("id"),
			rs.getString("process_instance_id"), rs.getString("branch_code"), rs.getString("league_no"),
			rs.getString("member_name"), RecommendationStage.valueOf(rs.getString("stage")), rs.getInt("position"),
			rs.getString("status"), (Integer) rs.getObject("yes_votes", Integer.class), rs.getString("status_reason"),
			date(rs, "proposed_on"), date(rs, "recommended_on"), date(rs, "valid_until"),
			rs.getString("party_org_code"));

	private static final RowMapper<Objection> OBJECTION = (rs, n) -> new Objection(rs.getLong("id"),
			rs.getLong("recommendation_id"), rs.getString("filer_name"), rs.getString("filer_contact"),
			rs.getString("content"), rs.getTimestamp("filed_at").toInstant(), rs.getString("verdict"),
			rs.getString("finding"));

	private final JdbcClient jdbc;

	PartyRecommendationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date d = rs.getDate(column);
		return (d != null) ? d.toLocalDate() : null;
	}

	long createLaunch(String committeeCode, RecommendationStage stage, LocalDate launchedOn, String launchedBy,
			LocalDate proposalDue, LocalDate meetingDue, String processInstanceId) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into party_recommendation_launch (committee_code, stage, launched_on, launched_by, proposal_due,
				  meeting_due, process_instance_id) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(committeeCode, stage.name(), launchedOn, launchedBy, proposalDue, meetingDue, processInstanceId)
			.update(key, "id");
		return key.getKey().longValue();
	}

	Optional<Launch> launch(long id) {
		return this.jdbc.sql("select * from party_recommendation_launch where id = ?")
			.param(id)
			.query(LAUNCH)
			.optional();
	}

	/** The launches of the committees asked, the latest first. */
	List<Launch> launchesOf(Collection<String> committeeCodes) {
		if (committeeCodes.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select * from party_recommendation_launch where committee_code in (:codes) order by id desc")
			.param("codes", committeeCodes)
			.query(LAUNCH)
			.list();
	}

	void openBranch(String processInstanceId, long launchId, String branchCode, String committeeCode) {
		this.jdbc.sql("""
				insert into party_recommendation_branch (process_instance_id, launch_id, branch_code, committee_code,
				  status) values (?, ?, ?, ?, 'PROPOSING')""")
			.params(processInstanceId, launchId, branchCode, committeeCode)
			.update();
	}

	Optional<BranchRun> branch(String processInstanceId) {
		return this.jdbc.sql("select * from party_recommendation_branch where process_instance_id = ?")
			.param(processInstanceId)
			.query(BRANCH)
			.optional();
	}

	/**
	 * The branch's row, locked until the transaction ends (objections against closing).
	 */
	Optional<BranchRun> lockBranch(String processInstanceId) {
		return this.jdbc.sql("select * from party_recommendation_branch where process_instance_id = ? for update")
			.param(processInstanceId)
			.query(BRANCH)
			.optional();
	}

	List<BranchRun> branchesOf(long launchId) {
		return this.jdbc.sql("select * from party_recommendation_branch where launch_id = ? order by branch_code")
			.param(launchId)
			.query(BRANCH)
			.list();
	}

	void setStatus(String processInstanceId, String status) {
		this.jdbc.sql("update party_recommendation_branch set status = ? where process_instance_id = ?")
			.params(status, processInstanceId)
			.update();
	}

	/** A proposal (again after a return) replaces the branch's earlier one. */
	void replaceProposal(String processInstanceId, String branchCode, RecommendationStage stage,
			List<String[]> leagueNoAndName, LocalDate on) {
		this.jdbc.sql("delete from party_recommendation where process_instance_id = ?")
			.param(processInstanceId)
			.update();
		int position = 0;
		for (String[] candidate : leagueNoAndName) {
			this.jdbc.sql("""
					insert into party_recommendation (process_instance_id, branch_code, league_no, member_name, stage,
					  position, status, proposed_on) values (?, ?, ?, ?, ?, ?, 'PROPOSED', ?)""")
				.params(processInstanceId, branchCode, candidate[0], candidate[1], stage.name(), ++position, on)
				.update();
		}
	}

	List<Candidate> candidates(String processInstanceId) {
		return this.jdbc.sql("select * from party_recommendation where process_instance_id = ? order by position")
			.param(processInstanceId)
			.query(CANDIDATE)
			.list();
	}

	Optional<Candidate> candidate(long id) {
		return this.jdbc.sql("select * from party_recommendation where id = ?").param(id).query(CANDIDATE).optional();
	}

	void setCandidate(long id, String status, Integer yesVotes, String reason) {
		this.jdbc.sql("update party_recommendation set status = ?, yes_votes = ?, status_reason = ? where id = ?")
			.params(status, yesVotes, reason, id)
			.update();
	}

	void recordMeeting(String processInstanceId, int entitled, int present, LocalDate date) {
		this.jdbc.sql("""
				update party_recommendation_branch set entitled = ?, present = ?, meeting_date = ?,
				  meetings_held = meetings_held + 1 where process_instance_id = ?""")
			.params(entitled, present, date, processInstanceId)
			.update();
	}

	void openNotice(String processInstanceId, LocalDate from, LocalDate until) {
		this.jdbc.sql("""
				update party_recommendation_branch set status = 'NOTICE', notice_from = ?, notice_until = ?,
				  objections_open = true where process_instance_id = ?""")
			.params(from, until, processInstanceId)
			.update();
	}

	void closeObjections(String processInstanceId) {
		this.jdbc.sql("update party_recommendation_branch set objections_open = false where process_instance_id = ?")
			.param(processInstanceId)
			.update();
	}

	long addObjection(long recommendationId, String name, String contact, String content, String clientAddress) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into party_recommendation_objection (recommendation_id, filer_name, filer_contact, content,
				  client_address, filed_at) values (?, ?, ?, ?, ?, ?)""")
			.params(recommendationId, name, contact, content, clientAddress, Timestamp.from(Instant.now()))
			.update(key, "id");
		return key.getKey().longValue();
	}

	Optional<Objection> objection(long id) {
		return this.jdbc.sql("select * from party_recommendation_objection where id = ?")
			.param(id)
			.query(OBJECTION)
			.optional();
	}

	/**
	 * Objections filed from the address (null: from anywhere) to the branch's notice
	 * since then.
	 */
	int objectionsSince(String processInstanceId, String clientAddress, Instant since) {
		String sql = """
				select count(*) from party_recommendation_objection o
				  join party_recommendation r on r.id = o.recommendation_id
				  where r.process_instance_id = ? and o.filed_at >= ?""";
		if (clientAddress == null) {
			return this.jdbc.sql(sql).params(processInstanceId, Timestamp.from(since)).query(Integer.class).single();
		}
		return this.jdbc.sql(sql + " and o.client_address = ?")
			.params(processInstanceId, Timestamp.from(since), clientAddress)
			.query(Integer.class)
			.single();
	}

	void handleObjection(long id, String verdict, String finding, String by) {
		this.jdbc.sql("update party_recommendation_objection set verdict = ?, finding = ?, handled_by = ? where id = ?")
			.params(verdict, finding, by, id)
			.update();
	}

	void approve(String processInstanceId, String issueNo, String partyOrgCode, LocalDate on, String by,
			LocalDate validUntil) {
		this.jdbc.sql("""
				update party_recommendation_branch set status = 'DONE', issue_no = ?, party_org_code = ?,
				  approved_on = ?, approved_by = ? where process_instance_id = ?""")
			.params(issueNo, partyOrgCode, on, by, processInstanceId)
			.update();
		this.jdbc.sql("""
				update party_recommendation set status = 'RECOMMENDED', recommended_on = ?, valid_until = ?,
				  party_org_code = ? where process_instance_id = ? and status = 'NOTICED'""")
			.params(on, validUntil, partyOrgCode, processInstanceId)
			.update();
	}

	/** A member's recommendations issued to the Party, the latest first. */
	List<Candidate> recommendationsOf(String leagueNo) {
		return this.jdbc.sql("""
				select * from party_recommendation where league_no = ? and status = 'RECOMMENDED'
				  order by recommended_on desc, id desc""").param(leagueNo).query(CANDIDATE).list();
	}

	/** Every candidate of the launch's branches, by branch and position. */
	List<Candidate> candidatesOfLaunch(long launchId) {
		return this.jdbc.sql("""
				select r.* from party_recommendation r
				  join party_recommendation_branch b on b.process_instance_id = r.process_instance_id
				  where b.launch_id = ? order by r.branch_code, r.position""").param(launchId).query(CANDIDATE).list();
	}

}
