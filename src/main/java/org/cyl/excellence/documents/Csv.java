package org.cyl.excellence.documents;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every CSV file the application serves (the commendation's candidate and final lists and
 * the honours archive in {@code commendation/}, the ballot links in {@code appraisal/}):
 * UTF-8 with a byte order mark, so that Excel and WPS read Chinese, and cells that cannot
 * turn into formulas.
 * <p>
 * A cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return would be run as a formula by a spreadsheet ({@code =HYPERLINK(…)} in a decision
 * number, {@code @SUM(…)} in deeds): as OWASP describes for CSV injection, such a cell is
 * prefixed with a single quote and enclosed in double quotes. Every other cell is quoted
 * as RFC 4180 asks when it holds a comma, a double quote or a line break. Numbers the
 * application itself computes (row numbers, years) are written as they are.
 */
public final class Csv {

	public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private static final String FORMULA_START = "=+-@\t\r";

	private Csv() {
	}

	/** The file as a download named {@code filename.csv}. */
	public static ResponseEntity<byte[]> download(String filename, String[] columns, List<Object[]> rows) {
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + ".csv\"")
			.body(write(columns, rows));
	}

	/** The header line and the rows, UTF-8 with a byte order mark. */
	public static byte[] write(String[] columns, List<Object[]> rows) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		line(csv, columns);
		for (Object[] row : rows) {
			line(csv, row);
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void line(StringBuilder csv, Object[] cells) {
		for (int i = 0; i < cells.length; i++) {
			csv.append((i > 0) ? "," : "").append(cell(cells[i]));
		}
		csv.append("\r\n");
	}

	/** One cell, neutralised and quoted as needed. */
	public static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number) {
			return value.toString();
		}
		String text = value.toString();
		if (startsLikeAFormula(text)) {
			return "\"'" + text.replace("\"", "\"\"") + "\"";
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	/**
	 * Whether a spreadsheet would take the text for a formula: it begins with one of the
	 * characters OWASP names.
	 */
	public static boolean startsLikeAFormula(String text) {
		return !text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0;
	}

}
