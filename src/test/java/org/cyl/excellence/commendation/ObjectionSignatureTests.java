package org.cyl.excellence.commendation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which signatures of an objection name nobody: the notice refuses anonymous objections,
 * and 某同学 or 一群众 is an anonymous one.
 */
class ObjectionSignatureTests {

	@ParameterizedTest
	@ValueSource(strings = { "匿名", "匿名者", "某同学", "某 同学", "某老师", "某某", "张某某", "一群众", "群众", "热心群众", "广大群众", "一名同学", "同学们",
			"知情人", "知情者", "一位知情人", "举报人", "网友", "路人", "无名氏", "佚名", "保密", "不愿透露姓名", "***", "xxx", "？？", "123" })
	void signaturesThatNameNobodyAreRefused(String name) {
		assertThat(ObjectionService.namesNobody(name)).as(name).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "王明", "李华", "欧阳晓东", "路人杰", "张群", "王同", "阿依古丽·买买提", "Li Hua" })
	void realNamesAreTaken(String name) {
		assertThat(ObjectionService.namesNobody(name)).as(name).isFalse();
	}

}
