package org.cyl.excellence.system;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Reads the values a form submitted, with the same rules as the form: a missing or
 * malformed value is refused with a {@link BadUserRequestException} naming the field in
 * Chinese, which the REST API answers with 400 and Tasklist shows; the task stays open
 * and the transaction writes nothing.
 */
public final class FormData {

	private static final ObjectMapper json = new ObjectMapper();

	private final VariableScope scope;

	public FormData(VariableScope scope) {
		this.scope = scope;
	}

	public static BadUserRequestException invalid(String label, String problem) {
		return new BadUserRequestException("“" + label + "”" + problem);
	}

	private Object raw(String key) {
		TypedValue typed = this.scope.getVariableTyped(key);
		if (typed == null) {
			return null;
		}
		if (typed instanceof JsonValue jsonValue) {
			return jsonValue.getValueSerialized();
		}
		return typed.getValue();
	}

	/** A required text of at most {@code max} characters, trimmed. */
	public String text(String key, String label, int max) {
		String value = optionalText(key, label, max);
		if (value == null) {
			throw invalid(label, "不能为空");
		}
		return value;
	}

	/** An optional text: null when missing or blank. */
	public String optionalText(String key, String label, int max) {
		Object value = raw(key);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String s)) {
			throw invalid(label, "应为文字");
		}
		String trimmed = s.trim();
		if (trimmed.isEmpty()) {
			return null;
		}
		if (trimmed.length() > max) {
			throw invalid(label, "不能超过 " + max + " 个字");
		}
		return trimmed;
	}

	/** A required date written as yyyy-MM-dd (what the form's date field submits). */
	public LocalDate date(String key, String label) {
		LocalDate value = optionalDate(key, label);
		if (value == null) {
			throw invalid(label, "不能为空");
		}
		return value;
	}

	public LocalDate optionalDate(String key, String label) {
		Object value = raw(key);
		if (value == null || (value instanceof String s && s.isBlank())) {
			return null;
		}
		if (value instanceof java.util.Date d) {
			return new java.sql.Date(d.getTime()).toLocalDate();
		}
		try {
			String text = value.toString().trim();
			return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException ex) {
			throw invalid(label, "不是有效日期（应为 年-月-日）");
		}
	}

	/** A required whole number within [min, max]. */
	public int number(String key, String label, int min, int max) {
		Object value = raw(key);
		if (value == null || (value instanceof String s && s.isBlank())) {
			throw invalid(label, "不能为空");
		}
		long n;
		if (value instanceof Number number) {
			double d = number.doubleValue();
			if (d != Math.rint(d)) {
				throw invalid(label, "应为整数");
			}
			n = (long) d;
		}
		else {
			try {
				n = Long.parseLong(value.toString().trim());
			}
			catch (NumberFormatException ex) {
				throw invalid(label, "应为整数");
			}
		}
		if (n < min || n > max) {
			throw invalid(label, "应在 " + min + " 到 " + max + " 之间");
		}
		return (int) n;
	}

	/** A required choice among the given values. */
	public String choice(String key, String label, Set<String> allowed) {
		Object value = raw(key);
		if (value == null || value.toString().isBlank()) {
			throw invalid(label, "必须选择");
		}
		if (!allowed.contains(value.toString())) {
			throw invalid(label, "的取值“" + value + "”无效");
		}
		return value.toString();
	}

	/** A required list (a form's dynamic list, submitted as JSON) of objects. */
	public List<Map<String, Object>> list(String key, String label) {
		Object value = raw(key);
		if (value == null) {
			throw invalid(label, "不能为空");
		}
		try {
			String text = (value instanceof String s) ? s : json.writeValueAsString(value);
			List<Map<String, Object>> list = json.readValue(text, new TypeReference<>() {
			});
			return (list != null) ? list : new ArrayList<>();
		}
		catch (JsonProcessingException ex) {
			throw invalid(label, "格式不正确");
		}
	}

	/**
	 * A list with one row per standard item, in the standard's order: each row's
	 * {@code item} must be the item itself (the form shows it read-only; a forged or
	 * shortened list is refused).
	 */
	public List<Map<String, Object>> itemList(String key, String label, List<String> items) {
		List<Map<String, Object>> rows = list(key, label);
		if (rows.size() != items.size()) {
			throw invalid(label, "应有 " + items.size() + " 项（每项标准一项），提交了 " + rows.size() + " 项");
		}
		for (int i = 0; i < items.size(); i++) {
			if (!items.get(i).equals(String.valueOf(rows.get(i).get("item")))) {
				throw invalid(label, "第 " + (i + 1) + " 项应为“" + items.get(i) + "”");
			}
		}
		return rows;
	}

	/**
	 * A required text inside one row of a list: the message names the list, the row and
	 * the field.
	 */
	public static String rowText(Map<String, Object> row, String key, String label, int max) {
		Object value = row.get(key);
		String text = (value == null) ? "" : value.toString().trim();
		if (text.isEmpty()) {
			throw invalid(label, "不能为空");
		}
		if (text.length() > max) {
			throw invalid(label, "不能超过 " + max + " 个字");
		}
		return text;
	}

	public static String rowChoice(Map<String, Object> row, String key, String label, Set<String> allowed) {
		Object value = row.get(key);
		if (value == null || value.toString().isBlank()) {
			throw invalid(label, "必须选择");
		}
		if (!allowed.contains(value.toString())) {
			throw invalid(label, "的取值“" + value + "”无效");
		}
		return value.toString();
	}

	/**
	 * Empties the form's input fields on the task itself, so that each task starts blank
	 * and a submission is judged by what it sends, never by a value an earlier task of
	 * the process left behind.
	 */
	public static void freshInputs(org.camunda.bpm.engine.delegate.DelegateTask task, String... keys) {
		for (String key : keys) {
			task.setVariableLocal(key, null);
		}
	}

	/**
	 * A JSON variable, as a form's dynamic list needs it (a plain string would not be a
	 * list).
	 */
	public static JsonValue jsonVariable(Object value) {
		return org.camunda.spin.plugin.variable.SpinValues.jsonValue(toJson(value)).create();
	}

	public static String toJson(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
