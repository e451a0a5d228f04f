package org.cyl.excellence.supervision;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.cyl.excellence.branch.Pledges;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The supervision tables (migration V7): urges (催办) and notices; and the members recorded
 * as not having signed their pledge in time (from branch's Pledges).
 */
@Repository
class SupervisionRepository {

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final Pledges pledges;

	private final OrganizationDirectory organizations;

	SupervisionRepository(JdbcClient jdbc, Campaigns campaigns, Pledges pledges, OrganizationDirectory organizations) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.pledges = pledges;
		this.organizations = organizations;
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
		List<Campaigns.Unfinished> unfinished = this.campaigns.unfinished();
		Map<String, Integer> order = new HashMap<>();
		Map<String, String> titles = new HashMap<>();
		for (Campaigns.Unfinished c : unfinished) {
			order.put(c.id(), order.size());
			titles.put(c.id(), c.title());
		}
		List<Pledges.Unsigned> unsigned = this.pledges.unsigned(branchCodes, order.keySet());
		Map<String, String> names = this.organizations
			.memberNames(unsigned.stream().map(Pledges.Unsigned::leagueNo).collect(Collectors.toSet()));
		Map<String, Organization> orgs = this.organizations.byCode();
		return unsigned.stream()
			// as before: only members and branches the organisation model knows
			.filter((p) -> names.containsKey(p.leagueNo()) && orgs.containsKey(p.branchCode()))
			.sorted(Comparator.comparing((Pledges.Unsigned p) -> order.get(p.campaignId())))
			.map((p) -> new UnsignedPledge(p.campaignId(), titles.get(p.campaignId()), p.branchCode(),
					orgs.get(p.branchCode()).name(), p.round(), p.leagueNo(), names.get(p.leagueNo())))
			.toList();
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

	/** How many of the person's notices are unread. */
	int unreadNotices(String username) {
		return this.jdbc.sql("select count(*) from notice where username = ? and read_at is null")
			.param(username)
			.query(Integer.class)
			.single();
	}

	/** The person's first notices: the unread ones first, each part newest first. */
	List<Notice> latestNotices(String username, int limit) {
		return this.jdbc.sql("""
				select id, text, created_at, read_at, link from notice where username = ?
				order by case when read_at is null then 0 else 1 end, created_at desc, id desc
				fetch first %d rows only""".formatted(Math.max(1, limit)))
			.param(username)
			.query((rs, n) -> new Notice(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toLocalDateTime(),
					Optional.ofNullable(rs.getTimestamp(4)).map(Timestamp::toLocalDateTime).orElse(null),
					rs.getString(5)))
			.list();
	}

	/** The person's own notice, if there is one of this id. */
	Optional<Notice> notice(long id, String username) {
		return this.jdbc.sql("select id, text, created_at, read_at, link from notice where id = ? and username = ?")
			.params(id, username)
			.query((rs, n) -> new Notice(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toLocalDateTime(),
					Optional.ofNullable(rs.getTimestamp(4)).map(Timestamp::toLocalDateTime).orElse(null),
					rs.getString(5)))
			.optional();
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
