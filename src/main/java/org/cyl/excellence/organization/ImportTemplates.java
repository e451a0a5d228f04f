package org.cyl.excellence.organization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cyl.excellence.organization.ImportColumns.Column;
import org.cyl.excellence.organization.ImportColumns.ExampleDate;

/**
 * The import templates cadres download (organisation API and the import page): per file
 * an XLSX workbook — the Chinese column labels, one example row, text columns formatted
 * as text (a League number keeps its leading zeros), date columns as dates, and a second
 * sheet 说明 explaining each column — and the same as CSV (UTF-8 with a byte order mark, so
 * that Excel opens it right). Both import as they are.
 */
final class ImportTemplates {

	static final String EXPLANATION_SHEET = "说明";

	private ImportTemplates() {
	}

	static byte[] xlsx(String file) {
		List<Column> columns = ImportColumns.BY_FILE.get(file);
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle header = workbook.createCellStyle();
			header.cloneStyleFrom(text);
			header.setFont(bold);
			CellStyle wrap = workbook.createCellStyle();
			wrap.cloneStyleFrom(text);
			wrap.setWrapText(true);

			Sheet sheet = workbook.createSheet(ImportColumns.TITLES.get(file));
			Row head = sheet.createRow(0);
			Row example = sheet.createRow(1);
			for (int i = 0; i < columns.size(); i++) {
				Column column = columns.get(i);
				boolean isDate = column.example() instanceof ExampleDate;
				sheet.setDefaultColumnStyle(i, isDate ? date : text);
				sheet.setColumnWidth(i, 18 * 256);
				textCell(head, i, column.label(), header);
				if (column.example() instanceof ExampleDate d) {
					Cell cell = example.createCell(i);
					cell.setCellValue(d.date());
					cell.setCellStyle(date);
				}
				else if (!column.example().toString().isEmpty()) {
					textCell(example, i, column.example().toString(), text);
				}
			}
			sheet.createFreezePane(0, 1);

			Sheet help = workbook.createSheet(EXPLANATION_SHEET);
			String[] titles = { "列名", "英文列名（也可用作列名）", "是否必须有此列", "填写说明", "示例" };
			Row helpHead = help.createRow(0);
			for (int i = 0; i < titles.length; i++) {
				textCell(helpHead, i, titles[i], header);
			}
			int r = 1;
			for (Column column : columns) {
				Row row = help.createRow(r++);
				textCell(row, 0, column.label(), text);
				textCell(row, 1, column.key(), text);
				textCell(row, 2, column.required() ? "是" : "否（可省略此列）", text);
				textCell(row, 3, column.explanation(), wrap);
				textCell(row, 4, column.example().toString(), text);
			}
			r++;
			for (String note : NOTES) {
				textCell(help.createRow(r++), 0, note, text);
			}
			int[] widths = { 16, 24, 18, 70, 24 };
			for (int i = 0; i < widths.length; i++) {
				help.setColumnWidth(i, widths[i] * 256);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] csv(String file) {
		List<Column> columns = ImportColumns.BY_FILE.get(file);
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			printer.printRecord(columns.stream().map(Column::label).toList());
			printer.printRecord(columns.stream().map((c) -> c.example().toString()).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The file's download name, e.g. 团员导入模板.xlsx. */
	static String fileName(String file, String extension) {
		return ImportColumns.TITLES.get(file) + "导入模板." + extension;
	}

	private static final List<String> NOTES = List.of("填写方法：第一页第一行是列名（中文列名或英文列名均可），从第二行起每行一条；第二行是示例，导入前请改为实际数据或删除。",
			"组织、团员、角色三个文件可以一起上传，也可以只传其中一个；可以上传 Excel（.xlsx）或 CSV（UTF-8）文件。",
			"全部检查无误才会导入；任何一行有错，整批都不导入，并逐行列出错误（行号即 Excel 左侧的行号）。", "重复导入同一文件不会产生重复数据：组织按组织代码、团员按团员编号、角色按账号+组织+角色更新。");

	private static void textCell(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column, CellType.STRING);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

}
