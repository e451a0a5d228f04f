package org.cyl.excellence.dutyreport;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.cyl.excellence.documents.PdfPages;

import static org.cyl.excellence.documents.ChineseText.width;
import static org.cyl.excellence.documents.ChineseText.wrap;
import static org.cyl.excellence.documents.PdfPages.LEFT;
import static org.cyl.excellence.documents.PdfPages.MM;
import static org.cyl.excellence.documents.PdfPages.RIGHT;
import static org.cyl.excellence.documents.PdfPages.WIDTH;

/**
 * One secretary's 述学述职报告 as a PDF to sign: the title, the organisation and year, the
 * report, the committee's comment, the members' appraisal (counts only) and the lines for
 * the secretary's signature and the committee's seal.
 */
final class DutyReportPdf {

	private static final float TOP = PDRectangle.A4.getHeight() - 37 * MM;

	private static final float BOTTOM = 35 * MM;

	private static final float BODY = 14;

	private static final float LEADING = 25;

	private static final float TITLE = 20;

	private DutyReportPdf() {
	}

	static byte[] render(DutyReports.Row row) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
			String title = row.year() + "年度团组织书记述学述职报告";
			PDDocumentInformation information = document.getDocumentInformation();
			information.setTitle(row.orgName() + title);
			document.getDocumentCatalog().setLanguage("zh-CN");
			Pages pages = new Pages(document);
			pages.newPage();
			pages.title(title);
			pages.line("述职组织：" + row.orgName());
			pages.line("述职人：" + ((row.secretary() != null) ? row.secretary() : "（未提交）"));
			pages.heading("一、述学述职报告");
			for (String paragraph : ((row.reportText() != null) ? row.reportText() : "（未提交）").split("\\R+")) {
				pages.text(paragraph);
			}
			pages.heading("二、上级团组织点评");
			pages.text((row.comment() != null) ? row.comment() : "（尚未点评）");
			pages.heading("三、团员评议（背靠背）");
			pages.text((row.cast() == null) ? "评议尚未结束。"
					: "发放评议票 " + row.issued() + " 张，收回 " + row.cast() + " 张；好 " + row.good() + " 票，中 " + row.fair()
							+ " 票，差 " + row.poor() + " 票。评议结果：" + ((row.rating() != null) ? row.rating() : "—") + "。");
			pages.signatures();
			pages.finishPage();
			document.save(pdf);
			return pdf.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final class Pages extends PdfPages {

		Pages(PDDocument document) throws IOException {
			super(document, TOP, BOTTOM, 12, 8 * MM);
		}

		void title(String title) throws IOException {
			float leading = TITLE * 1.5f;
			for (String line : wrap(title, this.bold, TITLE, WIDTH, WIDTH)) {
				keep(leading);
				show(this.bold, TITLE, Color.BLACK, (LEFT + RIGHT - width(this.bold, TITLE, line)) / 2,
						baseline(TITLE, leading), line, 0);
				this.y -= leading;
			}
			this.y -= LEADING / 2;
		}

		void line(String text) throws IOException {
			paragraph(this.regular, BODY, LEADING, text, 0, 0, false);
		}

		void heading(String text) throws IOException {
			keep(2 * LEADING);
			this.y -= LEADING / 2;
			show(this.bold, BODY, Color.BLACK, LEFT, baseline(BODY, LEADING), text, 0);
			this.y -= LEADING;
		}

		void text(String text) throws IOException {
			paragraph(this.regular, BODY, LEADING, text.strip(), 2 * BODY, 0, true);
		}

		void signatures() throws IOException {
			keep(4 * LEADING);
			this.y -= LEADING;
			line("述职人（签字）：____________　　日期：________");
			this.y -= LEADING / 2;
			line("上级团组织（盖章）：____________　　日期：________");
		}

	}

}
