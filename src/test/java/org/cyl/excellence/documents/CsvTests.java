package org.cyl.excellence.documents;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one CSV writer of every export: OWASP's CSV injection rule and RFC 4180 quoting.
 */
class CsvTests {

	@Test
	void cellsThatBeginLikeAFormulaGetASingleQuoteAndQuotes() {
		assertThat(Csv.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
		assertThat(Csv.cell("@SUM(1+1)")).isEqualTo("\"'@SUM(1+1)\"");
		assertThat(Csv.cell("+86 138")).isEqualTo("\"'+86 138\"");
		assertThat(Csv.cell("-2+3")).isEqualTo("\"'-2+3\"");
		assertThat(Csv.cell("\t=1")).isEqualTo("\"'\t=1\"");
		assertThat(Csv.cell("\r=1")).isEqualTo("\"'\r=1\"");
	}

	@Test
	void otherCellsAreQuotedOnlyWhereCsvNeedsIt() {
		assertThat(Csv.cell("张三")).isEqualTo("张三");
		assertThat(Csv.cell("a=b")).isEqualTo("a=b");
		assertThat(Csv.cell("甲,乙")).isEqualTo("\"甲,乙\"");
		assertThat(Csv.cell("说\"好\"")).isEqualTo("\"说\"\"好\"\"\"");
		assertThat(Csv.cell("第一行\n第二行")).isEqualTo("\"第一行\n第二行\"");
		assertThat(Csv.cell(null)).isEmpty();
		assertThat(Csv.cell("")).isEmpty();
	}

	@Test
	void numbersTheApplicationComputesStayNumbers() {
		assertThat(Csv.cell(-3)).isEqualTo("-3");
		assertThat(Csv.cell(2026)).isEqualTo("2026");
	}

	@Test
	void aFileHasTheByteOrderMarkAndOneLinePerRow() {
		String file = new String(
				Csv.write(new String[] { "序号", "名称" }, List.of(new Object[] { 1, "=1+1" }, new Object[] { 2, "甲,乙" })),
				StandardCharsets.UTF_8);
		assertThat(file).isEqualTo("\uFEFF序号,名称\r\n1,\"'=1+1\"\r\n2,\"甲,乙\"\r\n");
	}

}
