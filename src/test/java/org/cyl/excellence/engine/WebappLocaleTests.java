package org.cyl.excellence.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our Chinese locale files of the Camunda webapps ({@code locales/zh.json} of each app,
 * next to the {@code scripts/config.js} that makes Chinese the default) against the
 * English files of the Camunda webjar on the classpath: the same keys, every text
 * translated, the placeholders kept.
 */
class WebappLocaleTests {

	private static final String APP = "META-INF/resources/webjars/camunda/app/";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");

	private static final ObjectMapper JSON = new ObjectMapper();

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void chineseHasExactlyTheKeysOfEnglish(String app) throws IOException {
		assertThat(leaves(locale(app, "zh")).keySet())
			.containsExactlyInAnyOrderElementsOf(leaves(locale(app, "en")).keySet());
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void everyTextIsTranslatedExceptTheMigrationBanner(String app) throws IOException {
		Map<String, JsonNode> english = leaves(locale(app, "en"));
		Map<String, JsonNode> chinese = leaves(locale(app, "zh"));
		assertThat(chinese.get("labels.BANNER_CE_EOL_TEXT").asText()).isEmpty();
		List<String> empty = new ArrayList<>();
		chinese.forEach((key, value) -> {
			String en = english.get(key).asText();
			// the English plural suffix "s" has no Chinese counterpart
			boolean pluralSuffix = en.equals("s") && key.endsWith("_S");
			if (value.asText().isBlank() && !en.isBlank() && !pluralSuffix && !key.endsWith(".BANNER_CE_EOL_TEXT")) {
				empty.add(key);
			}
		});
		assertThat(empty).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void placeholdersAreKept(String app) throws IOException {
		Map<String, JsonNode> english = leaves(locale(app, "en"));
		List<String> changed = new ArrayList<>();
		leaves(locale(app, "zh")).forEach((key, value) -> {
			if (!placeholders(value.asText()).equals(placeholders(english.get(key).asText()))) {
				changed.add(key + ": " + value.asText());
			}
		});
		assertThat(changed).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void chineseIsTheDefaultAndEnglishIsOffered(String app) throws IOException {
		try (InputStream in = resource(APP + app + "/scripts/config.js")) {
			String config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(config).contains("import '../../single-sign-on.js';")
				.contains("availableLocales: ['zh', 'en']")
				.contains("fallbackLocale: 'zh'")
				.contains("创先争优工作平台");
		}
	}

	@org.junit.jupiter.api.Test
	void tasklistLoadsTheCampaignScriptAndTheWelcomePageLinksTheHelp() throws IOException {
		try (InputStream config = resource(APP + "tasklist/scripts/config.js");
				InputStream script = resource(APP + "tasklist/scripts/campaign-tasklist.js");
				InputStream welcome = resource(APP + "welcome/scripts/config.js")) {
			assertThat(new String(config.readAllBytes(), StandardCharsets.UTF_8))
				.contains("customScripts: ['scripts/campaign-tasklist', 'scripts/workbench-link']");
			assertThat(new String(script.readAllBytes(), StandardCharsets.UTF_8)).contains("flatpickr.localize",
					"Field is required", "$translateChangeSuccess");
			assertThat(new String(welcome.readAllBytes(), StandardCharsets.UTF_8)).contains("/help/tasklist.html")
				.doesNotContain("docs.camunda.org");
		}
		assertThat(resource("static/help/tasklist.html")).isNotNull();
	}

	private static JsonNode locale(String app, String language) throws IOException {
		try (InputStream in = resource(APP + app + "/locales/" + language + ".json")) {
			return JSON.readTree(in);
		}
	}

	private static InputStream resource(String path) {
		InputStream in = WebappLocaleTests.class.getClassLoader().getResourceAsStream(path);
		assertThat(in).as(path).isNotNull();
		return in;
	}

	private static Map<String, JsonNode> leaves(JsonNode root) {
		Map<String, JsonNode> leaves = new LinkedHashMap<>();
		collect("", root, leaves);
		return leaves;
	}

	private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
		if (node.isObject()) {
			node.properties().forEach((field) -> collect(join(path, field.getKey()), field.getValue(), leaves));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collect(path + "[" + i + "]", node.get(i), leaves);
			}
		}
		else {
			leaves.put(path, node);
		}
	}

	private static String join(String path, String key) {
		return path.isEmpty() ? key : path + "." + key;
	}

	private static List<String> placeholders(String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group().replaceAll("\\s", ""));
		}
		found.sort(null);
		return found;
	}

}
