package org.cyl.excellence.organization;

import java.util.List;

/** An import refused as a whole: every bad line with its reason; nothing was written. */
public class ImportRejectedException extends RuntimeException {

	private final List<LineError> errors;

	ImportRejectedException(List<LineError> errors) {
		super("导入被拒绝：共 " + errors.size() + " 处错误，未导入任何数据");
		this.errors = List.copyOf(errors);
	}

	public List<LineError> errors() {
		return this.errors;
	}

	/** One bad line: the file, its line number (the header is line 1) and the reason. */
	public record LineError(String file, int line, String message) {
	}

}
