package org.cyl.excellence.organization;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.cyl.excellence.organization.ImportRejectedException.LineError;

/**
 * One uploaded import file as lines of text cells, whatever its kind: CSV in UTF-8, or an
 * Excel workbook (its first sheet). Each line keeps the number people see — the CSV
 * record's line, the row number Excel shows — so that an error names it. An Excel cell
 * becomes the text it stands for: a number without exponent or trailing ".0" (a League
 * number typed as a number stays 12010101), a date cell as 2001-03-05, text as typed
 * (leading zeros kept).
 */
final class ImportTable {

	/** A line of the file: its number as people see it and its cells, trimmed. */
	record Line(int number, List<String> cells) {

		boolean blank() {
			return this.cells.stream().allMatch(String::isEmpty);
		}

	}

	private ImportTable() {
	}

	/** Whether the bytes are a zip container (XLSX) rather than text. */
	static boolean isWorkbook(byte[] bytes) {
		return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
	}

	/** The name errors give the file: {@code members.csv} or {@code members.xlsx}. */
	static String fileName(String name, byte[] bytes) {
		return name + (isWorkbook(bytes) ? ".xlsx" : ".csv");
	}

	/**
	 * The non-blank lines of the file, the header first; empty with an error added when
	 * the file cannot be read.
	 */
	static List<Line> read(String file, byte[] bytes, List<LineError> errors) {
		return isWorkbook(bytes) ? readWorkbook(file, bytes, errors) : readCsv(file, bytes, errors);
	}

	private static List<Line> readCsv(String file, byte[] bytes, List<LineError> errors) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			errors.add(new LineError(file, 1, "文件不是 UTF-8 编码（用 Excel 保存时请选择“CSV UTF-8”，或直接上传 .xlsx 文件）"));
			return List.of();
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<CSVRecord> records;
		try {
			records = CSVFormat.DEFAULT.builder()
				.setTrim(true)
				.setIgnoreEmptyLines(true)
				.get()
				.parse(new StringReader(text))
				.getRecords();
		}
		catch (IOException | RuntimeException ex) {
			errors.add(new LineError(file, 1, "无法解析 CSV：" + ex.getMessage()));
			return List.of();
		}
		List<Line> lines = new ArrayList<>();
		for (CSVRecord record : records) {
			List<String> cells = new ArrayList<>();
			record.forEach((cell) -> cells.add(cell.trim()));
			Line line = new Line((int) record.getRecordNumber(), cells);
			if (!line.blank() || lines.isEmpty()) {
				lines.add(line);
			}
		}
		return lines;
	}

	private static List<Line> readWorkbook(String file, byte[] bytes, List<LineError> errors) {
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
			if (workbook.getNumberOfSheets() == 0) {
				return List.of();
			}
			Sheet sheet = workbook.getSheetAt(0);
			List<Line> lines = new ArrayList<>();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
					cells.add(text(row.getCell(i)));
				}
				Line line = new Line(row.getRowNum() + 1, cells);
				if (!line.blank()) {
					lines.add(line);
				}
			}
			return lines;
		}
		catch (IOException | RuntimeException ex) {
			errors.add(new LineError(file, 1, "无法读取 Excel 文件（应为 .xlsx 工作簿，未加密）"));
			return List.of();
		}
	}

	/** The text a cell stands for. */
	static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		CellType type = (cell.getCellType() == CellType.FORMULA) ? cell.getCachedFormulaResultType()
				: cell.getCellType();
		return switch (type) {
			case STRING -> cell.getStringCellValue().replace('\u00A0', ' ').trim();
			case NUMERIC ->
				DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
						: BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			case BOOLEAN -> cell.getBooleanCellValue() ? "是" : "否";
			default -> "";
		};
	}

}
