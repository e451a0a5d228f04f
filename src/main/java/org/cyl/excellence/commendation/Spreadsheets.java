package org.cyl.excellence.commendation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Lists as downloads for Excel: CSV in UTF-8 with a byte order mark (so that Excel reads
 * Chinese) and XLSX; a number stays a number in XLSX.
 */
final class Spreadsheets {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private Spreadsheets() {
	}

	static ResponseEntity<byte[]> csv(String filename, String[] columns, List<Object[]> rows) {
		StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", columns)).append('\n');
		for (Object[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				csv.append(i > 0 ? "," : "").append(quote((row[i] == null) ? "" : row[i].toString()));
			}
			csv.append('\n');
		}
		return download(csv.toString().getBytes(StandardCharsets.UTF_8), filename + ".csv",
				new MediaType("text", "csv", StandardCharsets.UTF_8));
	}

	static ResponseEntity<byte[]> xlsx(String filename, String sheetName, String[] columns, List<Object[]> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(sheetName);
			Row header = sheet.createRow(0);
			for (int i = 0; i < columns.length; i++) {
				header.createCell(i).setCellValue(columns[i]);
			}
			int r = 1;
			for (Object[] cells : rows) {
				Row row = sheet.createRow(r++);
				for (int i = 0; i < cells.length; i++) {
					if (cells[i] instanceof Number number) {
						row.createCell(i).setCellValue(number.doubleValue());
					}
					else {
						row.createCell(i).setCellValue((cells[i] == null) ? "" : cells[i].toString());
					}
				}
			}
			workbook.write(out);
			return download(out.toByteArray(), filename + ".xlsx", XLSX);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String quote(String cell) {
		return (cell.contains(",") || cell.contains("\"") || cell.contains("\n"))
				? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
	}

	static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
			.body(body);
	}

}
