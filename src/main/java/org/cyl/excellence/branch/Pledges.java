package org.cyl.excellence.branch;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the other modules ask of the members' pledges (member_pledge): per branch its last
 * round and how many signed in it, and the members recorded as not having signed in time.
 * Each question one query, whatever the number of branches.
 */
@Service
public class Pledges {

	private final JdbcClient jdbc;

	Pledges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Per branch of the campaign, its last round with pledges recorded. */
	public Map<String, Integer> lastRounds(String campaignId) {
		Map<String, Integer> rounds = new HashMap<>();
		this.jdbc.sql("select branch_code, max(round_no) from member_pledge where campaign_id = ? group by branch_code")
			.param(campaignId)
			.query((rs) -> {
				rounds.put(rs.getString(1), rs.getInt(2));
			});
		return rounds;
	}

	/** Per branch of the campaign, how many members signed in its last round. */
	public Map<String, Integer> signedInLastRound(String campaignId) {
		Map<String, Integer> signed = new HashMap<>();
		this.jdbc
			.sql("""
					select p.branch_code, count(*) from member_pledge p
					where p.campaign_id = ? and p.status = 'SIGNED' and p.round_no = (select max(q.round_no) from member_pledge q
					  where q.campaign_id = p.campaign_id and q.branch_code = p.branch_code)
					group by p.branch_code""")
			.param(campaignId)
			.query((rs) -> {
				signed.put(rs.getString(1), rs.getInt(2));
			});
		return signed;
	}

	/** A branch's last round in a campaign and how many signed in it. */
	public record LastRound(String campaignId, String branchCode, int round, int signed) {
	}

	/** The last round of each of the branches in each of the campaigns. */
	public List<LastRound> lastRoundsIn(Collection<String> campaignIds, Collection<String> branchCodes) {
		if (campaignIds.isEmpty() || branchCodes.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select p.campaign_id, p.branch_code, p.round_no, sum(case when p.status = 'SIGNED' then 1 else 0 end)
				from member_pledge p
				where p.campaign_id in (:campaigns) and p.branch_code in (:branches)
				  and p.round_no = (select max(q.round_no) from member_pledge q
				    where q.campaign_id = p.campaign_id and q.branch_code = p.branch_code)
				group by p.campaign_id, p.branch_code, p.round_no""")
			.param("campaigns", campaignIds)
			.param("branches", branchCodes)
			.query((rs, n) -> new LastRound(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
			.list();
	}

	/** A member recorded as not having signed the round's pledge in time. */
	public record Unsigned(String campaignId, String branchCode, int round, String leagueNo) {
	}

	/**
	 * The members of the branches without a pledge signed in time in the campaigns, by
	 * branch, round and league number.
	 */
	public List<Unsigned> unsigned(Collection<String> branchCodes, Collection<String> campaignIds) {
		if (campaignIds.isEmpty() || branchCodes.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select campaign_id, branch_code, round_no, league_no from member_pledge
				where status = 'OVERDUE' and campaign_id in (:campaigns) and branch_code in (:branches)
				order by branch_code, round_no, league_no""")
			.param("campaigns", campaignIds)
			.param("branches", branchCodes)
			.query((rs, n) -> new Unsigned(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
			.list();
	}

}
