package org.cyl.excellence.branch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cyl.excellence.organization.Member;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Pledges: the organisation pledge (branch_document ORG_PLEDGE), members' pledges,
 * publication.
 */
@Repository
class PledgeRepository {

	static final String ORG_PLEDGE = "ORG_PLEDGE";

	private final JdbcClient jdbc;

	private final OrganizationDirectory organizations;

	PledgeRepository(JdbcClient jdbc, OrganizationDirectory organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	/** Each submission is kept; the latest is the pledge. */
	void addDocument(String campaignId, String branchCode, String kind, int round, String content, String author) {
		this.jdbc.sql("""
				insert into branch_document (campaign_id, branch_code, kind, round_no, content, author, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(campaignId, branchCode, kind, round, content, author, Timestamp.from(Instant.now()))
			.update();
	}

	Optional<String> latestDocument(String campaignId, String branchCode, String kind, int round) {
		return this.jdbc
			.sql("""
					select content from branch_document where campaign_id = ? and branch_code = ? and kind = ? and round_no = ?
					order by id desc fetch first 1 rows only""")
			.params(campaignId, branchCode, kind, round)
			.query(String.class)
			.optional();
	}

	void sign(String campaignId, String branchCode, int round, String leagueNo, String content, String higherStandard) {
		int updated = this.jdbc.sql("""
				update member_pledge set status = 'SIGNED', content = ?, higher_standard = ?, signed_at = ?
				where campaign_id = ? and round_no = ? and league_no = ?""")
			.params(content, higherStandard, Timestamp.from(Instant.now()), campaignId, round, leagueNo)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("""
						insert into member_pledge (campaign_id, branch_code, round_no, league_no, status, content, higher_standard, signed_at)
						values (?, ?, ?, ?, 'SIGNED', ?, ?, ?)""")
				.params(campaignId, branchCode, round, leagueNo, content, higherStandard, Timestamp.from(Instant.now()))
				.update();
		}
	}

	/**
	 * Records a member who had not signed when the window closed (a signed pledge stays
	 * signed).
	 */
	void markOverdue(String campaignId, String branchCode, int round, String leagueNo) {
		this.jdbc.sql("""
				insert into member_pledge (campaign_id, branch_code, round_no, league_no, status)
				select ?, ?, ?, ?, 'OVERDUE' where not exists
				  (select 1 from member_pledge where campaign_id = ? and round_no = ? and league_no = ?)""")
			.params(campaignId, branchCode, round, leagueNo, campaignId, round, leagueNo)
			.update();
	}

	void rate(String campaignId, String branchCode, int round, String leagueNo, String rating, String remark) {
		markOverdue(campaignId, branchCode, round, leagueNo);
		this.jdbc.sql(
				"update member_pledge set fulfilment = ?, fulfilment_note = ? where campaign_id = ? and round_no = ? and league_no = ?")
			.params(rating, remark, campaignId, round, leagueNo)
			.update();
	}

	/** league number → status (SIGNED / OVERDUE) for the round. */
	Map<String, String> statuses(String campaignId, String branchCode, int round) {
		Map<String, String> statuses = new java.util.HashMap<>();
		this.jdbc.sql(
				"select league_no, status from member_pledge where campaign_id = ? and branch_code = ? and round_no = ?")
			.params(campaignId, branchCode, round)
			.query((rs, n) -> statuses.put(rs.getString(1), rs.getString(2)))
			.list();
		return statuses;
	}

	record MemberPledgeRow(String leagueNo, String name, boolean cadre, String status, String content,
			String higherStandard, String fulfilment, String fulfilmentNote) {
	}

	/**
	 * Every member of the branch (by league number) with the round's pledge, where there
	 * is one: the members from the organisation's directory, their pledges in one query.
	 */
	List<MemberPledgeRow> memberPledges(String campaignId, String branchCode, int round) {
		record Pledge(String status, String content, String higherStandard, String fulfilment, String fulfilmentNote) {
		}
		List<Member> members = this.organizations.members(branchCode);
		Map<String, Pledge> pledges = new java.util.HashMap<>();
		if (!members.isEmpty()) {
			this.jdbc.sql("""
					select league_no, status, content, higher_standard, fulfilment, fulfilment_note from member_pledge
					where campaign_id = :campaign and round_no = :round and league_no in (:members)""")
				.param("campaign", campaignId)
				.param("round", round)
				.param("members", members.stream().map(Member::leagueNo).toList())
				.query((rs) -> {
					pledges.put(rs.getString(1), new Pledge(rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getString(6)));
				});
		}
		Pledge none = new Pledge(null, null, null, null, null);
		return members.stream().map((Member m) -> {
			Pledge p = pledges.getOrDefault(m.leagueNo(), none);
			return new MemberPledgeRow(m.leagueNo(), m.name(), m.cadre(), p.status(), p.content(), p.higherStandard(),
					p.fulfilment(), p.fulfilmentNote());
		}).toList();
	}

	void publish(String campaignId, String branchCode, int round) {
		this.jdbc.sql("""
				insert into pledge_publication (campaign_id, branch_code, round_no, published_at)
				select ?, ?, ?, ? where not exists
				  (select 1 from pledge_publication where campaign_id = ? and branch_code = ? and round_no = ?)""")
			.params(campaignId, branchCode, round, Timestamp.from(Instant.now()), campaignId, branchCode, round)
			.update();
	}

	List<Integer> publishedRounds(String campaignId, String branchCode) {
		return this.jdbc
			.sql("select round_no from pledge_publication where campaign_id = ? and branch_code = ? order by round_no")
			.params(campaignId, branchCode)
			.query(Integer.class)
			.list();
	}

	/**
	 * The organisation pledge as it stood when the round was published: the version the
	 * review approved, never a later one.
	 */
	Optional<String> publishedDocument(String campaignId, String branchCode, int round) {
		return this.jdbc.sql("""
				select d.content from branch_document d
				join pledge_publication p on p.campaign_id = d.campaign_id and p.branch_code = d.branch_code
				  and p.round_no = d.round_no
				where d.campaign_id = ? and d.branch_code = ? and d.kind = ? and d.round_no = ?
				  and d.created_at <= p.published_at
				order by d.id desc fetch first 1 rows only""")
			.params(campaignId, branchCode, ORG_PLEDGE, round)
			.query(String.class)
			.optional();
	}

}
