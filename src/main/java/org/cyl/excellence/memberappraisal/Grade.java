package org.cyl.excellence.memberappraisal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The four grades of the member appraisal, best first, stored and shown by their Chinese
 * label. 基本合格 or better is the condition of the year's 团籍注册.
 */
public enum Grade {

	EXCELLENT("优秀"), QUALIFIED("合格"), BASIC("基本合格"), UNQUALIFIED("不合格");

	private final String label;

	Grade(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Whether the grade allows the year's registration (团籍注册). */
	public boolean allowsRegistration() {
		return this != UNQUALIFIED;
	}

	public static Optional<Grade> of(String label) {
		return Arrays.stream(values()).filter((g) -> g.label.equals(label)).findFirst();
	}

}
