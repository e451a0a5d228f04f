package org.cyl.excellence.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Lists as downloads for Excel (the commendation's candidate and final lists, the honours
 * archive, the standing duties' results for the League's national system): CSV through
 * the application's one CSV writer ({@link Csv}, which neutralises cells that would run
 * as formulas) and XLSX. In XLSX a number stays a number and every other cell is a text
 * cell formatted as text, never a formula; a text that begins like a formula is also
 * marked quote-prefixed, so that Excel and WPS keep it text when someone edits the cell.
 */
public final class Spreadsheets {

	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private Spreadsheets() {
	}

	public static ResponseEntity<byte[]> csv(String filename, String[] columns, List<Object[]> rows) {
		return Csv.download(filename, columns, rows);
	}

	public static ResponseEntity<byte[]> xlsx(String filename, String sheetName, String[] columns,
			List<Object[]> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(sheetName);
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			CellStyle quoted = workbook.createCellStyle();
			quoted.cloneStyleFrom(text);
			quoted.setQuotePrefixed(true);
			Row header = sheet.createRow(0);
			for (int i = 0; i < columns.length; i++) {
				textCell(header, i, columns[i], text, quoted);
			}
			int r = 1;
			for (Object[] cells : rows) {
				Row row = sheet.createRow(r++);
				for (int i = 0; i < cells.length; i++) {
					if (cells[i] instanceof Number number) {
						row.createCell(i).setCellValue(number.doubleValue());
					}
					else {
						textCell(row, i, (cells[i] == null) ? "" : cells[i].toString(), text, quoted);
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

	/** A string cell (never a formula, whatever it begins with), styled as text. */
	private static void textCell(Row row, int column, String value, CellStyle text, CellStyle quoted) {
		Cell cell = row.createCell(column, CellType.STRING);
		cell.setCellValue(value);
		cell.setCellStyle(Csv.startsLikeAFormula(value) ? quoted : text);
	}

	public static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
			.body(body);
	}

}
