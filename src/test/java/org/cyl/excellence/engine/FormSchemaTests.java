package org.cyl.excellence.engine;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form's submitted fields as DeploymentChecks compares them: keys behind a group's
 * path, the kind of value, the fixed choices, whether required.
 */
class FormSchemaTests {

	private static final String SCHEMA = """
			{"id":"F","components":[
			  {"type":"text","text":"## 标题"},
			  {"type":"textarea","key":"opinion","label":"意见","validate":{"required":true}},
			  {"type":"textfield","key":"shown","disabled":true},
			  {"type":"radio","key":"decision","label":"结论","values":[{"label":"通过","value":"approve"},{"label":"退回","value":"return"}]},
			  {"type":"select","key":"member","valuesKey":"members"},
			  {"type":"datetime","subtype":"date","key":"heldOn"},
			  {"type":"group","path":"address","components":[{"type":"number","key":"floor"}]}]}
			""";

	@Test
	void readsTheSubmittedFieldsWithTheirKindChoicesAndRequirement() {
		FormSchema form = FormSchema.parse(SCHEMA.getBytes(StandardCharsets.UTF_8));
		assertThat(form.id()).isEqualTo("F");
		assertThat(form.fields()).extracting(FormSchema.Field::key)
			.containsExactly("opinion", "decision", "member", "heldOn", "address", "address.floor");
		assertThat(form.variables()).containsExactly("opinion", "decision", "member", "heldOn", "address");
		assertThat(form.field("opinion").required()).isTrue();
		assertThat(form.field("opinion").kind()).isEqualTo("文字");
		assertThat(form.field("decision").values()).isEqualTo(Set.of("approve", "return"));
		assertThat(form.field("decision").kind()).isEqualTo(form.field("member").kind());
		assertThat(form.field("member").values()).isEmpty();
		assertThat(form.field("heldOn").kind()).isEqualTo("日期");
		assertThat(form.field("address.floor").kind()).isEqualTo("数字");
		assertThat(form.field("address.floor").named()).isEqualTo("“address.floor”");
		assertThat(form.field("shown")).isNull();
	}

}
