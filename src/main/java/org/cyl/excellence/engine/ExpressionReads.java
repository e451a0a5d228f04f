package org.cyl.excellence.engine;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables an expression of a model reads, as far as its text tells: the names that
 * are neither keywords nor functions nor a property after a dot. For DeploymentChecks,
 * which compares them with what a form submits, a process writes, a version in force
 * read.
 */
final class ExpressionReads {

	/** A JUEL expression of a BPMN model: {@code ${…}} or {@code #{…}}. */
	private static final Pattern JUEL = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);

	private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");

	/** A name not behind a dot (the dot makes it a property of what stands before). */
	private static final Pattern NAME = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)");

	private static final Set<String> JUEL_KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq",
			"ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");

	/** What Camunda's expressions know besides variables and beans. */
	private static final Set<String> JUEL_BUILT_INS = Set.of("execution", "task", "caseExecution", "externalTask",
			"authenticatedUserId", "variableScope");

	private static final Set<String> FEEL_KEYWORDS = Set.of("true", "false", "null", "and", "or", "not", "if", "then",
			"else", "for", "in", "return", "some", "every", "satisfies", "instance", "of", "between", "function",
			"external");

	private ExpressionReads() {
	}

	/**
	 * The variables the JUEL expressions in a text read ({@code ${a == 'x' && b.c}}: a,
	 * b), leaving out the names that {@code bean} says are beans.
	 */
	static Set<String> juel(String text, Predicate<String> bean) {
		Set<String> reads = new LinkedHashSet<>();
		if (text == null) {
			return reads;
		}
		Matcher expression = JUEL.matcher(text);
		while (expression.find()) {
			for (String name : names(expression.group(1))) {
				if (!JUEL_KEYWORDS.contains(name) && !JUEL_BUILT_INS.contains(name) && !bean.test(name)) {
					reads.add(name);
				}
			}
		}
		return reads;
	}

	/**
	 * The properties the JUEL expressions in a text read of one variable
	 * ({@code ${decision.outcome == 'x'}}: outcome), not its methods.
	 */
	static Set<String> properties(String text, String variable) {
		Set<String> properties = new LinkedHashSet<>();
		if (text == null) {
			return properties;
		}
		Pattern property = Pattern
			.compile("(?<![\\w.])" + Pattern.quote(variable) + "\\s*\\.\\s*([A-Za-z_]\\w*)(?!\\w*\\s*\\()");
		Matcher expression = JUEL.matcher(text);
		while (expression.find()) {
			Matcher m = property.matcher(STRING.matcher(expression.group(1)).replaceAll("''"));
			while (m.find()) {
				properties.add(m.group(1));
			}
		}
		return properties;
	}

	/**
	 * The variables a FEEL expression reads (a DMN input expression:
	 * {@code excellentCount / memberCount}). A word of a function name with spaces
	 * ({@code date and time(…)}) counts as one.
	 */
	static Set<String> feel(String text) {
		Set<String> reads = new LinkedHashSet<>();
		if (text != null) {
			for (String name : names(text)) {
				if (!FEEL_KEYWORDS.contains(name)) {
					reads.add(name);
				}
			}
		}
		return reads;
	}

	/** The names in an expression that are not functions or properties. */
	private static Set<String> names(String expression) {
		String code = STRING.matcher(expression).replaceAll("''");
		Set<String> names = new LinkedHashSet<>();
		Matcher m = NAME.matcher(code);
		while (m.find()) {
			String rest = code.substring(m.end()).stripLeading();
			if (!rest.startsWith("(")) {
				names.add(m.group(1));
			}
		}
		return names;
	}

}
