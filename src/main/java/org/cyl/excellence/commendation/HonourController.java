package org.cyl.excellence.commendation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cyl.excellence.commendation.HonourArchive.Honour;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The honours archive for everyone logged in: search
 * ({@code /api/honours?q=&year=&org=&member=}) and export of the same selection as CSV
 * (UTF-8 with BOM, for Excel) or XLSX.
 */
@RestController
class HonourController {

	static final String[] COLUMNS = { "类别", "组织代码", "团员编号", "名称/姓名", "荣誉称号", "授予单位", "年度", "活动", "表彰文号", "表彰日期" };

	private final HonourArchive archive;

	HonourController(HonourArchive archive) {
		this.archive = archive;
	}

	@GetMapping("/api/honours")
	List<Honour> search(@RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "year", required = false) Integer year,
			@RequestParam(name = "org", required = false) String org,
			@RequestParam(name = "member", required = false) String member) {
		return this.archive.search(q, year, org, member);
	}

	@GetMapping("/api/honours.csv")
	ResponseEntity<byte[]> csv(@RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "year", required = false) Integer year,
			@RequestParam(name = "org", required = false) String org,
			@RequestParam(name = "member", required = false) String member) {
		StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", COLUMNS)).append('\n');
		for (Honour h : this.archive.search(q, year, org, member)) {
			String[] cells = cells(h);
			for (int i = 0; i < cells.length; i++) {
				csv.append(i > 0 ? "," : "").append(quote(cells[i]));
			}
			csv.append('\n');
		}
		return download(csv.toString().getBytes(StandardCharsets.UTF_8), "honours.csv",
				new MediaType("text", "csv", StandardCharsets.UTF_8));
	}

	@GetMapping("/api/honours.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "year", required = false) Integer year,
			@RequestParam(name = "org", required = false) String org,
			@RequestParam(name = "member", required = false) String member) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("荣誉档案");
			Row header = sheet.createRow(0);
			for (int i = 0; i < COLUMNS.length; i++) {
				header.createCell(i).setCellValue(COLUMNS[i]);
			}
			int r = 1;
			for (Honour h : this.archive.search(q, year, org, member)) {
				Row row = sheet.createRow(r++);
				String[] cells = cells(h);
				for (int i = 0; i < cells.length; i++) {
					if (i == 6) {
						row.createCell(i).setCellValue(h.year());
					}
					else {
						row.createCell(i).setCellValue(cells[i]);
					}
				}
			}
			workbook.write(out);
			return download(out.toByteArray(), "honours.xlsx",
					MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		}
	}

	private static String[] cells(Honour h) {
		return new String[] { "ORG".equals(h.holderType()) ? "组织" : "团员", nz(h.orgCode()), nz(h.leagueNo()),
				h.holderName(), h.title(), h.level(), String.valueOf(h.year()), nz(h.campaignTitle()), h.decisionNo(),
				h.decidedOn().toString() };
	}

	private static String nz(String s) {
		return (s == null) ? "" : s;
	}

	private static String quote(String cell) {
		return (cell.contains(",") || cell.contains("\"") || cell.contains("\n"))
				? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
	}

	private static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
			.body(body);
	}

}
