package org.cyl.excellence.shared;

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

	/**
	 * How many standard items a form has room for: the forms show one block of fields per
	 * item ({@code item1} … {@code item5}), the blocks beyond the campaign's items
	 * hidden.
	 */
	public static final int MAX_ITEMS = 5;

	/**
	 * Shows the standard items on a task's form: {@code item1..itemN} and
	 * {@code itemCount}.
	 */
	public static void showItems(VariableScope scope, List<String> items, boolean local) {
		if (items.size() > MAX_ITEMS) {
			throw new IllegalStateException("a standard set has at most " + MAX_ITEMS + " items per kind: " + items);
		}
		for (int i = 1; i <= MAX_ITEMS; i++) {
			set(scope, "item" + i, (i <= items.size()) ? items.get(i - 1) : null, local);
		}
		set(scope, "itemCount", items.size(), local);
	}

	/** Empties the per-item fields {@code key1..key5}. */
	public static void clearPerItem(VariableScope scope, boolean local, String... keys) {
		for (String key : keys) {
			for (int i = 1; i <= MAX_ITEMS; i++) {
				set(scope, key + i, null, local);
			}
		}
	}

	private static void set(VariableScope scope, String key, Object value, boolean local) {
		if (local) {
			scope.setVariableLocal(key, value);
		}
		else {
			scope.setVariable(key, value);
		}
	}

	/**
	 * The required texts {@code key1..keyN}, one per standard item; a message names the
	 * item.
	 */
	public List<String> perItem(String key, String label, List<String> items, int max) {
		List<String> values = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			values.add(text(key + (i + 1), items.get(i) + "的" + label, max));
		}
		return values;
	}

	/** The required choices {@code key1..keyN}, one per standard item. */
	public List<String> perItemChoice(String key, String label, List<String> items, Set<String> allowed) {
		List<String> values = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			values.add(choice(key + (i + 1), items.get(i) + "的" + label, allowed));
		}
		return values;
	}

	/**
	 * The values ticked in a checklist (a JSON array of strings); empty when nothing is
	 * ticked.
	 */
	public List<String> ticked(String key, String label) {
		Object value = raw(key);
		if (value == null || (value instanceof String s && s.isBlank())) {
			return List.of();
		}
		try {
			String text = (value instanceof String s) ? s : json.writeValueAsString(value);
			List<String> list = json.readValue(text, new TypeReference<List<String>>() {
			});
			return (list != null) ? list : List.of();
		}
		catch (JsonProcessingException ex) {
			throw invalid(label, "格式不正确");
		}
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
