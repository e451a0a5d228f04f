package org.cyl.excellence.commendation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The honours archive (立册建档, migration V5): written by commendation decisions, searched
 * by everybody.
 */
@Repository
public class HonourArchive {

	private final JdbcClient jdbc;

	HonourArchive(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One honour of an organisation ({@code ORG}) or a member ({@code MEMBER}). */
	public record Honour(String holderType, String orgCode, String leagueNo, String holderName, String title,
			String level, int year, String campaignId, String campaignTitle, String decisionNo, LocalDate decidedOn) {
	}

	public void add(Honour h) {
		this.jdbc
			.sql("""
					insert into honour (holder_type, org_code, league_no, holder_name, title, level, award_year, campaign_id,
					  campaign_title, decision_no, decided_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(h.holderType(), h.orgCode(), h.leagueNo(), h.holderName(), h.title(), h.level(), h.year(),
					h.campaignId(), h.campaignTitle(), h.decisionNo(), h.decidedOn())
			.update();
	}

	/**
	 * Honours matching every given criterion (null: any): a name or title containing
	 * {@code text}, a year, an organisation or member.
	 */
	public List<Honour> search(String text, Integer year, String orgCode, String leagueNo) {
		StringBuilder sql = new StringBuilder(
				"""
						select holder_type, org_code, league_no, holder_name, title, level, award_year, campaign_id, campaign_title,
						  decision_no, decided_on from honour where 1 = 1""");
		List<Object> params = new ArrayList<>();
		if (text != null && !text.isBlank()) {
			sql.append(" and (holder_name like ? or title like ? or decision_no like ?)");
			String like = "%" + text.trim() + "%";
			params.add(like);
			params.add(like);
			params.add(like);
		}
		if (year != null) {
			sql.append(" and award_year = ?");
			params.add(year);
		}
		if (orgCode != null && !orgCode.isBlank()) {
			sql.append(" and org_code = ?");
			params.add(orgCode);
		}
		if (leagueNo != null && !leagueNo.isBlank()) {
			sql.append(" and league_no = ?");
			params.add(leagueNo);
		}
		sql.append(" order by award_year desc, decided_on desc, holder_type, holder_name");
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Honour(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10),
					rs.getObject(11, LocalDate.class)))
			.list();
	}

}
