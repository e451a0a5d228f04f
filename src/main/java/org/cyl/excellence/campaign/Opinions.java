package org.cyl.excellence.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The decision log (opinion): who decided what on a campaign or a branch of it, when and
 * why — reviews, plan approvals, rectification orders and their supervision.
 */
@Service
public class Opinions {

	private final JdbcClient jdbc;

	Opinions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One decision as kept. */
	public record Opinion(String branchCode, String kind, int attempt, String verdict, String content,
			LocalDate deadline, String author, Timestamp createdAt) {
	}

	/** Keeps a decision with who, when and why. */
	public void add(String campaignId, String branchCode, String kind, int attempt, String verdict, String contentJson,
			LocalDate deadline, String author) {
		this.jdbc
			.sql("""
					insert into opinion (campaign_id, branch_code, kind, attempt, verdict, content, deadline, author, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(campaignId, branchCode, kind, attempt, verdict, contentJson, deadline, author,
					Timestamp.from(Instant.now()))
			.update();
	}

	/** How many decisions of the kind there are on the branch (or the campaign: null). */
	public int count(String campaignId, String branchCode, String kind) {
		return this.jdbc.sql(
				"select count(*) from opinion where campaign_id = ? and coalesce(branch_code, '') = coalesce(?, '') and kind = ?")
			.params(campaignId, branchCode, kind)
			.query(Integer.class)
			.single();
	}

	/** The decisions on a branch, in the order they were taken. */
	public List<Opinion> ofBranch(String campaignId, String branchCode) {
		return this.jdbc.sql("""
				select branch_code, kind, attempt, verdict, content, deadline, author, created_at from opinion
				where campaign_id = ? and branch_code = ? order by id""")
			.params(campaignId, branchCode)
			.query((rs, n) -> opinion(rs))
			.list();
	}

	/** The decisions of these kinds on the campaign's branches, by attempt. */
	public List<Opinion> ofKinds(String campaignId, Collection<String> kinds) {
		return this.jdbc.sql("""
				select branch_code, kind, attempt, verdict, content, deadline, author, created_at from opinion
				where campaign_id = :campaign and kind in (:kinds) order by attempt, id""")
			.param("campaign", campaignId)
			.param("kinds", kinds)
			.query((rs, n) -> opinion(rs))
			.list();
	}

	/** Per branch, in how many attempts a review ordered it to rectify (限期整改). */
	public Map<String, Integer> rectifyAttempts(String campaignId) {
		Map<String, Integer> counts = new HashMap<>();
		this.jdbc
			.sql("select branch_code, count(distinct attempt) from opinion "
					+ "where campaign_id = ? and verdict = 'RECTIFY' group by branch_code")
			.param(campaignId)
			.query((rs) -> {
				counts.put(rs.getString(1), rs.getInt(2));
			});
		return counts;
	}

	/** A rectification ordered by a review, with the campaign's title. */
	public record RectifyOrder(String branchCode, String campaignTitle, String kind, String content, LocalDate deadline,
			LocalDateTime at) {
	}

	/** The rectifications ordered for the branches in [from, to), in the order given. */
	public List<RectifyOrder> rectifyOrders(Collection<String> branchCodes, LocalDateTime from, LocalDateTime to) {
		if (branchCodes.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select o.branch_code, c.title, o.kind, o.content, o.deadline, o.created_at from opinion o
				join campaign c on c.id = o.campaign_id
				where o.verdict = 'RECTIFY' and o.branch_code in (:branches)
				  and o.created_at >= :start and o.created_at < :end
				order by o.created_at, o.id""")
			.param("branches", branchCodes)
			.param("start", Timestamp.valueOf(from))
			.param("end", Timestamp.valueOf(to))
			.query((rs, n) -> new RectifyOrder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getTimestamp(6).toLocalDateTime()))
			.list();
	}

	private static Opinion opinion(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Opinion(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, LocalDate.class), rs.getString(7), rs.getTimestamp(8));
	}

}
