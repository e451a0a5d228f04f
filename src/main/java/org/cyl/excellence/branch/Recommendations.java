package org.cyl.excellence.branch;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The members the branches' general meetings voted for (推荐优秀团员, member_recommendation).
 */
@Service
public class Recommendations {

	private final JdbcClient jdbc;

	Recommendations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A member voted for: the votes, how many were entitled to vote and present. */
	public record Vote(String branchCode, String leagueNo, int yes, int entitled, int present) {
	}

	/** The campaign's votes, by branch, most votes first. */
	public List<Vote> votes(String campaignId) {
		return this.jdbc.sql("""
				select branch_code, league_no, yes_votes, entitled, present from member_recommendation
				where campaign_id = ? order by branch_code, yes_votes desc, league_no""")
			.param(campaignId)
			.query((rs, n) -> new Vote(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
			.list();
	}

}
