package org.cyl.excellence.organization;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of the three import files: the English name (README.md), the Chinese label
 * cadres type in Excel, whether a file must have the column, what it holds (the
 * templates' 说明 sheet) and the templates' example. The example rows fit together: the
 * members' branch is the organisations' example, the roles' secretary the members'
 * example.
 */
final class ImportColumns {

	/** One column of an import file. */
	record Column(String key, String label, boolean required, String explanation, Object example) {

		/** Whether a header cell names this column: English, Chinese, or 中文（english）. */
		boolean matches(String header) {
			String h = header.replace('\uFEFF', ' ').trim().toLowerCase(Locale.ROOT);
			if (h.equals(this.key) || h.equals(this.label)) {
				return true;
			}
			int open = Math.max(h.indexOf('（'), h.indexOf('('));
			if (open > 0 && (h.endsWith("）") || h.endsWith(")"))) {
				String outside = h.substring(0, open).trim();
				String inside = h.substring(open + 1, h.length() - 1).trim();
				return matches(outside) || matches(inside);
			}
			return false;
		}

		String describe() {
			return this.key + "（" + this.label + "）";
		}

	}

	/** A date as the templates give it, written to Excel as a date cell. */
	record ExampleDate(java.time.LocalDate date) {

		@Override
		public String toString() {
			return this.date.toString();
		}

	}

	static final List<Column> ORGANIZATIONS = List.of(
			new Column("code", "组织代码", true, "必填。1–32 位字母或数字，每个组织唯一；用作账号分组，导入后不要更改", "129901"),
			new Column("name", "组织名称", true, "必填，不超过 100 字", "示例学院2025级1班团支部"),
			new Column("type", "组织类型", true,
					"必填：上级团委、团委、团总支、团支部 或 党组织（也可写 higher_committee、committee、general_branch、branch、party）", "团支部"),
			new Column("parent_code", "上级组织代码", true, "上级组织的组织代码；只有上级团委和党组织可以不填。上级可在本文件中，也可已导入", "1201"),
			new Column("party_org_code", "同级党组织代码", true, "团组织填写同级党组织（负责领导点评）的组织代码，可不填；党组织本身不填", "P1201S"));

	static final List<Column> MEMBERS = List.of(
			new Column("league_no", "团员编号", true, "必填。1–32 位字母、数字或 -，每名团员唯一；以 0 开头的编号请把单元格设为文本", "012990101"),
			new Column("name", "姓名", true, "必填，不超过 100 字", "李明"),
			new Column("org_code", "所在团支部代码", true, "必填：团员所在团支部的组织代码（团员隶属于团支部）", "129901"),
			new Column("cadre", "是否团干部", true, "是 或 否；不填为否", "是"),
			new Column("username", "账号", true, "可不填。1–64 位字母或数字，团员登录平台用；初始密码由管理员告知", "m12990101"),
			new Column("birth_date", "出生日期", false,
					"可不填。日期写作 2001-03-05、2001/3/5、2001.3.5、20010305，或 Excel 日期单元格；不能晚于今天",
					new ExampleDate(java.time.LocalDate.of(2006, 9, 12))),
			new Column("joined_league_on", "入团日期", false, "可不填。不能晚于今天；须在出生之后，入团时年满 14 周岁、不超过 28 周岁",
					new ExampleDate(java.time.LocalDate.of(2021, 5, 4))),
			new Column("party_applied_on", "入党申请日期", false, "可不填（未递交入党申请书）。不能晚于今天，须在出生之后",
					new ExampleDate(java.time.LocalDate.of(2025, 3, 10))));

	static final List<Column> ROLES = List.of(
			new Column("username", "账号", true, "必填。1–64 位字母或数字；可以是团员的账号", "m12990101"),
			new Column("name", "姓名", true, "账号是已导入（或同时导入）的团员时可不填，否则必填", ""),
			new Column("org_code", "组织代码", true, "担任角色的组织；管理员不填", "129901"), new Column("role", "角色", true,
					"必填：书记、委员、党组织评议人、管理者 或 管理员（也可写 secretary、committee、reviewer、manager、admin）", "书记"),
			new Column("email", "电子邮箱", true, "可不填；催办时发送邮件", "liming@example.org"));

	/** The columns of each file, by the file's name (the import's keys). */
	static final Map<String, List<Column>> BY_FILE = Map.of(OrganizationImport.ORGANIZATIONS, ORGANIZATIONS,
			OrganizationImport.MEMBERS, MEMBERS, OrganizationImport.ROLES, ROLES);

	/** What each file is, for the templates' 说明 sheet and the import page. */
	static final Map<String, String> TITLES = Map.of(OrganizationImport.ORGANIZATIONS, "组织", OrganizationImport.MEMBERS,
			"团员", OrganizationImport.ROLES, "角色");

	private ImportColumns() {
	}

}
