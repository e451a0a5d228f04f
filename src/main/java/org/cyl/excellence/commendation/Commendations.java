package org.cyl.excellence.commendation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * What the other modules ask of the commendations (评比表彰): those of some committees, with
 * the addresses of their pages — the candidates (for the committee's line), the public
 * notice (公示) once it has begun, the decision (表彰决定) once issued. One bounded query.
 */
@Service
public class Commendations {

	private final CommendationRepository repository;

	Commendations(CommendationRepository repository) {
		this.repository = repository;
	}

	/**
	 * A commendation as a list shows it; a link is null where the page does not exist
	 * yet.
	 *
	 * @param status NOMINATING, ASSESSING, AUDITING, NOTICE, DECIDED or WITHDRAWN
	 * @param stage the status as people read it
	 */
	public record Summary(String campaignId, String committeeCode, String status, String stage, LocalDate noticeFrom,
			LocalDate noticeUntil, String decisionNo, LocalDate decidedOn, String candidatesUrl, String noticeUrl,
			String decisionUrl) {
	}

	/** The commendations of the committees, the latest first: at most {@code limit}. */
	public List<Summary> ofCommittees(Collection<String> committeeCodes, int limit) {
		return this.repository.ofCommittees(committeeCodes, limit)
			.stream()
			.map((c) -> new Summary(c.campaignId(), c.committeeCode(), c.status(), stage(c.status()), c.noticeFrom(),
					c.noticeUntil(), c.decisionNo(), c.decidedOn(),
					"/api/commendations/" + c.campaignId() + "/candidates.xlsx",
					(c.noticeFrom() != null) ? "/public/notices/" + c.campaignId() : null,
					(c.decisionNo() != null) ? "/public/decisions/" + c.campaignId() : null))
			.toList();
	}

	static String stage(String status) {
		return switch (status) {
			case "NOMINATING" -> "推荐先进";
			case "ASSESSING" -> "考核候选";
			case "AUDITING" -> "审核候选名单";
			case "NOTICE" -> "公示中";
			case "DECIDED" -> "已印发表彰决定";
			case "WITHDRAWN" -> "已撤销";
			default -> status;
		};
	}

}
