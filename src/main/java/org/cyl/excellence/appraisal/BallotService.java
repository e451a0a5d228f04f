package org.cyl.excellence.appraisal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cyl.excellence.appraisal.AppraisalRepository.Appraisal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public side of an appraisal: what a ballot link shows and what its submission
 * counts. A token is used and its ballot stored in one transaction; the ballot carries no
 * token, person or time.
 */
@Service
public class BallotService {

	private static final ObjectMapper json = new ObjectMapper();

	static final int MAX_COMMENT = 500;

	private final AppraisalRepository appraisals;

	private final org.springframework.context.ApplicationEventPublisher events;

	BallotService(AppraisalRepository appraisals, org.springframework.context.ApplicationEventPublisher events) {
		this.appraisals = appraisals;
		this.events = events;
	}

	/** Why a ballot link cannot be answered, or OPEN when it can. */
	enum State {

		OPEN, UNKNOWN, USED, NOT_YET_OPEN, CLOSED

	}

	/** A ballot link as its page shows it. */
	record BallotView(State state, Appraisal appraisal, List<String> items) {
	}

	BallotView open(String token) {
		if (token == null || token.length() < 20 || token.length() > 100) {
			return new BallotView(State.UNKNOWN, null, List.of());
		}
		var state = this.appraisals.token(BallotTokens.hash(token));
		if (state.isEmpty()) {
			return new BallotView(State.UNKNOWN, null, List.of());
		}
		Appraisal appraisal = state.get().appraisal();
		List<String> items = items(appraisal);
		if (state.get().used()) {
			return new BallotView(State.USED, appraisal, items);
		}
		Instant now = Instant.now();
		if (!"OPEN".equals(appraisal.status()) || !now.isBefore(appraisal.closesAt())) {
			return new BallotView(State.CLOSED, appraisal, items);
		}
		if (now.isBefore(appraisal.opensAt())) {
			return new BallotView(State.NOT_YET_OPEN, appraisal, items);
		}
		return new BallotView(State.OPEN, appraisal, items);
	}

	/** A refused submission: the state of the link, or a message about the answers. */
	static class Refused extends RuntimeException {

		private final State state;

		Refused(State state, String message) {
			super(message);
			this.state = state;
		}

		State state() {
			return this.state;
		}

	}

	/**
	 * Counts the ballot when the link is open and unused and every item has an answer.
	 * @throws Refused with the reason; nothing is counted
	 */
	@Transactional
	public void submit(String token, List<String> answers, String comment) {
		submit(token, open(token), answers, comment);
	}

	/**
	 * The same, with the link already opened (the ballot page opens it to read the
	 * items).
	 */
	@Transactional
	public void submit(String token, BallotView view, List<String> answers, String comment) {
		if (view.state() != State.OPEN) {
			throw new Refused(view.state(), null);
		}
		if (answers.size() != view.items().size()) {
			throw new Refused(State.OPEN, "请对每一项作出评价");
		}
		for (int i = 0; i < answers.size(); i++) {
			if (answers.get(i) == null || !onScale(view.appraisal(), answers.get(i))) {
				throw new Refused(State.OPEN, "请对“" + view.items().get(i) + "”作出评价");
			}
		}
		String text = (comment == null || comment.isBlank()) ? null : comment.trim();
		if (text != null && text.length() > MAX_COMMENT) {
			throw new Refused(State.OPEN, "意见建议不能超过 " + MAX_COMMENT + " 个字");
		}
		if (!this.appraisals.useToken(BallotTokens.hash(token))) {
			throw new Refused(State.USED, null);
		}
		try {
			this.appraisals.addBallot(UUID.randomUUID().toString(), view.appraisal().id(),
					json.writeValueAsString(answers), text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
		if (text != null && !view.appraisal().poll() && !view.appraisal().candidateList()
				&& view.appraisal().campaignId() != null) {
			// 多提意见: the comment reaches the organisation's list of suggestions too
			this.events
				.publishEvent(new BallotCommented(view.appraisal().campaignId(), view.appraisal().orgCode(), text));
		}
	}

	/**
	 * Whether the answer is one of the appraisal's scale: 好 / 中 / 差 for a poll, else 满意 …
	 * 不满意.
	 */
	static boolean onScale(Appraisal appraisal, String answer) {
		return appraisal.poll() ? PollAnswer.parse(answer).isPresent() : Answer.parse(answer).isPresent();
	}

	static List<String> items(Appraisal appraisal) {
		try {
			return json.readValue(appraisal.itemsJson(), new TypeReference<List<String>>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
