package org.cyl.excellence;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Working tasks over {@code /engine-rest} as Tasklist does: find the one task of a kind,
 * read its form's variables, submit the form (values, or checklists as Json arrays), and
 * check a refusal names the field.
 */
public final class RestTasks {

	private static final ObjectMapper json = new ObjectMapper();

	private RestTasks() {
	}

	/** The one task of that kind the user sees in the process instance. */
	public static String task(TestHttp user, String processInstanceId, String key) {
		JsonNode tasks = read(
				user.get("/engine-rest/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=" + key)
					.body());
		assertThat(tasks).as(key).hasSize(1);
		return tasks.get(0).get("id").asText();
	}

	public static JsonNode formVariables(TestHttp user, String task) {
		return read(user.get("/engine-rest/task/" + task + "/form-variables?deserializeValues=false").body());
	}

	/**
	 * The form's values as the REST API takes them: {@code {"variables": {k: {"value":
	 * v}}}}.
	 */
	public static String form(Map<String, Object> values) {
		return variables(values).toString();
	}

	public static ObjectNode variables(Map<String, Object> values) {
		ObjectNode body = json.createObjectNode();
		ObjectNode vars = body.putObject("variables");
		values.forEach((k, v) -> vars.putObject(k).set("value", json.valueToTree(v)));
		return body;
	}

	/** Checklists' answers as Tasklist submits them: Json arrays of the ticked values. */
	public static String checklists(Map<String, List<String>> ticked) {
		ObjectNode body = json.createObjectNode();
		ObjectNode vars = body.putObject("variables");
		ticked.forEach((key,
				values) -> vars.putObject(key).put("value", json.valueToTree(values).toString()).put("type", "Json"));
		return body.toString();
	}

	/** Submits the form and expects it taken (204). */
	public static void submit(TestHttp user, String task, Map<String, Object> values) {
		HttpResponse<String> response = user.postJson("/engine-rest/task/" + task + "/submit-form", form(values));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
	}

	/** Expects a 400 whose message names the field. */
	public static void assertRefused(HttpResponse<String> response, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(read(response.body()).get("message").asText()).contains(field);
	}

	private static JsonNode read(String body) {
		try {
			return json.readTree(body);
		}
		catch (JsonProcessingException ex) {
			throw new AssertionError("not JSON: " + body, ex);
		}
	}

}
