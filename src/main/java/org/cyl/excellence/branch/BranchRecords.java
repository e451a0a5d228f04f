package org.cyl.excellence.branch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A branch's documents (plan, report, rectifications) and the opinions on it, as its
 * record shows them.
 */
@Repository
class BranchRecords {

	private final JdbcClient jdbc;

	BranchRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void addDocument(String campaignId, String branchCode, String kind, String content, String author) {
		this.jdbc.sql("""
				insert into branch_document (campaign_id, branch_code, kind, round_no, content, author, created_at)
				values (?, ?, ?, 0, ?, ?, ?)""")
			.params(campaignId, branchCode, kind, content, author, Timestamp.from(Instant.now()))
			.update();
	}

	record DocumentRow(String kind, int round, String content, String author, Timestamp createdAt) {
	}

	List<DocumentRow> documents(String campaignId, String branchCode) {
		return this.jdbc.sql("""
				select kind, round_no, content, author, created_at from branch_document
				where campaign_id = ? and branch_code = ? order by id""")
			.params(campaignId, branchCode)
			.query((rs, n) -> new DocumentRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5)))
			.list();
	}

	String stage(String campaignId, String branchCode) {
		return this.jdbc.sql("select stage from campaign_branch where campaign_id = ? and branch_code = ?")
			.params(campaignId, branchCode)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	record OpinionRow(String kind, int attempt, String verdict, String content, java.time.LocalDate deadline,
			String author, Timestamp createdAt) {
	}

	List<OpinionRow> opinions(String campaignId, String branchCode) {
		return this.jdbc.sql("""
				select kind, attempt, verdict, content, deadline, author, created_at from opinion
				where campaign_id = ? and branch_code = ? order by id""")
			.params(campaignId, branchCode)
			.query((rs, n) -> new OpinionRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, java.time.LocalDate.class), rs.getString(6), rs.getTimestamp(7)))
			.list();
	}

}
