package org.cyl.excellence.supervision;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.cyl.excellence.supervision.Bulletin.BranchRow;
import org.cyl.excellence.supervision.Bulletin.CampaignState;
import org.cyl.excellence.supervision.Bulletin.Criticism;
import org.cyl.excellence.supervision.Bulletin.Group;
import org.cyl.excellence.supervision.Bulletin.Notice;
import org.cyl.excellence.supervision.Bulletin.Overview;
import org.cyl.excellence.supervision.Bulletin.Praise;
import org.cyl.excellence.supervision.Bulletin.RunningCampaign;
import org.cyl.excellence.documents.ChineseText;
import org.cyl.excellence.documents.PdfPages;

import static org.cyl.excellence.documents.ChineseText.width;
import static org.cyl.excellence.documents.PdfPages.ASCENT;
import static org.cyl.excellence.documents.PdfPages.LEFT;
import static org.cyl.excellence.documents.PdfPages.MM;
import static org.cyl.excellence.documents.PdfPages.RIGHT;
import static org.cyl.excellence.documents.PdfPages.WIDTH;
import static org.cyl.excellence.documents.ChineseText.wrap;

/**
 * The supervision bulletin (督查通报) as an A4 PDF laid out like a 简报-style notice: 督查通报 in
 * red, the issuing committee and the date above a red rule, the title, the body in
 * numbered sections (总体情况, 各团支部推进情况 as a table grouped by 团总支, 通报批评, 表扬), and the
 * committee's signature with the date. Margins as GB/T 9704, the Noto Sans SC font
 * embedded as a subset as in the commendation decision
 * ({@link org.cyl.excellence.documents.ChineseText}).
 */
final class BulletinPdf {

	private static final float TOP = PDRectangle.A4.getHeight() - 30 * MM;

	private static final float BOTTOM = 30 * MM;

	/** 四号, the size of the body text. */
	private static final float BODY = 14;

	private static final float LEADING = BODY * 1.75f;

	/** 小二, the size of the title. */
	private static final float TITLE = 18;

	/** 五号, the size of the tables. */
	static final float TABLE = 10.5f;

	private static final float CELL_LEADING = TABLE * 1.45f;

	static final float PADDING = 3;

	private static final Color RED = new Color(230, 0, 18);

	private static final Color SHADE = new Color(0xf3, 0xe6, 0xe6);

	private static final String[] HEADINGS = { "一", "二", "三", "四", "五" };

	/** The columns of the branch table, their share of the width. */
	static final String[] COLUMNS = { "团支部", "当前阶段", "承诺签订", "本期逾期", "仍逾期", "催办", "限期整改", "群众评议" };

	static final float[] SHARES = { 0.2f, 0.18f, 0.115f, 0.115f, 0.09f, 0.07f, 0.115f, 0.115f };

	private BulletinPdf() {
	}

	static byte[] render(Notice notice) {
		try (PDDocument document = new PDDocument()) {
			PDDocumentInformation information = document.getDocumentInformation();
			information.setTitle(notice.title());
			information.setAuthor(notice.committee());
			document.getDocumentCatalog().setLanguage("zh-CN");
			Pages pages = new Pages(document);
			pages.newPage();
			pages.header(notice.committee(), ChineseText.date(notice.issuedOn()));
			pages.title(notice.title());
			pages.paragraph(pages.regular, "各团总支、团支部：", 0, false);
			pages.paragraph(pages.regular,
					"根据督查通报制度，现将" + notice.period() + notice.committee() + "所属团组织创先争优活动推进情况通报如下。", 2 * BODY, true);
			int section = 0;
			pages.heading(HEADINGS[section++] + "、总体情况");
			pages.paragraph(pages.regular, overview(notice), 2 * BODY, true);
			if (!notice.duties().isEmpty()) {
				pages.paragraph(pages.regular, "常态工作："
						+ notice.duties().stream().map(StandingDuties.Duty::sentence).collect(Collectors.joining("；"))
						+ "。", 2 * BODY, true);
			}
			pages.heading(HEADINGS[section++] + "、各团支部推进情况");
			if (notice.groups().isEmpty()) {
				pages.paragraph(pages.regular, "所属无团支部。", 2 * BODY, false);
			}
			else {
				pages.table(notice.groups());
				pages.note("注：本期逾期指通报期间超过办理期限的任务数，仍逾期指截至通报日仍未办理的逾期任务数；限期整改指通报期间领导点评责令整改的次数。");
			}
			pages.heading(HEADINGS[section++] + "、通报批评");
			if (notice.criticisms().isEmpty()) {
				pages.paragraph(pages.regular, "本期无被通报批评的团组织。", 2 * BODY, false);
			}
			else {
				pages.paragraph(pages.regular, "经督查，以下团组织工作推进不力，予以通报批评：", 2 * BODY, true);
				int n = 0;
				for (Criticism c : notice.criticisms()) {
					pages.paragraph(pages.regular, ++n + ". " + criticism(c), 2 * BODY, true);
				}
				pages.paragraph(pages.regular, "被通报批评的团组织要认真查找问题，按期整改到位，并将整改情况报" + notice.committee() + "。", 2 * BODY,
						true);
			}
			pages.heading(HEADINGS[section++] + "、表扬");
			if (notice.praises().isEmpty()) {
				pages.paragraph(pages.regular, "本期无受表扬的团组织。", 2 * BODY, false);
			}
			else {
				pages.paragraph(pages.regular, "以下团组织工作扎实、成效明显，予以表扬：", 2 * BODY, true);
				int n = 0;
				for (Praise p : notice.praises()) {
					pages.paragraph(
							pages.regular, ++n + ". " + p.organization()
									+ (p.parent().isEmpty() ? "" : "（" + p.parent() + "）") + "：" + p.reason() + "。",
							2 * BODY, true);
				}
			}
			pages.closing("希望各级团组织对照本通报查找差距、补齐短板，对逾期事项抓紧办理，确保创先争优活动各阶段工作按期推进、取得实效。", notice.committee(),
					ChineseText.date(notice.issuedOn()));
			pages.finishPage();
			ByteArrayOutputStream pdf = new ByteArrayOutputStream();
			document.save(pdf);
			return pdf.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String overview(Notice notice) {
		Overview o = notice.overview();
		// one campaign: its stages right after the branches; several: each campaign
		// apart,
		// so that no sentence adds up branches of different campaigns
		List<RunningCampaign> running = notice.campaigns();
		String perCampaign = (running.size() == 1)
				? ((running.get(0).branches() == o.branches()) ? "" : "，参加活动的" + running.get(0).branches() + "个")
						+ stages(running.get(0).stages())
				: (running.isEmpty() ? ""
						: "。其中，" + running.stream()
							.map((c) -> "“" + c.title() + "”参加团支部" + c.branches() + "个" + stages(c.stages()))
							.collect(Collectors.joining("；")));
		return "截至" + ChineseText.date(notice.issuedOn()) + "，正在开展的创先争优活动" + o.campaignsRunning() + "项，所属团支部"
				+ o.branches() + "个" + perCampaign + "。通报期间新增逾期任务" + o.overdueInPeriod() + "项，目前仍逾期未办" + o.overdueNow()
				+ "项；催办" + o.urges() + "次；领导点评责令限期整改" + o.rectifyOrders() + "次；完成群众评议" + o.appraisalsClosed()
				+ "个；通报批评团组织" + o.criticised() + "个，表扬" + o.praised() + "个。";
	}

	/** （动员部署3个，…）: the stages some branches are at, in their order. */
	static String stages(Map<String, Integer> counts) {
		String stages = counts.entrySet()
			.stream()
			.filter((e) -> e.getValue() > 0)
			.map((e) -> e.getKey() + e.getValue() + "个")
			.collect(Collectors.joining("，"));
		return stages.isEmpty() ? "" : "（" + stages + "）";
	}

	static String criticism(Criticism c) {
		return c.organization() + (c.parent().isEmpty() ? "" : "（" + c.parent() + "）") + "：" + c.reason()
				+ ((c.deadline() != null) ? "，整改期限" + ChineseText.date(c.deadline()) : "") + "。";
	}

	/** The cells of a branch's row. */
	static String[] cells(BranchRow row) {
		boolean several = row.campaigns().size() > 1;
		String stage = row.campaigns().isEmpty() ? "未参加"
				: row.campaigns()
					.stream()
					.map((c) -> (several ? c.campaignTitle() + "：" : "") + c.stage())
					.collect(Collectors.joining("；"));
		String pledges = row.campaigns().isEmpty() ? "—"
				: row.campaigns().stream().map(BulletinPdf::pledges).collect(Collectors.joining("；"));
		return new String[] { row.name(), stage, pledges, String.valueOf(row.overdueInPeriod()),
				String.valueOf(row.overdueNow()), String.valueOf(row.urges()), String.valueOf(row.rectifyOrders()),
				(row.appraisalGrade() != null) ? row.appraisalGrade() : "—" };
	}

	static String pledges(CampaignState c) {
		return (c.round() == null) ? "未开始" : c.signed() + "/" + c.members();
	}

	/** The pages as they fill: {@code y} is the top of the next line. */
	private static final class Pages extends PdfPages {

		Pages(PDDocument document) throws IOException {
			super(document, TOP, BOTTOM, 12, 8 * MM);
		}

		/**
		 * 督查通报 in red, the committee at the left and the date at the right under it, and
		 * a red rule.
		 */
		void header(String committee, String date) throws IOException {
			String name = "督 查 通 报";
			float size = 36;
			float baseline = this.y - ASCENT * size;
			show(this.bold, size, RED, (LEFT + RIGHT - width(this.bold, size, name)) / 2, baseline, name, 0);
			this.y = baseline - (1 - ASCENT) * size - 10 * MM;
			float line = this.y - ASCENT * BODY;
			show(this.regular, BODY, Color.BLACK, LEFT, line, committee, 0);
			show(this.regular, BODY, Color.BLACK, RIGHT - width(this.regular, BODY, date), line, date, 0);
			float rule = line - (1 - ASCENT) * BODY - 3 * MM;
			rule(RED, 1.5f, rule);
			this.y = rule - 8 * MM;
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

		/** A section's heading, kept with the first line of what follows. */
		void heading(String text) throws IOException {
			keep(2 * LEADING);
			show(this.bold, BODY, Color.BLACK, LEFT + 2 * BODY, baseline(BODY, LEADING), text, 0);
			this.y -= LEADING;
		}

		void paragraph(PDFont font, String text, float indent, boolean justify) throws IOException {
			paragraph(font, BODY, LEADING, text, indent, 0, justify);
		}

		void note(String text) throws IOException {
			for (String line : wrap(text, this.regular, TABLE, WIDTH, WIDTH)) {
				keep(CELL_LEADING);
				show(this.regular, TABLE, Color.DARK_GRAY, LEFT, baseline(TABLE, CELL_LEADING), line, 0);
				this.y -= CELL_LEADING;
			}
			this.y -= LEADING / 3;
		}

		/**
		 * The branches as a ruled table, a shaded row with each 团总支's name above its
		 * branches; the column heads repeat on every page the table runs onto.
		 */
		void table(List<Group> groups) throws IOException {
			float[] widths = new float[COLUMNS.length];
			for (int i = 0; i < widths.length; i++) {
				widths[i] = SHARES[i] * WIDTH;
			}
			keep(rowHeight(COLUMNS, widths, this.bold) * 3);
			row(COLUMNS, widths, this.bold, SHADE, true);
			for (Group group : groups) {
				String[] span = { group.name() + "（" + group.branches().size() + "个团支部）" };
				float[] full = { WIDTH };
				if (this.y - rowHeight(span, full, this.bold) * 2 < BOTTOM) {
					newPage();
					row(COLUMNS, widths, this.bold, SHADE, true);
				}
				row(span, full, this.bold, null, false);
				for (BranchRow branch : group.branches()) {
					String[] cells = cells(branch);
					if (this.y - rowHeight(cells, widths, this.regular) < BOTTOM) {
						newPage();
						row(COLUMNS, widths, this.bold, SHADE, true);
					}
					row(cells, widths, this.regular, branch.criticised() ? new Color(0xfb, 0xee, 0xee) : null, true);
				}
			}
			this.y -= PADDING;
		}

		private float rowHeight(String[] cells, float[] widths, PDFont font) throws IOException {
			int lines = 1;
			for (int i = 0; i < cells.length; i++) {
				lines = Math.max(lines, cellLines(cells[i], font, TABLE, widths[i] - 2 * PADDING).size());
			}
			return lines * CELL_LEADING + 2 * PADDING;
		}

		/** One row, its cells' lines wrapped, centred unless {@code centred} is false. */
		private void row(String[] cells, float[] widths, PDFont font, Color fill, boolean centred) throws IOException {
			float height = rowHeight(cells, widths, font);
			float top = this.y;
			if (fill != null) {
				this.content.setNonStrokingColor(fill);
				this.content.addRect(LEFT, top - height, WIDTH, height);
				this.content.fill();
			}
			float x = LEFT;
			for (int i = 0; i < cells.length; i++) {
				float inner = widths[i] - 2 * PADDING;
				float lineY = top - PADDING;
				for (String line : cellLines(cells[i], font, TABLE, inner)) {
					float lineX = (centred && i > 0) ? x + (widths[i] - width(font, TABLE, line)) / 2 : x + PADDING;
					show(font, TABLE, Color.BLACK, lineX, lineY - CELL_LEADING / 2 - (ASCENT - 0.5f) * TABLE, line, 0);
					lineY -= CELL_LEADING;
				}
				x += widths[i];
			}
			// the rules after the text: a path may not be interrupted by text
			this.content.setStrokingColor(Color.BLACK);
			this.content.setLineWidth(0.5f);
			this.content.addRect(LEFT, top - height, WIDTH, height);
			x = LEFT;
			for (int i = 0; i < cells.length - 1; i++) {
				x += widths[i];
				this.content.moveTo(x, top);
				this.content.lineTo(x, top - height);
			}
			this.content.stroke();
			this.y = top - height;
		}

		/**
		 * The closing paragraph, and a blank line under it the committee and the date at
		 * the right, kept on one page.
		 */
		void closing(String text, String committee, String date) throws IOException {
			int lines = wrap(text, this.regular, BODY, WIDTH - 2 * BODY, WIDTH).size();
			keep((lines + 4) * LEADING);
			paragraph(this.regular, text, 2 * BODY, true);
			this.y -= LEADING;
			float committeeWidth = width(this.regular, BODY, committee);
			float dateWidth = width(this.regular, BODY, date);
			float right = RIGHT - 2 * BODY;
			float column = Math.max(committeeWidth, dateWidth);
			show(this.regular, BODY, Color.BLACK, right - column + (column - committeeWidth) / 2,
					baseline(BODY, LEADING), committee, 0);
			this.y -= LEADING;
			show(this.regular, BODY, Color.BLACK, right - column + (column - dateWidth) / 2, baseline(BODY, LEADING),
					date, 0);
			this.y -= LEADING;
		}

	}

}
