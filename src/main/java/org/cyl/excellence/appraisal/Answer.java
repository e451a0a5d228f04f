package org.cyl.excellence.appraisal;

import java.util.Arrays;
import java.util.Optional;

/** The scale of a mass appraisal (群众评议): 满意 / 比较满意 / 基本满意 / 不满意. */
public enum Answer {

	SATISFIED("满意"), FAIRLY("比较满意"), BASIC("基本满意"), DISSATISFIED("不满意");

	private final String label;

	Answer(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	static Optional<Answer> parse(String value) {
		return Arrays.stream(values()).filter((a) -> a.name().equals(value)).findFirst();
	}

}
