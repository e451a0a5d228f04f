package org.cyl.excellence.appraisal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.cyl.excellence.appraisal.AppraisalRepository.Appraisal;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-question polls for other modules on the appraisals' anonymous single-use ballots
 * (双向述职评议: the members appraise their secretary 好 / 中 / 差, 背靠背). A poll is an appraisal
 * of scope {@value #SCOPE}: its tokens are {@link BallotTokens}' (the database keeps only
 * their SHA-256), a cast ballot carries no token, person or time, and the ballot page
 * {@code /ballot/{token}} is the appraisals' own. No appraisal page lists or opens a
 * poll: its links are handed out by the module that opened it.
 */
@Service
public class Polls {

	/** The {@code publish_scope} of a poll. */
	static final String SCOPE = "POLL";

	private final AppraisalRepository appraisals;

	private final BallotTokens tokens;

	Polls(AppraisalRepository appraisals, BallotTokens tokens) {
		this.appraisals = appraisals;
		this.tokens = tokens;
	}

	/**
	 * Opens a poll of {@code ballots} ballots on the question about the organisation,
	 * from now to the end of {@code closesOn}; returns its id.
	 * @param committeeCode the committee above the organisation, which receives the
	 * results
	 */
	@Transactional
	public String open(String orgCode, String committeeCode, String question, int ballots, LocalDate closesOn,
			String processInstanceId, String author) {
		String id = UUID.randomUUID().toString();
		ZoneId zone = ZoneId.systemDefault();
		Appraisal poll = new Appraisal(id, null, orgCode, committeeCode, 1, ballots,
				LocalDate.now().atStartOfDay(zone).toInstant(), closesOn.plusDays(1).atStartOfDay(zone).toInstant(),
				SCOPE, FormData.toJson(List.of(question)), "OPEN", processInstanceId, null, null, null, null, null,
				null);
		this.appraisals.create(poll, author);
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < ballots; i++) {
			hashes.add(BallotTokens.hash(this.tokens.token(id, i)));
		}
		this.appraisals.addTokens(id, hashes);
		return id;
	}

	/**
	 * The path of ballot number {@code ballot} (from 0) of the poll:
	 * {@code /ballot/<token>}.
	 */
	public String link(String pollId, int ballot) {
		return "/ballot/" + this.tokens.token(pollId, ballot);
	}

	/** A closed poll's count: ballots issued and cast, and the answers. */
	public record Result(int issued, int cast, int good, int fair, int poor) {
	}

	/**
	 * Closes the poll (no ballot counts after this) and counts its answers; closing it
	 * again counts again and changes nothing.
	 */
	@Transactional
	public Result close(String pollId) {
		Appraisal poll = this.appraisals.find(pollId).filter(Appraisal::poll).orElseThrow();
		int[] counts = new int[4];
		List<String> answers = this.appraisals.answers(pollId);
		for (String json : answers) {
			String answer = json.replaceAll("[\\[\\]\" ]", "");
			switch (PollAnswer.parse(answer).orElse(PollAnswer.FAIR)) {
				case GOOD -> counts[0]++;
				case FAIR -> counts[1]++;
				case POOR -> counts[3]++;
			}
		}
		this.appraisals.saveTally(pollId, 1, BallotService.items(poll).get(0), counts);
		int cast = answers.size();
		this.appraisals.close(pollId, cast, TallyBallotsDelegate.rate(counts[0], cast),
				TallyBallotsDelegate.rate(counts[3], cast), TallyBallotsDelegate.rate(cast, poll.ballotsIssued()));
		return new Result(poll.ballotsIssued(), cast, counts[0], counts[1], counts[3]);
	}

	/** How many of the poll's ballots were cast so far. */
	public int cast(String pollId) {
		return this.appraisals.answers(pollId).size();
	}

}
