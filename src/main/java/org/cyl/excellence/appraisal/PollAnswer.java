package org.cyl.excellence.appraisal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The scale of a one-question poll ({@link Polls}): 好 / 中 / 差, as the members appraise
 * their secretary in 双向述职评议 (背靠背).
 */
public enum PollAnswer {

	GOOD("好"), FAIR("中"), POOR("差");

	private final String label;

	PollAnswer(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	static Optional<PollAnswer> parse(String value) {
		return Arrays.stream(values()).filter((a) -> a.name().equals(value)).findFirst();
	}

}
