package org.cyl.excellence.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The campaign tables (migrations V2, V13): plans, rounds, the branches and their stages,
 * withdrawals. The other modules ask {@link Campaigns} and {@link Opinions}.
 */
@Repository
class CampaignRepository {

	private static final RowMapper<Campaign> CAMPAIGN = (rs, n) -> new Campaign(rs.getString("id"),
			rs.getString("committee_code"), rs.getString("status"), rs.getString("process_instance_id"),
			new Plan(rs.getString("title"), rs.getString("theme"), rs.getString("standard_set"),
					rs.getObject("campaign_start", LocalDate.class), rs.getObject("mobilization_end", LocalDate.class),
					rs.getObject("advance_end", LocalDate.class), rs.getObject("summary_end", LocalDate.class),
					rs.getInt("pledge_window_days"), List.of(), rs.getObject("review_date", LocalDate.class),
					rs.getInt("quota_organizations"), rs.getInt("quota_members"), rs.getInt("quota_members_per_branch"),
					rs.getString("pledge_names")));

	private final JdbcClient jdbc;

	CampaignRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String create(Plan plan, String committeeCode, String author, String processInstanceId) {
		String id = newId();
		this.jdbc.sql("""
				insert into campaign (id, title, theme, committee_code, standard_set, campaign_start, mobilization_end,
				  advance_end, summary_end, pledge_window_days, review_date, quota_organizations, quota_members,
				  quota_members_per_branch, pledge_names, status, process_instance_id, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, ?)""")
			.params(id, plan.title(), plan.theme(), committeeCode, plan.standardSet(), plan.campaignStart(),
					plan.mobilizationEnd(), plan.advanceEnd(), plan.summaryEnd(), plan.pledgeWindowDays(),
					plan.reviewDate(), plan.quotaOrganizations(), plan.quotaMembers(), plan.quotaMembersPerBranch(),
					plan.pledgeNames(), processInstanceId, author, Timestamp.from(Instant.now()))
			.update();
		saveRounds(id, plan);
		return id;
	}

	/**
	 * A random id whose first characters (those in the business keys,
	 * {@link BusinessKeys}) no other campaign's id begins with.
	 */
	private String newId() {
		while (true) {
			String id = UUID.randomUUID().toString();
			Long taken = this.jdbc.sql("select count(*) from campaign where id like ?")
				.param(BusinessKeys.shortId(id) + "%")
				.query(Long.class)
				.single();
			if (taken == 0) {
				return id;
			}
		}
	}

	void update(String id, Plan plan) {
		this.jdbc.sql("""
				update campaign set title = ?, theme = ?, standard_set = ?, campaign_start = ?, mobilization_end = ?,
				  advance_end = ?, summary_end = ?, pledge_window_days = ?, review_date = ?, quota_organizations = ?,
				  quota_members = ?, quota_members_per_branch = ?, pledge_names = ? where id = ?""")
			.params(plan.title(), plan.theme(), plan.standardSet(), plan.campaignStart(), plan.mobilizationEnd(),
					plan.advanceEnd(), plan.summaryEnd(), plan.pledgeWindowDays(), plan.reviewDate(),
					plan.quotaOrganizations(), plan.quotaMembers(), plan.quotaMembersPerBranch(), plan.pledgeNames(),
					id)
			.update();
		this.jdbc.sql("delete from campaign_round where campaign_id = ?").param(id).update();
		saveRounds(id, plan);
	}

	private void saveRounds(String id, Plan plan) {
		for (Plan.Round round : plan.rounds()) {
			this.jdbc.sql("insert into campaign_round (campaign_id, round_no, theme, end_date) values (?, ?, ?, ?)")
				.params(id, round.number(), round.theme(), round.endDate())
				.update();
		}
	}

	void setStatus(String id, String status) {
		this.jdbc.sql("update campaign set status = ? where id = ?").params(status, id).update();
	}

	/**
	 * Records the withdrawal of a campaign that has not ended; false when it had (or was
	 * withdrawn already).
	 */
	boolean withdraw(String id, String withdrawnBy, String reason, LocalDateTime at) {
		return this.jdbc.sql("""
				update campaign set status = 'WITHDRAWN', withdrawn_at = ?, withdrawn_by = ?, withdrawal_reason = ?
				where id = ? and status not in ('COMPLETED', 'WITHDRAWN')""")
			.params(Timestamp.valueOf(at), withdrawnBy, reason, id)
			.update() == 1;
	}

	/** When, by whom and why the campaign was withdrawn; empty when it was not. */
	Optional<Withdrawal> withdrawal(String id) {
		return this.jdbc.sql(
				"select withdrawn_at, withdrawn_by, withdrawal_reason from campaign where id = ? and status = 'WITHDRAWN'")
			.param(id)
			.query((rs, n) -> new Withdrawal(rs.getTimestamp(1).toLocalDateTime(), rs.getString(2), rs.getString(3)))
			.optional();
	}

	/** The branches whose process the fan-out has started, ordered by code. */
	List<String> startedBranches(String campaignId) {
		return this.jdbc.sql(
				"select branch_code from campaign_branch where campaign_id = ? and process_instance_id is not null order by branch_code")
			.param(campaignId)
			.query(String.class)
			.list();
	}

	/** Every campaign, newest first (without its rounds). */
	List<Campaign> findAll() {
		return this.jdbc.sql("select * from campaign order by created_at desc").query(CAMPAIGN).list();
	}

	Optional<Campaign> find(String id) {
		return this.jdbc.sql("select * from campaign where id = ?").param(id).query(CAMPAIGN).optional().map((c) -> {
			List<Plan.Round> rounds = this.jdbc
				.sql("select round_no, theme, end_date from campaign_round where campaign_id = ? order by round_no")
				.param(id)
				.query((rs, n) -> new Plan.Round(rs.getInt(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
				.list();
			Plan p = c.plan();
			return new Campaign(c.id(), c.committeeCode(), c.status(), c.processInstanceId(),
					new Plan(p.title(), p.theme(), p.standardSet(), p.campaignStart(), p.mobilizationEnd(),
							p.advanceEnd(), p.summaryEnd(), p.pledgeWindowDays(), rounds, p.reviewDate(),
							p.quotaOrganizations(), p.quotaMembers(), p.quotaMembersPerBranch(), p.pledgeNames()));
		});
	}

	String standardSetName(String code) {
		return this.jdbc.sql("select name from standard_set where code = ?").param(code).query(String.class).single();
	}

	/**
	 * The items of a standard set: kind ORG (organisations) or MEMBER (members), in
	 * order.
	 */
	List<String> standardItems(String setCode, String kind) {
		return this.jdbc.sql("select label from standard_item where set_code = ? and kind = ? order by position")
			.params(setCode, kind)
			.query(String.class)
			.list();
	}

	/** Registers the branches taking part (again without harm: existing rows stay). */
	int addBranches(String campaignId, List<String> branchCodes) {
		int added = 0;
		for (String branch : branchCodes) {
			added += this.jdbc.sql("""
					insert into campaign_branch (campaign_id, branch_code, stage, updated_at)
					select ?, ?, 'PENDING', ? where not exists
					  (select 1 from campaign_branch where campaign_id = ? and branch_code = ?)""")
				.params(campaignId, branch, Timestamp.from(Instant.now()), campaignId, branch)
				.update();
		}
		return added;
	}

	/** One chunk of the campaign's branches, in a stable order. */
	List<String> branchChunk(String campaignId, int chunk, int size) {
		return this.jdbc.sql(
				"select branch_code from campaign_branch where campaign_id = ? order by branch_code offset ? rows fetch next ? rows only")
			.params(campaignId, chunk * size, size)
			.query(String.class)
			.list();
	}

	int countBranches(String campaignId) {
		return this.jdbc.sql("select count(*) from campaign_branch where campaign_id = ?")
			.param(campaignId)
			.query(Integer.class)
			.single();
	}

	Optional<String> branchProcessInstance(String campaignId, String branchCode) {
		return this.jdbc
			.sql("select process_instance_id from campaign_branch where campaign_id = ? and branch_code = ?")
			.params(campaignId, branchCode)
			.query(String.class)
			.optional();
	}

	void branchStarted(String campaignId, String branchCode, String processInstanceId) {
		this.jdbc.sql(
				"update campaign_branch set process_instance_id = ?, stage = case when stage = 'PENDING' then 'STARTED' else stage end, updated_at = ? where campaign_id = ? and branch_code = ?")
			.params(processInstanceId, Timestamp.from(Instant.now()), campaignId, branchCode)
			.update();
	}

	void setStage(String campaignId, String branchCode, String stage) {
		this.jdbc.sql("update campaign_branch set stage = ?, updated_at = ? where campaign_id = ? and branch_code = ?")
			.params(stage, Timestamp.from(Instant.now()), campaignId, branchCode)
			.update();
	}

	/**
	 * Locks the campaign's row until the transaction ends, so that "all finished" is
	 * decided once. An update that leaves the key alone, not
	 * {@code select ... for update}: on PostgreSQL, what the transaction has already
	 * written that references the campaign (the branch's recommendation, its opinions)
	 * holds a key-share lock on the campaign's row, which {@code for update} conflicts
	 * with, so two branches finishing at once deadlocked; such an update takes
	 * {@code for no key update}, which does not. H2 locks the row either way.
	 */
	void lock(String campaignId) {
		if (this.jdbc.sql("update campaign set status = status where id = ?").param(campaignId).update() != 1) {
			throw new IllegalStateException("no campaign " + campaignId);
		}
	}

	/** stage → number of branches. */
	Map<String, Integer> stageCounts(String campaignId) {
		Map<String, Integer> counts = new java.util.TreeMap<>();
		this.jdbc.sql("select stage, count(*) from campaign_branch where campaign_id = ? group by stage")
			.param(campaignId)
			.query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2)))
			.list();
		return counts;
	}

	List<String> unfinishedBranches(String campaignId) {
		return this.jdbc.sql(
				"select branch_code from campaign_branch where campaign_id = ? and stage <> 'FINISHED' order by branch_code")
			.param(campaignId)
			.query(String.class)
			.list();
	}

}
