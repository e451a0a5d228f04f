package org.cyl.excellence.branch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.cyl.excellence.appraisal.AppraisalRectified;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.campaign.Opinions;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A branch's documents (plan, report, rectifications, the measures after a criticising
 * mass appraisal) and the opinions on it, as its record shows them.
 */
@Repository
class BranchRecords {

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final Opinions opinions;

	BranchRecords(JdbcClient jdbc, Campaigns campaigns, Opinions opinions) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.opinions = opinions;
	}

	/**
	 * The measures an organisation criticised by a mass appraisal takes, on its record:
	 * in the transaction of the task that wrote them.
	 */
	@EventListener
	void appraisalRectified(AppraisalRectified rectified) {
		addDocument(rectified.campaignId(), rectified.orgCode(), "APPRAISAL_RECTIFICATION", rectified.measures(),
				rectified.author());
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
		return this.campaigns.stage(campaignId, branchCode);
	}

	record OpinionRow(String kind, int attempt, String verdict, String content, java.time.LocalDate deadline,
			String author, Timestamp createdAt) {
	}

	List<OpinionRow> opinions(String campaignId, String branchCode) {
		return this.opinions.ofBranch(campaignId, branchCode)
			.stream()
			.map((o) -> new OpinionRow(o.kind(), o.attempt(), o.verdict(), o.content(), o.deadline(), o.author(),
					o.createdAt()))
			.toList();
	}

}
