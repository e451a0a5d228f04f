package org.cyl.excellence.organization;

import java.util.List;

/**
 * An import refused as a whole: the bad lines with their reasons (the first thousand of
 * them, and how many there are); nothing was written.
 */
public class ImportRejectedException extends RuntimeException {

	private final List<LineError> errors;

	/**
	 * @param errors the bad lines listed (the first of them)
	 * @param total how many bad lines there are
	 */
	ImportRejectedException(List<LineError> errors, int total) {
		super("导入被拒绝：共 " + total + " 处错误，未导入任何数据"
				+ ((total > errors.size()) ? "（下面列出前 " + errors.size() + " 处，改正后请重新导入）" : ""));
		this.errors = List.copyOf(errors);
	}

	public List<LineError> errors() {
		return this.errors;
	}

	/** One bad line: the file, its line number (the header is line 1) and the reason. */
	public record LineError(String file, int line, String message) {
	}

}
