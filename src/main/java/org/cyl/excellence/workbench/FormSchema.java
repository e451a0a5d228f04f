package org.cyl.excellence.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A deployed Camunda Form as the task page needs it: its fields (key, label) and which
 * field a refusal's message names.
 */
final class FormSchema {

	private static final ObjectMapper json = new ObjectMapper();

	/** What the server's refusals quote: “name” (a variable or a field's label). */
	private static final Pattern QUOTED = Pattern.compile("“([^”]{1,200})”");

	private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d+)$");

	record Field(String key, String label) {
	}

	private final String text;

	private final List<Field> fields = new ArrayList<>();

	private final List<String> valuesKeys = new ArrayList<>();

	FormSchema(String text) {
		this.text = text;
		try {
			collect(json.readTree(text).path("components"));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("the deployed form is no JSON", ex);
		}
	}

	private void collect(JsonNode components) {
		for (JsonNode c : components) {
			if (c.hasNonNull("key")) {
				// a date field's label is its dateLabel
				this.fields
					.add(new Field(c.get("key").asText(), c.path("label").asText(c.path("dateLabel").asText(""))));
			}
			if (c.hasNonNull("valuesKey")) {
				this.valuesKeys.add(c.get("valuesKey").asText());
			}
			collect(c.path("components"));
		}
	}

	/** The variables some field takes its options from. */
	List<String> valuesKeys() {
		return this.valuesKeys;
	}

	String text() {
		return this.text;
	}

	List<Field> fields() {
		return this.fields;
	}

	/**
	 * Whether the form names a variable: a field's key, or a name in an expression or
	 * template (conditions such as {@code =itemCount < 2}, texts such as
	 * {@code {{reviewerTitle}}}).
	 */
	boolean names(String variable) {
		return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(variable) + "(?![A-Za-z0-9_])")
			.matcher(this.text)
			.find();
	}

	/**
	 * The key of the field a refusal names: the boundary quotes the variable, the
	 * server's form rules the field's label — for a per-item field the item's name and
	 * the label ("思想政治素质好的承诺", the item in {@code item<n>}). Null when it names none.
	 */
	String fieldOf(String message, Map<String, Object> data) {
		if (message == null) {
			return null;
		}
		Matcher m = QUOTED.matcher(message);
		if (!m.find()) {
			return null;
		}
		String quoted = m.group(1);
		for (Field f : this.fields) {
			if (f.key().equals(quoted)) {
				return f.key();
			}
		}
		for (Field f : this.fields) {
			if (!f.label().isEmpty() && f.label().equals(quoted)) {
				return f.key();
			}
		}
		for (Field f : this.fields) {
			Matcher n = TRAILING_NUMBER.matcher(f.key());
			if (!f.label().isEmpty() && n.find() && quoted.endsWith("的" + f.label())) {
				Object item = data.get("item" + n.group(1));
				if (item != null && quoted.equals(item + "的" + f.label())) {
					return f.key();
				}
			}
		}
		return null;
	}

}
