package org.cyl.excellence.commendation;

/**
 * The rules every objection to a public notice (公示异议) meets, for the commendation's
 * notice and the other duties' notices (推优入党): a real name (anonymous signatures such as
 * 某同学, 群众 or 知情人 are refused), a phone number or e-mail address to verify it by, and 10
 * to 2000 characters of facts.
 */
public final class ObjectionRules {

	private ObjectionRules() {
	}

	/** Why the objection is refused, in Chinese; null when it may be filed. */
	public static String refusal(String name, String contact, String content) {
		String n = trim(name);
		String c = trim(contact);
		String text = trim(content);
		if (n.isEmpty() || c.isEmpty()) {
			return "请填写真实姓名和联系方式：匿名异议不予受理";
		}
		if (ObjectionService.namesNobody(n)) {
			return "请填写真实姓名：“匿名”“某同学”“群众”“知情人”等署名视同匿名，匿名异议不予受理";
		}
		if (n.length() < 2 || n.length() > 20) {
			return "姓名应为 2 到 20 个字";
		}
		if (!ObjectionService.PHONE.matcher(c).matches() && !ObjectionService.EMAIL.matcher(c).matches()) {
			return "联系方式应为手机号码、固定电话或电子邮箱，以便核实";
		}
		if (text.length() < 10 || text.length() > 2000) {
			return "异议内容应为 10 到 2000 个字，写明具体事实";
		}
		return null;
	}

	private static String trim(String s) {
		return (s == null) ? "" : s.trim();
	}

}
