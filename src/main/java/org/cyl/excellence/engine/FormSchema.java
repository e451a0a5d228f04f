package org.cyl.excellence.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Camunda Form (form-js schema) as the engine stores it: its id and the fields it
 * submits — the keyed input components (inside groups too), without texts, buttons and
 * the like, and without those marked {@code disabled}, which form-js does not submit
 * (they only show a value). A group or list with a {@code path} nests its fields in one
 * variable named by the path. security's FormFields takes a task's submitted variables
 * from here; DeploymentChecks compares a form with the version in force.
 *
 * @param id the form's id (the key Camunda links it by)
 * @param fields the submitted fields, in the order of the form
 */
public record FormSchema(String id, List<Field> fields) {

	/** form-js components that have no value of their own to submit. */
	private static final Set<String> NOT_FIELDS = Set.of("text", "html", "button", "image", "spacer", "separator",
			"iframe", "table", "documentPreview");

	private static final ObjectMapper json = new ObjectMapper();

	/**
	 * Reads a schema.
	 * @throws UncheckedIOException when it is not JSON
	 */
	public static FormSchema parse(byte[] schema) {
		try {
			JsonNode root = json.readTree(schema);
			List<Field> fields = new ArrayList<>();
			collect(root, "", false, fields);
			return new FormSchema(root.path("id").asText(null), List.copyOf(fields));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The process variables a submission of this form sets: the first segment of each
	 * field's key (a group's path, or the key itself).
	 */
	public Set<String> variables() {
		Set<String> variables = new LinkedHashSet<>();
		for (Field field : this.fields) {
			variables.add(field.variable());
		}
		return Collections.unmodifiableSet(variables);
	}

	/** The submitted field of the given key (with its group's path), or null. */
	public Field field(String key) {
		return this.fields.stream().filter((f) -> f.key().equals(key)).findFirst().orElse(null);
	}

	private static void collect(JsonNode container, String path, boolean conditional, List<Field> fields) {
		for (JsonNode component : container.path("components")) {
			String type = component.path("type").asText();
			if (component.path("disabled").asBoolean(false) || NOT_FIELDS.contains(type)) {
				continue;
			}
			String nested = component.path("path").asText("");
			String prefix = join(path, nested);
			boolean hidden = conditional || component.has("conditional") || component.path("readonly").asBoolean(false);
			if (component.has("key")) {
				fields.add(field(component, join(prefix, component.path("key").asText()), hidden));
			}
			else if (!nested.isEmpty()) {
				// a group or list with a path and no key of its own: its variable is the
				// path
				fields.add(new Field(prefix, type, component.path("label").asText(""), Set.of(), false, false));
			}
			collect(component, prefix, hidden, fields);
		}
	}

	private static Field field(JsonNode component, String key, boolean conditional) {
		Set<String> values = new LinkedHashSet<>();
		for (JsonNode value : component.path("values")) {
			values.add(value.path("value").asText());
		}
		String type = component.path("type").asText();
		if (type.equals("datetime")) {
			type = type + "/" + component.path("subtype").asText("date");
		}
		return new Field(key, type, component.path("label").asText(component.path("dateLabel").asText("")),
				Collections.unmodifiableSet(values), component.path("validate").path("required").asBoolean(false),
				!conditional);
	}

	private static String join(String path, String key) {
		return path.isEmpty() ? key : key.isEmpty() ? path : path + "." + key;
	}

	/**
	 * One submitted field.
	 *
	 * @param key its key, behind its group's path ({@code address.city})
	 * @param type its form-js type; a datetime with its subtype ({@code datetime/date})
	 * @param label what the form shows
	 * @param values its fixed choices (select, radio, checklist {@code values}); empty
	 * when it has none or takes them from a variable ({@code valuesKey})
	 * @param required whether the form requires it ({@code validate.required})
	 * @param alwaysShown whether it is always there to fill in: neither it nor a group
	 * around it is shown under a condition ({@code conditional}), nor is it read-only
	 */
	public record Field(String key, String type, String label, Set<String> values, boolean required,
			boolean alwaysShown) {

		/** The variable the field lands in: the first segment of its key. */
		public String variable() {
			int dot = this.key.indexOf('.');
			return (dot < 0) ? this.key : this.key.substring(0, dot);
		}

		/**
		 * What kind of value it submits, in Chinese: fields of the same kind are
		 * interchangeable (a textfield may become a textarea, a select a radio group).
		 */
		public String kind() {
			return switch (this.type) {
				case "textfield", "textarea" -> "文字";
				case "number" -> "数字";
				case "checkbox" -> "勾选（是/否）";
				case "datetime/date" -> "日期";
				case "datetime/time" -> "时间";
				case "datetime/datetime" -> "日期时间";
				case "select", "radio" -> "单选";
				case "checklist", "taglist" -> "多选";
				default -> this.type;
			};
		}

		/** “label”（key）, as messages name it. */
		public String named() {
			return this.label.isBlank() ? "“" + this.key + "”" : "“" + this.label + "”（" + this.key + "）";
		}

	}

}
