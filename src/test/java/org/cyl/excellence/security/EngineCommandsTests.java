package org.cyl.excellence.security;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The Camunda internals the engine boundary reads are still where it reads them: an
 * engine upgrade that renames a command's field fails here, not in production.
 */
class EngineCommandsTests {

	@Test
	void everyCommandFieldReadExists() {
		assertThat(EngineCommands.FIELDS).isNotEmpty();
		for (Map.Entry<Class<?>, String> field : EngineCommands.FIELDS) {
			assertThatNoException().as(field.getKey().getSimpleName() + "." + field.getValue())
				.isThrownBy(() -> field.getKey().getDeclaredField(field.getValue()));
		}
	}

	@Test
	void aFormsFieldsAreItsKeyedInputsWithoutTextsOrDisabledFields() {
		String schema = """
				{"id":"F","components":[
				  {"type":"text","text":"{{item1}}"},
				  {"type":"textfield","key":"title"},
				  {"type":"textfield","key":"shown","disabled":true},
				  {"type":"group","components":[{"type":"number","key":"count"},{"type":"text","text":"x"}]},
				  {"type":"group","path":"address","components":[{"type":"textfield","key":"city"}]},
				  {"type":"checklist","key":"ticked"}]}
				""";
		assertThat(FormFields.parse(schema.getBytes())).isEqualTo(Set.of("title", "count", "address", "ticked"));
	}

}
