package org.cyl.excellence.appraisal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the other modules ask of the mass appraisals (appraisal, appraisal_tally): grades,
 * criticisms, the appraisals closed in a period and the satisfaction per item. Each
 * question one query.
 */
@Service
public class Appraisals {

	private final JdbcClient jdbc;

	Appraisals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Per organisation, the grade of its last closed mass appraisal in the campaign. */
	public Map<String, String> grades(String campaignId) {
		Map<String, String> grades = new HashMap<>();
		this.jdbc
			.sql("select org_code, grade from appraisal where campaign_id = ? and status = 'CLOSED' order by round_no")
			.param(campaignId)
			.query((rs) -> {
				grades.put(rs.getString(1), rs.getString(2));
			});
		return grades;
	}

	/**
	 * Per organisation, how many of its closed appraisals in the campaign ended in
	 * criticism.
	 */
	public Map<String, Integer> criticisms(String campaignId) {
		Map<String, Integer> counts = new HashMap<>();
		this.jdbc
			.sql("select org_code, count(*) from appraisal where campaign_id = ? "
					+ "and status = 'CLOSED' and outcome = 'CRITICISE' group by org_code")
			.param(campaignId)
			.query((rs) -> {
				counts.put(rs.getString(1), rs.getInt(2));
			});
		return counts;
	}

	/**
	 * The satisfaction (满意 + 比较满意) per item, in percent, of the organisation's last
	 * closed appraisal of its last round in the campaign; items nobody rated are missing.
	 */
	public Map<String, Integer> satisfactionPerItem(String campaignId, String orgCode) {
		Map<String, Integer> rates = new HashMap<>();
		this.jdbc
			.sql("""
					select t.item, t.satisfied, t.fairly, t.basic, t.dissatisfied from appraisal_tally t
					where t.appraisal_id = (select max(a.id) from appraisal a where a.campaign_id = ? and a.status = 'CLOSED'
					  and a.org_code = ?
					  and a.round_no = (select max(b.round_no) from appraisal b where b.campaign_id = a.campaign_id
					    and b.org_code = a.org_code))""")
			.params(campaignId, orgCode)
			.query((rs) -> {
				int total = rs.getInt(2) + rs.getInt(3) + rs.getInt(4) + rs.getInt(5);
				if (total > 0) {
					rates.put(rs.getString(1), Math.round(100f * (rs.getInt(2) + rs.getInt(3)) / total));
				}
			});
		return rates;
	}

	/**
	 * A mass appraisal closed: its organisation, campaign (null for none) and results.
	 */
	public record Closed(String orgCode, String campaignId, String grade, String outcome, BigDecimal satisfaction,
			BigDecimal dissatisfaction, LocalDateTime closedAt) {
	}

	/**
	 * The appraisals of the organisations closed in [from, to), in the order they closed.
	 */
	public List<Closed> closedBetween(Collection<String> orgCodes, LocalDateTime from, LocalDateTime to) {
		if (orgCodes.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("""
					select org_code, campaign_id, grade, outcome, satisfaction, dissatisfaction, closed_at from appraisal
					where status = 'CLOSED' and publish_scope <> 'POLL' and org_code in (:orgs) and closed_at >= :start and closed_at < :end
					order by closed_at""")
			.param("orgs", orgCodes)
			.param("start", Timestamp.valueOf(from))
			.param("end", Timestamp.valueOf(to))
			.query((rs, n) -> new Closed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getTimestamp(7).toLocalDateTime()))
			.list();
	}

}
