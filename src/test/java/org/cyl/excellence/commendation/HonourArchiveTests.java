package org.cyl.excellence.commendation;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.commendation.HonourArchive.Honour;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The honours archive: search, CSV for Excel, and an XLSX file read back. */
@ApplicationTest
class HonourArchiveTests {

	@LocalServerPort
	int port;

	@Autowired
	HonourArchive archive;

	static boolean filled;

	@BeforeEach
	void someHonours() {
		if (filled) {
			return;
		}
		filled = true;
		this.archive.add(new Honour("ORG", "120101", null, "计算机科学与技术2022级1班团支部", "五四红旗团支部", "共青团南江大学委员会", 2025, null,
				null, "南大团发〔2025〕12号", LocalDate.of(2025, 5, 4)));
		this.archive.add(new Honour("MEMBER", "120101", "12010101", "沈文博", "优秀共青团员", "共青团南江大学委员会", 2025, null, null,
				"南大团发〔2025〕12号", LocalDate.of(2025, 5, 4)));
		this.archive.add(new Honour("MEMBER", "120201", "12020103", "测试, 名字", "优秀共青团员", "共青团南江市委员会", 2024, null, null,
				"南团发〔2024〕3号", LocalDate.of(2024, 5, 4)));
	}

	@Test
	void searchesByNameTitleYearOrganisationAndMember() {
		assertThat(this.archive.search("沈文博", null, null, null)).extracting(Honour::title).containsExactly("优秀共青团员");
		assertThat(this.archive.search("红旗", 2025, null, null)).hasSize(1);
		assertThat(this.archive.search(null, 2024, null, null)).extracting(Honour::holderName)
			.containsExactly("测试, 名字");
		assertThat(this.archive.search(null, null, "120101", null)).hasSize(2);
		assertThat(this.archive.search(null, null, null, "12010101")).hasSize(1);
		assertThat(this.archive.search("南大团发〔2025〕12号", 2025, "120101", null)).hasSize(2);
	}

	@Test
	void exportsCsvForExcelAndXlsx() throws Exception {
		TestHttp user = TestHttp.basic(this.port, "m12010104", "demo");
		HttpResponse<String> csv = user.get("/api/honours.csv?year=2024");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).startsWith("\uFEFF类别,").contains("\"测试, 名字\"", "南团发〔2024〕3号");

		HttpResponse<byte[]> xlsx = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/honours.xlsx?org=120101"))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString("m12010104:demo".getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = workbook.getSheet("荣誉档案");
			assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("荣誉称号");
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isIn("计算机科学与技术2022级1班团支部", "沈文博");
			assertThat(sheet.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(2025);
		}
		assertThat(TestHttp.anonymous(this.port).get("/api/honours").statusCode()).isEqualTo(401);
	}

}
