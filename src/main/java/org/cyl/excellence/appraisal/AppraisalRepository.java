package org.cyl.excellence.appraisal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The appraisal tables (migration V3). */
@Repository
class AppraisalRepository {

	private static final RowMapper<Appraisal> APPRAISAL = (rs, n) -> new Appraisal(rs.getString("id"),
			rs.getString("campaign_id"), rs.getString("org_code"), rs.getString("committee_code"),
			rs.getInt("round_no"), rs.getInt("ballots_issued"), rs.getTimestamp("opens_at").toInstant(),
			rs.getTimestamp("closes_at").toInstant(), rs.getString("publish_scope"), rs.getString("items"),
			rs.getString("status"), rs.getString("process_instance_id"), (Integer) rs.getObject("ballots_cast"),
			rs.getBigDecimal("satisfaction"), rs.getBigDecimal("dissatisfaction"), rs.getBigDecimal("participation"),
			rs.getString("grade"), rs.getString("outcome"));

	private final JdbcClient jdbc;

	AppraisalRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One appraisal; the tally fields are null until it closes. */
	record Appraisal(String id, String campaignId, String orgCode, String committeeCode, int round, int ballotsIssued,
			Instant opensAt, Instant closesAt, String publishScope, String itemsJson, String status,
			String processInstanceId, Integer ballotsCast, BigDecimal satisfaction, BigDecimal dissatisfaction,
			BigDecimal participation, String grade, String outcome) {

		/**
		 * Whether the masses appraise a committee's candidate list (CommendationProcess):
		 * then the committee appraised is the one organising it; a branch's appraisal is
		 * organised by the committee above the branch.
		 */
		boolean candidateList() {
			return this.orgCode.equals(this.committeeCode);
		}

		/**
		 * Whether it is a one-question poll of another module ({@link Polls}), answered 好
		 * / 中 / 差: no appraisal page lists or opens it.
		 */
		boolean poll() {
			return Polls.SCOPE.equals(this.publishScope);
		}

	}

	void create(Appraisal a, String author) {
		this.jdbc
			.sql("""
					insert into appraisal (id, campaign_id, org_code, committee_code, round_no, ballots_issued, opens_at, closes_at,
					  publish_scope, items, status, process_instance_id, created_by, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""")
			.params(a.id(), a.campaignId(), a.orgCode(), a.committeeCode(), a.round(), a.ballotsIssued(),
					Timestamp.from(a.opensAt()), Timestamp.from(a.closesAt()), a.publishScope(), a.itemsJson(),
					a.processInstanceId(), author, Timestamp.from(Instant.now()))
			.update();
	}

	void addTokens(String appraisalId, List<String> hashes) {
		for (String hash : hashes) {
			this.jdbc.sql("insert into ballot_token (token_hash, appraisal_id, used) values (?, ?, false)")
				.params(hash, appraisalId)
				.update();
		}
	}

	Optional<Appraisal> find(String id) {
		return this.jdbc.sql("select * from appraisal where id = ?").param(id).query(APPRAISAL).optional();
	}

	List<Appraisal> findByCampaign(String campaignId) {
		return this.jdbc.sql("select * from appraisal where campaign_id = ? order by org_code, round_no")
			.param(campaignId)
			.query(APPRAISAL)
			.list();
	}

	/** Every appraisal, the newest first. */
	List<Appraisal> findAll() {
		return this.jdbc
			.sql("select * from appraisal where publish_scope <> '" + Polls.SCOPE + "' order by created_at desc, id")
			.query(APPRAISAL)
			.list();
	}

	/** The appraisals of a campaign for one organisation, round by round. */
	List<Appraisal> findByOrganization(String campaignId, String orgCode) {
		return this.jdbc.sql("select * from appraisal where campaign_id = ? and org_code = ? order by round_no")
			.params(campaignId, orgCode)
			.query(APPRAISAL)
			.list();
	}

	int countRounds(String campaignId, String orgCode) {
		return this.jdbc
			.sql("select count(*) from appraisal where coalesce(campaign_id, '') = coalesce(?, '') and org_code = ?")
			.params(campaignId, orgCode)
			.query(Integer.class)
			.single();
	}

	/** The appraisal a token belongs to, and whether the token was used. */
	record TokenState(Appraisal appraisal, boolean used) {
	}

	/** The token's appraisal and state, in one read (a ballot page's first). */
	Optional<TokenState> token(String hash) {
		return this.jdbc
			.sql("select a.*, t.used as token_used from ballot_token t join appraisal a on a.id = t.appraisal_id"
					+ " where t.token_hash = ?")
			.param(hash)
			.query((rs, n) -> new TokenState(APPRAISAL.mapRow(rs, n), rs.getBoolean("token_used")))
			.optional();
	}

	/**
	 * Uses the token; false when it was used already (by a concurrent submission too: one
	 * row update wins).
	 */
	boolean useToken(String hash) {
		return this.jdbc.sql("update ballot_token set used = true where token_hash = ? and used = false")
			.param(hash)
			.update() == 1;
	}

	void addBallot(String id, String appraisalId, String answersJson, String comment) {
		this.jdbc.sql("insert into ballot (id, appraisal_id, answers, comment) values (?, ?, ?, ?)")
			.params(id, appraisalId, answersJson, comment)
			.update();
	}

	List<String> answers(String appraisalId) {
		return this.jdbc.sql("select answers from ballot where appraisal_id = ?")
			.param(appraisalId)
			.query(String.class)
			.list();
	}

	List<String> comments(String appraisalId) {
		return this.jdbc.sql("select comment from ballot where appraisal_id = ? and comment is not null order by id")
			.param(appraisalId)
			.query(String.class)
			.list();
	}

	void saveTally(String appraisalId, int itemNo, String item, int[] counts) {
		this.jdbc.sql("delete from appraisal_tally where appraisal_id = ? and item_no = ?")
			.params(appraisalId, itemNo)
			.update();
		this.jdbc.sql("""
				insert into appraisal_tally (appraisal_id, item_no, item, satisfied, fairly, basic, dissatisfied)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(appraisalId, itemNo, item, counts[0], counts[1], counts[2], counts[3])
			.update();
	}

	record TallyRow(int itemNo, String item, int satisfied, int fairly, int basic, int dissatisfied) {

		int total() {
			return this.satisfied + this.fairly + this.basic + this.dissatisfied;
		}

	}

	List<TallyRow> tally(String appraisalId) {
		return this.jdbc.sql(
				"select item_no, item, satisfied, fairly, basic, dissatisfied from appraisal_tally where appraisal_id = ? order by item_no")
			.param(appraisalId)
			.query((rs, n) -> new TallyRow(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6)))
			.list();
	}

	void close(String appraisalId, int cast, BigDecimal satisfaction, BigDecimal dissatisfaction,
			BigDecimal participation) {
		this.jdbc.sql("""
				update appraisal set status = 'CLOSED', ballots_cast = ?, satisfaction = ?, dissatisfaction = ?,
				  participation = ?, closed_at = ? where id = ?""")
			.params(cast, satisfaction, dissatisfaction, participation, Timestamp.from(Instant.now()), appraisalId)
			.update();
	}

	void decide(String appraisalId, String grade, String outcome) {
		this.jdbc.sql("update appraisal set grade = ?, outcome = ? where id = ?")
			.params(grade, outcome, appraisalId)
			.update();
	}

}
