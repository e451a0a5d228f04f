package org.cyl.excellence.branch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stages a branch goes through in a campaign (table {@code campaign_branch}), in
 * order, with the names people read on the record, the dashboard and the bulletin.
 */
public final class BranchStages {

	/** Stage → its name, in the order a branch goes through them. */
	public static final Map<String, String> LABELS;

	static {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("PENDING", "待启动");
		labels.put("STARTED", "已启动");
		labels.put("MOBILIZING", "动员部署");
		labels.put("PLEDGING", "承诺践诺");
		labels.put("REPORTING", "汇报工作");
		labels.put("REVIEWING", "领导点评");
		labels.put("RECTIFYING", "限期整改");
		labels.put("APPRAISING", "群众评议");
		labels.put("FINISHED", "已完成");
		LABELS = Collections.unmodifiableMap(labels);
	}

	private BranchStages() {
	}

	/** The stage's name, or the stage itself when it has none. */
	public static String label(String stage) {
		return (stage != null) ? LABELS.getOrDefault(stage, stage) : "";
	}

}
