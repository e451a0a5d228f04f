package org.cyl.excellence.campaign;

import org.cyl.excellence.organization.Organization;

/**
 * The business keys of the campaign's processes, the names a manager reads in Cockpit's
 * instance lists: the campaign's title and the organisation's short name, then what makes
 * the key unique — the branch's code and the first eight characters of the campaign's id
 * (unique among campaigns, {@link CampaignRepository#create}):
 * <ul>
 * <li>创先争优活动 (and its 评比表彰, which takes the key over):
 * {@code 南江大学2026年创先争优活动 · 南江大学团委 #1a2b3c4d};</li>
 * <li>团支部创先争优: {@code 南江大学2026年创先争优活动 · 翻译2024级1班团支部（120303）#1a2b3c4d}.</li>
 * </ul>
 * Nothing reads a campaign or a branch back from a key: the processes carry
 * {@code campaignId} and {@code branchCode}; queries by key use {@link #campaignSuffix}
 * and {@link #branchSuffix} with {@code like}.
 */
public final class BusinessKeys {

	/** Characters of the campaign's id in its keys. */
	static final int ID_LENGTH = 8;

	/**
	 * Longest title and organisation name kept in a key (Camunda keeps 255 characters).
	 */
	private static final int NAME_LENGTH = 40;

	private BusinessKeys() {
	}

	/** The key of the campaign process (and its commendation). */
	public static String campaign(String title, Organization committee, String campaignId) {
		return cut(title) + " · " + shortName(committee.name()) + " " + campaignSuffix(campaignId);
	}

	/** The key of a branch's process. */
	public static String branch(String title, Organization branch, String campaignId) {
		return cut(title) + " · " + shortName(branch.name()) + branchSuffix(campaignId, branch.code());
	}

	/** How the keys of a campaign's processes end: {@code #1a2b3c4d}. */
	public static String campaignSuffix(String campaignId) {
		return "#" + shortId(campaignId);
	}

	/** How the key of a branch's process ends: {@code （120303）#1a2b3c4d}. */
	public static String branchSuffix(String campaignId, String branchCode) {
		return "（" + branchCode + "）" + campaignSuffix(campaignId);
	}

	static String shortId(String campaignId) {
		return campaignId.substring(0, Math.min(ID_LENGTH, campaignId.length()));
	}

	/**
	 * An organisation's name as people say it: 共青团南江大学委员会 → 南江大学团委, 共青团南江大学计算机学院总支部委员会 →
	 * 南江大学计算机学院团总支.
	 */
	static String shortName(String name) {
		String n = name.strip();
		if (n.startsWith("共青团")) {
			n = n.substring("共青团".length());
			if (n.endsWith("总支部委员会")) {
				n = n.substring(0, n.length() - "总支部委员会".length()) + "团总支";
			}
			else if (n.endsWith("委员会")) {
				n = n.substring(0, n.length() - "委员会".length()) + "团委";
			}
		}
		return cut(n);
	}

	private static String cut(String text) {
		String t = text.strip();
		return (t.codePointCount(0, t.length()) <= NAME_LENGTH) ? t
				: t.substring(0, t.offsetByCodePoints(0, NAME_LENGTH - 1)) + "…";
	}

}
