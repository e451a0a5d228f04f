package org.cyl.excellence;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's settings are records of the modules
 * ({@code @ConfigurationProperties}), each of their values declared in application.yaml
 * with its default and a comment; no code reads a setting any other way.
 */
class SettingsTests {

	/** app.* keys that no record reads: used by other settings of application.yaml. */
	private static final Set<String> PLACEHOLDERS_ONLY = Set.of("app.data-dir");

	@Test
	void noCodeReadsASettingWithValueOrTheEnvironment() {
		List<String> readers = new ArrayList<>();
		for (String module : ModuleBoundaryTests.modules()) {
			for (Path source : ModuleBoundaryTests.sources(module)) {
				String text = ModuleBoundaryTests.read(source);
				if (text.contains("@Value(") || text.contains("import org.springframework.core.env.Environment;")) {
					readers.add(ModuleBoundaryTests.MAIN.relativize(source).toString());
				}
			}
		}
		assertThat(readers).isEmpty();
	}

	@Test
	void everySettingOfARecordIsDeclaredInApplicationYamlAndEveryAppSettingHasARecord() throws Exception {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yaml"));
		Properties declared = yaml.getObject();
		Set<String> read = new TreeSet<>();
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		for (BeanDefinition candidate : scanner.findCandidateComponents("org.cyl.excellence")) {
			Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), null);
			ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
			keys(annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix(), type, read);
		}
		assertThat(read).isNotEmpty().allSatisfy((key) -> assertThat(declared).containsKey(key));
		Set<String> unread = new TreeSet<>(declared.stringPropertyNames());
		unread.removeIf((key) -> !key.startsWith("app.") || read.contains(key) || PLACEHOLDERS_ONLY.contains(key));
		assertThat(unread).as("app.* settings that no record reads").isEmpty();
	}

	/** The keys of a record's components, nested records flattened. */
	private static void keys(String prefix, Class<?> type, Set<String> keys) {
		for (RecordComponent component : type.getRecordComponents()) {
			String key = prefix + "." + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase();
			if (component.getType().isRecord()) {
				keys(key, component.getType(), keys);
			}
			else {
				keys.add(key);
			}
		}
	}

}
