package org.cyl.excellence.commendation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The commendation tables (migrations V6 and V9): the commendation, candidates,
 * objections and the objections refused.
 */
@Repository
class CommendationRepository {

	static final String ORG = "ORG";

	static final String MEMBER = "MEMBER";

	static final String RED_FLAG = "五四红旗团组织";

	static final String ADVANCED = "先进团组织";

	static final String OUTSTANDING_MEMBER = "优秀共青团员";

	private static final RowMapper<Commendation> COMMENDATION = (rs, n) -> new Commendation(rs.getString("campaign_id"),
			rs.getString("committee_code"), rs.getString("process_instance_id"), rs.getString("status"),
			rs.getString("audit_opinion"), rs.getObject("notice_from", LocalDate.class),
			rs.getObject("notice_until", LocalDate.class), rs.getBoolean("objections_open"),
			rs.getString("decision_no"), rs.getObject("decided_on", LocalDate.class));

	private static final RowMapper<Candidate> CANDIDATE = (rs, n) -> new Candidate(rs.getLong("id"),
			rs.getString("campaign_id"), rs.getString("holder_type"), rs.getString("org_code"),
			rs.getString("league_no"), rs.getString("holder_name"), rs.getString("title"), rs.getString("basis"),
			rs.getString("status"), rs.getString("status_reason"), rs.getString("deeds"));

	private static final RowMapper<Objection> OBJECTION = (rs, n) -> new Objection(rs.getLong("id"),
			rs.getString("campaign_id"), rs.getLong("candidate_id"), rs.getString("filer_name"),
			rs.getString("filer_contact"), rs.getString("content"), rs.getTimestamp("filed_at").toInstant(),
			rs.getString("status"), rs.getString("finding"));

	private static final RowMapper<Refusal> REFUSAL = (rs, n) -> new Refusal(rs.getString("client_address"),
			rs.getString("filer_names"), rs.getString("reason"), rs.getInt("attempts"),
			rs.getTimestamp("first_at").toInstant(), rs.getTimestamp("last_at").toInstant());

	private final JdbcClient jdbc;

	CommendationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Commendation(String campaignId, String committeeCode, String processInstanceId, String status,
			String auditOpinion, LocalDate noticeFrom, LocalDate noticeUntil, boolean objectionsOpen, String decisionNo,
			LocalDate decidedOn) {
	}

	/**
	 * A candidate; {@code orgCode} is the organisation itself or the member's branch (the
	 * branch that writes the deeds).
	 */
	record Candidate(long id, String campaignId, String holderType, String orgCode, String leagueNo, String holderName,
			String title, String basis, String status, String statusReason, String deeds) {

		boolean isOrganization() {
			return ORG.equals(this.holderType);
		}

		/** How people read it: 优秀共青团员 张三. */
		String label() {
			return this.title + " " + this.holderName;
		}

	}

	record Objection(long id, String campaignId, long candidateId, String filerName, String filerContact,
			String content, Instant filedAt, String status, String finding) {
	}

	/**
	 * Refused attempts to object from one address for one reason, counted together while
	 * they keep coming within an hour.
	 */
	record Refusal(String clientAddress, String filerNames, String reason, int attempts, Instant firstAt,
			Instant lastAt) {
	}

	/** The commendation of a campaign, created when its process starts. */
	void create(String campaignId, String committeeCode, String processInstanceId) {
		this.jdbc
			.sql("""
					insert into commendation (campaign_id, committee_code, process_instance_id, status, objections_open)
					select ?, ?, ?, 'NOMINATING', false where not exists (select 1 from commendation where campaign_id = ?)""")
			.params(campaignId, committeeCode, processInstanceId, campaignId)
			.update();
	}

	/**
	 * The commendations of the committees, the latest decided or noticed first, then
	 * those still under way: at most {@code limit}.
	 */
	List<Commendation> ofCommittees(java.util.Collection<String> committeeCodes, int limit) {
		if (committeeCodes.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select * from commendation where committee_code in (:committees)
				order by coalesce(decided_on, notice_from) desc nulls last, campaign_id
				fetch first %d rows only""".formatted(Math.max(1, limit)))
			.param("committees", committeeCodes)
			.query(COMMENDATION)
			.list();
	}

	Optional<Commendation> find(String campaignId) {
		return this.jdbc.sql("select * from commendation where campaign_id = ?")
			.param(campaignId)
			.query(COMMENDATION)
			.optional();
	}

	/** Locks the commendation's row: objections and the notice's end take turns. */
	Optional<Commendation> lock(String campaignId) {
		return this.jdbc.sql("select * from commendation where campaign_id = ? for update")
			.param(campaignId)
			.query(COMMENDATION)
			.optional();
	}

	void setStatus(String campaignId, String status) {
		this.jdbc.sql("update commendation set status = ? where campaign_id = ?").params(status, campaignId).update();
	}

	/**
	 * The campaign was withdrawn: an undecided commendation ends, its notice takes no
	 * more objections.
	 */
	void withdraw(String campaignId) {
		this.jdbc.sql(
				"update commendation set status = 'WITHDRAWN', objections_open = false where campaign_id = ? and status <> 'DECIDED'")
			.param(campaignId)
			.update();
	}

	void setAuditOpinion(String campaignId, String opinion) {
		this.jdbc.sql("update commendation set audit_opinion = ? where campaign_id = ?")
			.params(opinion, campaignId)
			.update();
	}

	void openNotice(String campaignId, LocalDate from, LocalDate until) {
		this.jdbc.sql("""
				update commendation set status = 'NOTICE', notice_from = ?, notice_until = ?, objections_open = true
				where campaign_id = ?""").params(from, until, campaignId).update();
	}

	void closeObjections(String campaignId) {
		this.jdbc.sql("update commendation set objections_open = false where campaign_id = ?")
			.param(campaignId)
			.update();
	}

	void decide(String campaignId, String decisionNo, LocalDate decidedOn, String decidedBy) {
		this.jdbc.sql("""
				update commendation set status = 'DECIDED', decision_no = ?, decided_on = ?, decided_by = ?
				where campaign_id = ?""").params(decisionNo, decidedOn, decidedBy, campaignId).update();
	}

	boolean hasCandidate(String campaignId, String holderType, String orgCode, String leagueNo) {
		return this.jdbc.sql("""
				select count(*) from candidate where campaign_id = ? and holder_type = ? and org_code = ?
				and coalesce(league_no, '') = coalesce(?, '')""")
			.params(campaignId, holderType, orgCode, leagueNo)
			.query(Integer.class)
			.single() > 0;
	}

	void addCandidate(String campaignId, String holderType, String orgCode, String leagueNo, String holderName,
			String title, String basis) {
		this.jdbc.sql("""
				insert into candidate (campaign_id, holder_type, org_code, league_no, holder_name, title, basis, status)
				values (?, ?, ?, ?, ?, ?, ?, 'NOMINATED')""")
			.params(campaignId, holderType, orgCode, leagueNo, holderName, title, basis)
			.update();
	}

	/** Every candidate of the campaign in a stable order: organisations first. */
	List<Candidate> candidates(String campaignId) {
		return this.jdbc.sql(
				"select * from candidate where campaign_id = ? order by case holder_type when 'ORG' then 0 else 1 end, id")
			.param(campaignId)
			.query(CANDIDATE)
			.list();
	}

	List<Candidate> candidates(String campaignId, String status) {
		return candidates(campaignId).stream().filter((c) -> c.status().equals(status)).toList();
	}

	Optional<Candidate> candidate(long id) {
		return this.jdbc.sql("select * from candidate where id = ?").param(id).query(CANDIDATE).optional();
	}

	void setCandidateStatus(long id, String status, String reason, String by) {
		this.jdbc.sql("update candidate set status = ?, status_reason = ?, status_by = ? where id = ?")
			.params(status, reason, by, id)
			.update();
	}

	/** Back to the committee (审核退回): every candidate is assessed again. */
	void reopenCandidates(String campaignId) {
		this.jdbc.sql("""
				update candidate set status = 'NOMINATED', status_reason = null, status_by = null
				where campaign_id = ? and status in ('ACCEPTED', 'REJECTED', 'STRUCK')""").param(campaignId).update();
	}

	void setDeeds(long id, String deeds, String by) {
		this.jdbc.sql("update candidate set deeds = ?, deeds_by = ?, deeds_at = ? where id = ?")
			.params(deeds, by, Timestamp.from(Instant.now()), id)
			.update();
	}

	long addObjection(String campaignId, long candidateId, String name, String contact, String content,
			String clientAddress) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into objection (campaign_id, candidate_id, filer_name, filer_contact, content, filed_at, status,
				                       client_address)
				values (?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
			.params(campaignId, candidateId, name, contact, content, Timestamp.from(Instant.now()), clientAddress)
			.update(key, "id");
		return key.getKey().longValue();
	}

	/**
	 * Objections to the notice filed since then, from the address (or from anywhere:
	 * null).
	 */
	int objectionsSince(String campaignId, String clientAddress, Instant since) {
		if (clientAddress == null) {
			return this.jdbc.sql("select count(*) from objection where campaign_id = ? and filed_at >= ?")
				.params(campaignId, Timestamp.from(since))
				.query(Integer.class)
				.single();
		}
		return this.jdbc
			.sql("select count(*) from objection where campaign_id = ? and client_address = ? and filed_at >= ?")
			.params(campaignId, clientAddress, Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	/**
	 * Records a refused attempt: on the row of the same address and reason if that one
	 * saw an attempt within the last hour (adding the name if it is new and fits), else
	 * on a new row.
	 */
	void addRefusal(String campaignId, String clientAddress, String name, String reason) {
		Timestamp now = Timestamp.from(Instant.now());
		Optional<Map<String, Object>> recent = this.jdbc.sql("""
				select id, filer_names from objection_refusal
				where campaign_id = ? and client_address = ? and reason = ? and last_at >= ?
				order by last_at desc""")
			.params(campaignId, clientAddress, reason, Timestamp.from(now.toInstant().minusSeconds(3600)))
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (recent.isEmpty()) {
			this.jdbc.sql("""
					insert into objection_refusal (campaign_id, client_address, filer_names, reason, attempts, first_at,
					                               last_at)
					values (?, ?, ?, ?, 1, ?, ?)""").params(campaignId, clientAddress, name, reason, now, now).update();
			return;
		}
		String names = (String) recent.get().get("filer_names");
		if (name != null && (names == null || !List.of(names.split("、")).contains(name))) {
			String more = (names == null) ? name : names + "、" + name;
			names = (more.length() <= 200) ? more : names;
		}
		this.jdbc.sql("update objection_refusal set attempts = attempts + 1, last_at = ?, filer_names = ? where id = ?")
			.params(now, names, ((Number) recent.get().get("id")).longValue())
			.update();
	}

	/** The refused attempts on the notice, the latest first. */
	List<Refusal> refusals(String campaignId) {
		return this.jdbc.sql("select * from objection_refusal where campaign_id = ? order by last_at desc, id desc")
			.param(campaignId)
			.query(REFUSAL)
			.list();
	}

	Optional<Objection> objection(long id) {
		return this.jdbc.sql("select * from objection where id = ?").param(id).query(OBJECTION).optional();
	}

	List<Objection> objections(String campaignId) {
		return this.jdbc.sql("select * from objection where campaign_id = ? order by id")
			.param(campaignId)
			.query(OBJECTION)
			.list();
	}

	void handleObjection(long id, String status, String finding, String by) {
		this.jdbc.sql("update objection set status = ?, finding = ?, handled_by = ?, handled_at = ? where id = ?")
			.params(status, finding, by, Timestamp.from(Instant.now()), id)
			.update();
	}

}
