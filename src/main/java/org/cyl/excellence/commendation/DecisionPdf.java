package org.cyl.excellence.commendation;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
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
 * A commendation decision (表彰决定) as a PDF laid out like a red-headed document (红头文件)
 * after GB/T 9704 (党政机关公文格式): A4, a 156 × 225 mm text area, the issuing committee in red
 * above the document number (文号) and a red rule, the title, the body with the honours
 * grouped by title, and the committee's signature with the date at the right.
 * <p>
 * The font is Noto Sans SC (SIL Open Font License 1.1), taken as TrueType from the Maven
 * artifact {@code com.helger.font:ph-fonts-noto-sans-sc} and embedded as a subset of the
 * glyphs used. Embedding is what makes the text show on every viewer and printer without
 * a Chinese font installed: the standard CID fonts such as STSong-Light (OpenPDF has
 * their CMaps) leave the glyphs to the viewer, and a machine without a Chinese font shows
 * blanks. Subsetting keeps a decision at some tens of kilobytes although each font file
 * is 10 MB (the artifact is 37 MB). That artifact because it has TrueType conversions,
 * which PDFBox can subset, where the OpenType originals have CFF outlines it cannot
 * embed. A sans face stands in for the 小标宋/仿宋 of printed documents: no serif Chinese font
 * was to be found on Maven Central under a compatible licence.
 */
final class DecisionPdf {

	// GB/T 9704: margins of 37 mm (top), 35 mm (bottom), 28 mm (left) and 26 mm (right)
	private static final float TOP = PDRectangle.A4.getHeight() - 37 * MM;

	private static final float BOTTOM = 35 * MM;

	/** 三号, the size of the body text. */
	private static final float BODY = 16;

	/** 22 lines to the text area, as GB/T 9704 asks. */
	private static final float LEADING = (TOP - BOTTOM) / 22;

	/** 二号, the size of the title. */
	private static final float TITLE = 22;

	private static final float HEADER_LARGEST = 40;

	private static final float HEADER_SMALLEST = 26;

	private static final Color RED = new Color(230, 0, 18);

	private static final String DIGITS = "零一二三四五六七八九";

	private static final String CLOSING = "希望受表彰的先进集体和个人珍惜荣誉、戒骄戒躁，再接再厉，充分发挥示范引领作用。"
			+ "各级团组织和广大团员青年要以先进为榜样，坚定理想信念，勇于担当作为，在创先争优中争当先锋、再立新功。";

	private DecisionPdf() {
	}

	/**
	 * The decision as a PDF.
	 * @throws IllegalArgumentException if a text has a character that the font lacks
	 */
	static byte[] render(Decision decision) {
		try (PDDocument document = new PDDocument()) {
			// the two halves are where a title too long for one line breaks (梯形)
			List<String> titleParts = List.of("关于表彰" + decision.campaignTitle(), "先进集体和先进个人的决定");
			String title = String.join("", titleParts);
			PDDocumentInformation information = document.getDocumentInformation();
			information.setTitle(title);
			information.setAuthor(decision.committeeName());
			information.setSubject(decision.decisionNo());
			document.getDocumentCatalog().setLanguage("zh-CN");
			Pages pages = new Pages(document);
			pages.newPage();
			pages.header(decision.committeeName(), decision.decisionNo());
			pages.title(titleParts);
			pages.paragraph(pages.regular, introduction(decision.campaignTitle()), 2 * BODY, 0, true);
			int number = 0;
			for (Map.Entry<String, List<Entry>> honour : byTitle(decision.entries()).entrySet()) {
				number++;
				// a heading keeps at least its first holder with it on the page
				pages.keepTogether(2);
				pages.paragraph(pages.bold, heading(number, honour.getKey(), honour.getValue()), 2 * BODY, 2 * BODY,
						false);
				for (Entry entry : honour.getValue()) {
					pages.paragraph(pages.regular, holder(entry), 2 * BODY, 2 * BODY, false);
				}
			}
			pages.closing(CLOSING, decision.committeeName(), ChineseText.date(decision.decidedOn()));
			pages.finishPage();
			ByteArrayOutputStream pdf = new ByteArrayOutputStream();
			document.save(pdf);
			return pdf.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String introduction(String campaignTitle) {
		return "在" + campaignTitle + "中，涌现出一批先进团组织和优秀共青团员。为表彰先进、树立典型，经团员大会推荐、考核、上级团委审核和公示，决定授予以下组织和个人荣誉称号：";
	}

	/** 一、授予以下组织“先进团组织”称号, or 个人 when the holders are members. */
	private static String heading(int number, String title, List<Entry> holders) {
		boolean members = holders.stream().anyMatch((entry) -> entry.organization() != null);
		return ordinal(number) + "、授予以下" + (members ? "个人" : "组织") + "“" + title + "”称号";
	}

	/** An organisation's name, or a member's name with the organisation: 姓名（组织）. */
	private static String holder(Entry entry) {
		return (entry.organization() != null) ? entry.holderName() + "（" + entry.organization() + "）"
				: entry.holderName();
	}

	private static Map<String, List<Entry>> byTitle(List<Entry> entries) {
		Map<String, List<Entry>> byTitle = new LinkedHashMap<>();
		for (Entry entry : entries) {
			byTitle.computeIfAbsent(entry.title(), (title) -> new ArrayList<>()).add(entry);
		}
		return byTitle;
	}

	/** 一, 二, … 十, 十一, … 九十九: the numbers of the headings. */
	private static String ordinal(int number) {
		if (number < 1 || number > 99) {
			throw new IllegalArgumentException("no heading number for " + number);
		}
		if (number < 10) {
			return String.valueOf(DIGITS.charAt(number));
		}
		int tens = number / 10;
		int ones = number % 10;
		return ((tens > 1) ? String.valueOf(DIGITS.charAt(tens)) : "") + "十"
				+ ((ones > 0) ? String.valueOf(DIGITS.charAt(ones)) : "");
	}

	/**
	 * One line of the decision: title (e.g. 五四红旗团组织, 先进团组织, 优秀共青团员), the holder's name,
	 * and for a member the organisation they belong to (null for an organisation).
	 */
	record Entry(String title, String holderName, String organization) {

		Entry {
			Objects.requireNonNull(title, "title");
			Objects.requireNonNull(holderName, "holderName");
		}

	}

	/**
	 * committeeName e.g. 共青团南江大学委员会; decisionNo (文号) e.g. 南大团字〔2026〕12号; campaignTitle;
	 * decidedOn; entries grouped by title in the order given.
	 */
	record Decision(String committeeName, String decisionNo, LocalDate decidedOn, String campaignTitle,
			List<Entry> entries) {

		Decision {
			Objects.requireNonNull(committeeName, "committeeName");
			Objects.requireNonNull(decisionNo, "decisionNo");
			Objects.requireNonNull(decidedOn, "decidedOn");
			Objects.requireNonNull(campaignTitle, "campaignTitle");
			entries = List.copyOf(entries);
		}

	}

	/**
	 * The decision's pages: GB/T 9704's text area and page numbers (4号, 7 mm below the
	 * text).
	 */
	private static final class Pages extends PdfPages {

		Pages(PDDocument document) throws IOException {
			super(document, TOP, BOTTOM, 14, 7 * MM);
		}

		void keepTogether(int lines) throws IOException {
			keep(lines * LEADING);
		}

		void paragraph(PDFont font, String text, float firstIndent, float restIndent, boolean justify)
				throws IOException {
			paragraph(font, BODY, LEADING, text, firstIndent, restIndent, justify);
		}

		/**
		 * The committee in red, as large as fits up to 40 pt (narrowed rather than made
		 * smaller than 26 pt), 35 mm into the text area; two lines lower the document
		 * number, and 4 mm under it the red rule.
		 */
		void header(String committee, String decisionNo) throws IOException {
			float fullWidth = width(this.bold, 1, committee);
			float size = Math.max(HEADER_SMALLEST, Math.min(HEADER_LARGEST, WIDTH / fullWidth));
			float scale = Math.min(1, WIDTH / (fullWidth * size));
			float baseline = TOP - 35 * MM - ASCENT * size;
			this.content.setHorizontalScaling(scale * 100);
			show(this.bold, size, RED, (LEFT + RIGHT - fullWidth * size * scale) / 2, baseline, committee, 0);
			this.content.setHorizontalScaling(100);
			this.y = baseline - (1 - ASCENT) * size - 2 * LEADING;
			float numberBaseline = baseline(BODY, LEADING);
			show(this.regular, BODY, Color.BLACK, (LEFT + RIGHT - width(this.regular, BODY, decisionNo)) / 2,
					numberBaseline, decisionNo, 0);
			float rule = numberBaseline - (1 - ASCENT) * BODY - 4 * MM;
			rule(RED, 1.5f, rule);
			this.y = rule - 2 * LEADING;
		}

		/**
		 * Two lines under the rule, centred, then a blank line: on one line if it fits,
		 * else broken between its parts, and within a part too long for a line where it
		 * is full.
		 */
		void title(List<String> parts) throws IOException {
			String title = String.join("", parts);
			List<String> lines = List.of(title);
			if (width(this.bold, TITLE, title) > WIDTH) {
				lines = new ArrayList<>();
				for (String part : parts) {
					lines.addAll(wrap(part, this.bold, TITLE, WIDTH, WIDTH));
				}
			}
			float leading = TITLE * 1.5f;
			for (String line : lines) {
				keepTogether(1);
				show(this.bold, TITLE, Color.BLACK, (LEFT + RIGHT - width(this.bold, TITLE, line)) / 2,
						baseline(TITLE, leading), line, 0);
				this.y -= leading;
			}
			this.y -= LEADING;
		}

		/**
		 * The closing paragraph, and a blank line under it the committee two characters
		 * from the right margin with the date on the next line two characters further
		 * right (the committee moving left if the date is the longer): kept on one page,
		 * so that the signature never stands on a page of its own.
		 */
		void closing(String text, String committee, String date) throws IOException {
			int lines = wrap(text, this.regular, BODY, WIDTH - 2 * BODY, WIDTH).size();
			keepTogether(lines + 3);
			paragraph(this.regular, text, 2 * BODY, 0, true);
			this.y -= LEADING;
			float committeeWidth = width(this.regular, BODY, committee);
			float dateWidth = width(this.regular, BODY, date);
			float committeeX = RIGHT - 2 * BODY - committeeWidth;
			float dateX = committeeX + 2 * BODY;
			if (dateX + dateWidth > RIGHT - 2 * BODY) {
				dateX = RIGHT - 2 * BODY - dateWidth;
				committeeX = dateX - 2 * BODY;
			}
			show(this.regular, BODY, Color.BLACK, committeeX, baseline(BODY, LEADING), committee, 0);
			this.y -= LEADING;
			show(this.regular, BODY, Color.BLACK, dateX, baseline(BODY, LEADING), date, 0);
			this.y -= LEADING;
		}

	}

}
