package org.cyl.excellence.partyrecommendation;

import java.util.Arrays;
import java.util.Optional;

/** The two stages of 推优入党, in their order. */
public enum RecommendationStage {

	/** 推荐为入党积极分子人选. */
	ACTIVIST("入党积极分子"),
	/** 推荐为发展对象人选: needs a valid recommendation as 入党积极分子. */
	DEVELOPMENT("发展对象");

	private final String label;

	RecommendationStage(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	static Optional<RecommendationStage> parse(String name) {
		return Arrays.stream(values()).filter((s) -> s.name().equals(name)).findFirst();
	}

}
