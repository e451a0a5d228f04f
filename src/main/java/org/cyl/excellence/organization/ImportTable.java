package org.cyl.excellence.organization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.cyl.excellence.organization.ImportRejectedException.LineError;

/**
 * One uploaded import file as lines of text cells, streamed, whatever its kind: CSV in
 * UTF-8, or an Excel workbook (its first sheet). Each line keeps the number people see —
 * the CSV record's line, the row number Excel shows — so that an error names it. An Excel
 * cell becomes the text it stands for: a number without exponent or trailing ".0" (a
 * League number typed as a number stays 12010101), a date cell as 2001-03-05, text as
 * typed (leading zeros kept).
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

	/** The largest Excel workbook read (compressed): see {@link #readWorkbook}. */
	static final long MAX_WORKBOOK_BYTES = 10L * 1024 * 1024;

	/** Whether the file is a zip container (XLSX) rather than text. */
	static boolean isWorkbook(ImportSource source) throws IOException {
		try (InputStream in = source.open()) {
			byte[] head = in.readNBytes(4);
			return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
		}
	}

	/** The name errors give the file: {@code members.csv} or {@code members.xlsx}. */
	static String fileName(String name, boolean workbook) {
		return name + (workbook ? ".xlsx" : ".csv");
	}

	/**
	 * Gives each non-blank line of the file to {@code each}, the header first, as it is
	 * read: nothing but the line at hand is held. When the file cannot be read, an error
	 * is added and the lines after the unreadable place are not given; an exception of
	 * {@code each} is its own, not the file's.
	 */
	static void read(String file, ImportSource source, boolean workbook, Consumer<Line> each,
			Consumer<LineError> errors) throws IOException {
		if (workbook) {
			readWorkbook(file, source, each, errors);
		}
		else {
			readCsv(file, source, each, errors);
		}
	}

	/**
	 * The CSV's records, decoded as UTF-8: bytes that are not UTF-8 become U+FFFD, and
	 * the first record holding one is named as where the file stops being UTF-8 (a
	 * decoder's error would come a buffer ahead of the line).
	 */
	private static void readCsv(String file, ImportSource source, Consumer<Line> each, Consumer<LineError> errors)
			throws IOException {
		try (InputStream in = source.open();
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8),
						1 << 16)) {
			reader.mark(1);
			if (reader.read() != '\uFEFF') {
				reader.reset();
			}
			CSVParser parser = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get().parse(reader);
			Iterator<CSVRecord> records = parser.iterator();
			boolean header = true;
			while (true) {
				CSVRecord record;
				try {
					if (!records.hasNext()) {
						return;
					}
					record = records.next();
				}
				catch (UncheckedIOException | IllegalStateException ex) {
					errors.accept(new LineError(file, (int) parser.getCurrentLineNumber() + 1,
							"无法解析 CSV：" + ex.getMessage()));
					return;
				}
				List<String> cells = new ArrayList<>(record.size());
				for (String cell : record) {
					if (cell.indexOf('\uFFFD') >= 0) {
						errors.accept(notUtf8(file, (int) record.getRecordNumber()));
						return;
					}
					cells.add(cell.trim());
				}
				Line line = new Line((int) record.getRecordNumber(), cells);
				if (!line.blank() || header) {
					header = false;
					each.accept(line);
				}
			}
		}
	}

	private static LineError notUtf8(String file, int line) {
		return new LineError(file, line, "文件不是 UTF-8 编码（用 Excel 保存时请选择“CSV UTF-8”，或直接上传 .xlsx 文件）");
	}

	/**
	 * The first sheet, streamed (POI's event model): rows are given as the sheet's XML is
	 * parsed, only the workbook's shared strings are held. A workbook over
	 * {@link #MAX_WORKBOOK_BYTES} is refused: its shared strings alone (every name and
	 * League number typed as text) would take hundreds of megabytes; CSV has no limit.
	 */
	private static void readWorkbook(String file, ImportSource source, Consumer<Line> each, Consumer<LineError> errors)
			throws IOException {
		if (source.size() > MAX_WORKBOOK_BYTES) {
			errors.accept(new LineError(file, 1, "Excel 文件超过 " + MAX_WORKBOOK_BYTES / 1024 / 1024
					+ " MB（约 20 万行）：较大的名册请在 Excel 中另存为“CSV UTF-8”后上传，CSV 不限行数"));
			return;
		}
		Path copy = Files.createTempFile("import", ".xlsx");
		try {
			try (InputStream in = source.open()) {
				Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
			}
			try (OPCPackage workbook = OPCPackage.open(copy.toFile(), PackageAccess.READ)) {
				XSSFReader reader = new XSSFReader(workbook);
				ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
				XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
				if (!sheets.hasNext()) {
					return;
				}
				try (InputStream sheet = sheets.next()) {
					XMLReader parser = XMLHelper.newXMLReader();
					parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
							new Rows(each), new CellText(), false));
					parser.parse(new InputSource(sheet));
				}
			}
			catch (LineFailed ex) {
				throw ex.getCause();
			}
			catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
					| RuntimeException ex) {
				errors.accept(new LineError(file, 1, "无法读取 Excel 文件（应为 .xlsx 工作簿，未加密）"));
			}
		}
		finally {
			Files.deleteIfExists(copy);
		}
	}

	/** A sheet's cells collected into lines, each given on as its row ends. */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final Consumer<Line> each;

		private final List<String> cells = new ArrayList<>();

		Rows(Consumer<Line> each) {
			this.each = each;
		}

		@Override
		public void startRow(int rowNum) {
			this.cells.clear();
		}

		@Override
		public void endRow(int rowNum) {
			Line line = new Line(rowNum + 1, List.copyOf(this.cells));
			if (!line.blank()) {
				try {
					this.each.accept(line);
				}
				catch (RuntimeException ex) {
					throw new LineFailed(ex);
				}
			}
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = (reference != null) ? new CellReference(reference).getCol() : this.cells.size();
			while (this.cells.size() < column) {
				this.cells.add("");
			}
			String text = (value != null) ? value.replace('\u00A0', ' ').trim() : "";
			if (column < this.cells.size()) {
				this.cells.set(column, text);
			}
			else {
				this.cells.add(text);
			}
		}

	}

	/** What the import did with a line failed: not the workbook's fault. */
	private static final class LineFailed extends RuntimeException {

		LineFailed(RuntimeException cause) {
			super(cause);
		}

		@Override
		public synchronized RuntimeException getCause() {
			return (RuntimeException) super.getCause();
		}

	}

	/**
	 * A numeric cell's text: a date cell as 2001-03-05, a number without exponent or
	 * trailing ".0" (a League number typed as a number stays 12010101). Text is given as
	 * typed; a boolean cell as TRUE/FALSE, which 是否团干部 reads.
	 */
	private static final class CellText extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
			}
			return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}

	}

}
