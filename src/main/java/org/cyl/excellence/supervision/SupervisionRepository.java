package org.cyl.excellence.supervision;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The supervision tables (migration V7): urges (催办) and notices; and the members recorded
 * as not having signed their pledge in time (member_pledge, status OVERDUE).
 */
@Repository
class SupervisionRepository {

	private final JdbcClient jdbc;

	SupervisionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record UnsignedPledge(String campaignId, String campaignTitle, String branchCode, String branchName, int round,
			String leagueNo, String memberName) {
	}

	record UrgeSummary(int count, LocalDateTime lastUrgedAt) {
	}

	/** A notice; {@code link} is the path of the page where its work is, or null. */
	record Notice(long id, String text, LocalDateTime createdAt, LocalDateTime readAt, String link) {
	}

	/**
	 * Members of the branches without a pledge signed in time, in campaigns that have not
	 * ended.
	 */
	List<UnsignedPledge> unsignedPledges(List<String> branchCodes) {
		if (branchCodes.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("""
					select p.campaign_id, c.title, p.branch_code, o.name as branch_name, p.round_no, p.league_no,
					  m.name as member_name
					from member_pledge p
					join campaign c on c.id = p.campaign_id
					join organization o on o.code = p.branch_code
					join member m on m.league_no = p.league_no
					where p.status = 'OVERDUE' and c.status not in ('COMPLETED', 'WITHDRAWN') and p.branch_code in (:branches)
					order by c.created_at, p.branch_code, p.round_no, p.league_no""")
			.param("branches", branchCodes)
			.query((rs, n) -> new UnsignedPledge(rs.getString("campaign_id"), rs.getString("title"),
					rs.getString("branch_code"), rs.getString("branch_name"), rs.getInt("round_no"),
					rs.getString("league_no"), rs.getString("member_name")))
			.list();
	}

	long addUrge(String taskId, String taskName, String orgCode, String urgedBy, LocalDateTime urgedAt,
			String message) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into urge (task_id, task_name, org_code, urged_by, urged_at, message)
				values (?, ?, ?, ?, ?, ?)""")
			.params(taskId, taskName, orgCode, urgedBy, Timestamp.valueOf(urgedAt), message)
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** task id → how often and when last the task was urged. */
	Map<String, UrgeSummary> urgesOf(List<String> taskIds) {
		Map<String, UrgeSummary> urges = new HashMap<>();
		if (taskIds.isEmpty()) {
			return urges;
		}
		this.jdbc.sql("select task_id, count(*), max(urged_at) from urge where task_id in (:tasks) group by task_id")
			.param("tasks", taskIds)
			.query((rs, n) -> urges.put(rs.getString(1),
					new UrgeSummary(rs.getInt(2), rs.getTimestamp(3).toLocalDateTime())))
			.list();
		return urges;
	}

	void addNotice(String username, String text, LocalDateTime createdAt) {
		addNotice(username, text, null, createdAt);
	}

	/** A notice with a link to the page where its work is (a path of the application). */
	void addNotice(String username, String text, String link, LocalDateTime createdAt) {
		this.jdbc.sql("insert into notice (username, text, link, created_at) values (?, ?, ?, ?)")
			.params(username, text, link, Timestamp.valueOf(createdAt))
			.update();
	}

	/** The person's notices, newest first. */
	List<Notice> notices(String username) {
		return this.jdbc.sql(
				"select id, text, created_at, read_at, link from notice where username = ? order by created_at desc, id desc")
			.param(username)
			.query((rs, n) -> new Notice(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toLocalDateTime(),
					Optional.ofNullable(rs.getTimestamp(4)).map(Timestamp::toLocalDateTime).orElse(null),
					rs.getString(5)))
			.list();
	}

	/** Marks the person's own notice read; false when the person has no such notice. */
	boolean markRead(long id, String username, LocalDateTime readAt) {
		int found = this.jdbc.sql("select count(*) from notice where id = ? and username = ?")
			.params(id, username)
			.query(Integer.class)
			.single();
		if (found == 0) {
			return false;
		}
		this.jdbc.sql("update notice set read_at = ? where id = ? and username = ? and read_at is null")
			.params(Timestamp.valueOf(readAt), id, username)
			.update();
		return true;
	}

}
