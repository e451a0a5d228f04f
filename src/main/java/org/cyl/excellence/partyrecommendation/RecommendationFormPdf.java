package org.cyl.excellence.partyrecommendation;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.cyl.excellence.documents.ChineseText;
import org.cyl.excellence.documents.PdfPages;

import static org.cyl.excellence.documents.PdfPages.LEFT;
import static org.cyl.excellence.documents.PdfPages.MM;
import static org.cyl.excellence.documents.PdfPages.RIGHT;
import static org.cyl.excellence.documents.PdfPages.WIDTH;

/**
 * 推荐表: the paper the committee signs and hands to the Party organisation for one
 * recommended member (A4, Chinese): the member's dates, the branch's 推优大会 and vote, the
 * check, the public notice and the committee's recommendation with its number and
 * validity.
 */
final class RecommendationFormPdf {

	/** What the form shows, one row per line of the table. */
	record Form(String committeeName, String title, List<String[]> rows, String partyOrgName, String issueNo,
			LocalDate recommendedOn) {
	}

	private static final float TITLE = 20;

	private static final float BODY = 12;

	private RecommendationFormPdf() {
	}

	static byte[] render(Form form) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Pages pages = new Pages(document);
			pages.newPage();
			pages.title(form.title());
			pages.table(form.rows());
			pages.closing(form);
			pages.finishPage();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final class Pages extends PdfPages {

		private static final float LABEL = 38 * MM;

		Pages(PDDocument document) throws IOException {
			super(document, PdfPages.MM * 272, 25 * MM, 10, 6 * MM);
		}

		void title(String title) throws IOException {
			float leading = TITLE * 1.6f;
			for (String line : ChineseText.wrap(title, this.bold, TITLE, WIDTH, WIDTH)) {
				keep(leading);
				show(this.bold, TITLE, Color.BLACK, (LEFT + RIGHT - ChineseText.width(this.bold, TITLE, line)) / 2,
						baseline(TITLE, leading), line, 0);
				this.y -= leading;
			}
			this.y -= 4 * MM;
		}

		/** Label and value per row, ruled like a printed form. */
		void table(List<String[]> rows) throws IOException {
			float leading = BODY * 1.6f;
			float pad = 2 * MM;
			rule(Color.BLACK, 0.8f, this.y);
			for (String[] row : rows) {
				List<String> labels = cellLines(row[0], this.bold, BODY, LABEL - 2 * pad);
				List<String> values = cellLines((row[1] == null || row[1].isBlank()) ? "—" : row[1], this.regular, BODY,
						WIDTH - LABEL - 2 * pad);
				int lines = Math.max(labels.size(), values.size());
				float height = lines * leading + 2 * pad;
				keep(height);
				float top = this.y;
				this.y -= pad;
				for (int i = 0; i < lines; i++) {
					float base = baseline(BODY, leading);
					if (i < labels.size()) {
						show(this.bold, BODY, Color.BLACK, LEFT + pad, base, labels.get(i), 0);
					}
					if (i < values.size()) {
						show(this.regular, BODY, Color.BLACK, LEFT + LABEL + pad, base, values.get(i), 0);
					}
					this.y -= leading;
				}
				this.y = top - height;
				this.content.setStrokingColor(Color.BLACK);
				this.content.setLineWidth(0.5f);
				this.content.moveTo(LEFT + LABEL, top);
				this.content.lineTo(LEFT + LABEL, this.y);
				this.content.moveTo(LEFT, top);
				this.content.lineTo(LEFT, this.y);
				this.content.moveTo(RIGHT, top);
				this.content.lineTo(RIGHT, this.y);
				this.content.stroke();
				rule(Color.BLACK, 0.8f, this.y);
			}
			this.y -= 8 * MM;
		}

		void closing(Form form) throws IOException {
			paragraph(this.regular, BODY, BODY * 1.8f, "经团支部推优大会无记名投票、支部委员会考察和公示，" + form.committeeName() + "同意推荐，报"
					+ form.partyOrgName() + "。推荐自出具之日起两年内有效。", 2 * BODY, 0, true);
			this.y -= 12 * MM;
			String[] sign = { form.committeeName() + "（盖章）", "文号：" + form.issueNo(),
					ChineseText.date(form.recommendedOn()) };
			for (String line : sign) {
				keep(BODY * 1.8f);
				show(this.regular, BODY, Color.BLACK, RIGHT - ChineseText.width(this.regular, BODY, line),
						baseline(BODY, BODY * 1.8f), line, 0);
				this.y -= BODY * 1.8f;
			}
		}

	}

}
