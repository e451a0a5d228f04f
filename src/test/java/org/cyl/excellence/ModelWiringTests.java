package org.cyl.excellence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model calls its own module: every bean a BPMN file of bpmn/&lt;module&gt;/ names
 * ({@code camunda:delegateExpression="${bean}"}, {@code ${bean.method(…)}}) is a class of
 * that module — except supervision's overdueTaskListener, the 督查 hook on every user
 * task's due date — and every form it links lies in forms/&lt;module&gt;/.
 */
class ModelWiringTests {

	private static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)(?:\\.\\w+\\(|})");

	private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");

	private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"(\\w+)\"");

	private static final Pattern NAMED = Pattern.compile("@(?:Component|Service)\\(\"(\\w+)\"\\)");

	private static final Pattern TYPE = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");

	private static final Pattern STEREOTYPE = Pattern.compile("(?m)^@(?:Component|Service|Repository|Controller)\\b");

	/** The one bean every model may call. */
	private static final String OVERDUE = "overdueTaskListener";

	@Test
	void everyModelCallsTheBeansAndFormsOfItsOwnModule() {
		Map<String, String> beans = beans();
		List<String> wrong = new ArrayList<>();
		for (Path model : files(Path.of("bpmn"), ".bpmn")) {
			String module = Path.of("bpmn").relativize(model).getName(0).toString();
			String xml = ModuleBoundaryTests.read(model);
			for (Pattern p : List.of(DELEGATE, BEAN)) {
				Matcher m = p.matcher(xml);
				while (m.find()) {
					String owner = beans.get(m.group(1));
					if (owner != null && !owner.equals(module) && !m.group(1).equals(OVERDUE)) {
						wrong.add(model + " calls " + m.group(1) + " of " + owner);
					}
					if (p == DELEGATE && owner == null) {
						wrong.add(model + " calls " + m.group(1) + ", which no class is");
					}
				}
			}
			Matcher forms = FORM_REF.matcher(xml);
			while (forms.find()) {
				if (!Files.exists(Path.of("forms", module, forms.group(1) + ".form"))) {
					wrong.add(model + " links form " + forms.group(1) + ", which forms/" + module + "/ lacks");
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(beans).containsEntry(OVERDUE, "supervision");
	}

	/**
	 * One rule for every link (bpmn/README.md): each form, called process and decision is
	 * bound {@code latest}, written out so that Modeler shows it.
	 */
	@Test
	void everyLinkIsBoundLatest() {
		List<String> wrong = new ArrayList<>();
		for (Path model : files(Path.of("bpmn"), ".bpmn")) {
			String xml = ModuleBoundaryTests.read(model);
			for (String[] link : new String[][] { { "camunda:formRef=", "camunda:formRefBinding=\"latest\"" },
					{ "calledElement=", "camunda:calledElementBinding=\"latest\"" },
					{ "camunda:decisionRef=", "camunda:decisionRefBinding=\"latest\"" } }) {
				int links = xml.split(link[0], -1).length - 1;
				int latest = xml.split(link[1], -1).length - 1;
				if (links != latest) {
					wrong.add(model + ": " + links + " × " + link[0] + " but " + latest + " × " + link[1]);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	/** Bean name → module, from the main sources (the class name, or @Component("…")). */
	private static Map<String, String> beans() {
		Map<String, String> beans = new HashMap<>();
		for (String module : ModuleBoundaryTests.modules()) {
			for (Path source : ModuleBoundaryTests.sources(module)) {
				String text = ModuleBoundaryTests.read(source);
				if (!STEREOTYPE.matcher(text).find()) {
					continue;
				}
				Matcher named = NAMED.matcher(text);
				Matcher type = TYPE.matcher(text);
				if (named.find()) {
					beans.put(named.group(1), module);
				}
				else if (type.find()) {
					String name = type.group(1);
					beans.put(Character.toLowerCase(name.charAt(0)) + name.substring(1), module);
				}
			}
		}
		return beans;
	}

	private static List<Path> files(Path root, String suffix) {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((f) -> f.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
