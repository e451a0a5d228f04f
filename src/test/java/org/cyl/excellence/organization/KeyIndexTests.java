package org.cyl.excellence.organization;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link KeyIndex} against a {@link HashMap} of the same keys. */
class KeyIndexTests {

	@Test
	void answersAsAMapOfTheSameKeysWould() {
		KeyIndex index = new KeyIndex();
		Map<String, Integer> map = new HashMap<>();
		Random random = new Random(17);
		for (int i = 0; i < 200_000; i++) {
			// League numbers of many lengths, some typed twice
			String key = Integer.toString(random.nextInt(150_000), 36) + ((i % 3 == 0) ? "-" + (i % 7) : "");
			Integer earlier = map.putIfAbsent(key, i);
			assertThat(index.putIfAbsent(key, i)).as(key).isEqualTo((earlier != null) ? earlier : -1);
		}
		assertThat(index.size()).isEqualTo(map.size());
		map.forEach((key, line) -> assertThat(index.get(key)).as(key).isEqualTo(line));
		assertThat(index.get("not-there")).isEqualTo(-1);
		assertThat(index.get("")).isEqualTo(-1);
	}

	@Test
	void putSetsAndCountOfCounts() {
		KeyIndex index = new KeyIndex();
		index.put("a", 1);
		index.put("b", 1);
		index.put("a", 2);
		index.put("c", 0);
		assertThat(index.get("a")).isEqualTo(2);
		assertThat(index.countOf(1)).isEqualTo(1);
		assertThat(index.countOf(2)).isEqualTo(1);
		assertThat(index.countOf(0)).isEqualTo(1);
		assertThat(index.size()).isEqualTo(3);
	}

}
