package org.cyl.excellence.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Chinese text in the application's PDFs (the commendation decision, the supervision
 * bulletin): the Noto Sans SC font embedded as a subset, widths, and lines broken as
 * Chinese is set.
 * <p>
 * The font is Noto Sans SC (SIL Open Font License 1.1), taken as TrueType from the Maven
 * artifact {@code com.helger.font:ph-fonts-noto-sans-sc}: PDFBox can subset its TrueType
 * conversions, where the OpenType originals have CFF outlines it cannot embed. Embedding
 * is what makes the text show on every viewer and printer without a Chinese font
 * installed; subsetting keeps a document at some tens of kilobytes although each font
 * file is 10 MB.
 */
public final class ChineseText {

	public static final String REGULAR = "NotoSansSC-Regular.ttf";

	public static final String BOLD = "NotoSansSC-Bold.ttf";

	private static final String FONT_DIRECTORY = "fonts/ttf/NotoSansSC/";

	/** Punctuation that must not begin a line (避头): it hangs at the end of the line. */
	private static final String NO_LINE_START = "，。、；：？！）》」』”’〕】…—·%,.;:?!)";

	/** Punctuation that must not end a line (避尾): it moves to the next line. */
	private static final String NO_LINE_END = "（《「『“‘〔【(";

	private ChineseText() {
	}

	/**
	 * A date as Chinese documents write it: Arabic numerals with 年月日, no leading zeros.
	 */
	public static String date(java.time.LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	/** The font file ({@link #REGULAR} or {@link #BOLD}), to be embedded as a subset. */
	public static PDType0Font font(PDDocument document, String file) throws IOException {
		try (InputStream font = ChineseText.class.getClassLoader().getResourceAsStream(FONT_DIRECTORY + file)) {
			if (font == null) {
				throw new IllegalStateException(
						FONT_DIRECTORY + file + " is missing: it comes with com.helger.font:ph-fonts-noto-sans-sc");
			}
			// the whole file is read here; the subset is cut when the document is saved
			return PDType0Font.load(document, font, true);
		}
	}

	public static float width(PDFont font, float size, String text) throws IOException {
		return font.getStringWidth(text) / 1000 * size;
	}

	/**
	 * Lines of at most {@code firstWidth} (the first) and {@code restWidth} (the others)
	 * points, broken between characters as Chinese is, but never inside a run of Latin
	 * letters or digits, and never before a closing or after an opening punctuation mark.
	 */
	public static List<String> wrap(String text, PDFont font, float size, float firstWidth, float restWidth)
			throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		float lineWidth = 0;
		float available = firstWidth;
		for (String token : tokens(text)) {
			float tokenWidth = width(font, size, token);
			boolean overflows = lineWidth + tokenWidth > available + 0.01f;
			if (line.length() > 0 && overflows && NO_LINE_START.indexOf(token) < 0) {
				String carried = "";
				int last = line.codePointBefore(line.length());
				if (NO_LINE_END.indexOf(last) >= 0 && line.length() > Character.charCount(last)) {
					carried = Character.toString(last);
					line.setLength(line.length() - carried.length());
				}
				lines.add(line.toString());
				line = new StringBuilder(carried);
				lineWidth = width(font, size, carried);
				available = restWidth;
			}
			line.append(token);
			lineWidth += tokenWidth;
		}
		if (line.length() > 0) {
			lines.add(line.toString());
		}
		return lines;
	}

	/**
	 * Lines that never run past {@code width} points, for the cells of a table: broken as
	 * {@link #wrap} breaks them, except that nothing hangs — a closing mark that does not
	 * fit takes the character before it to the next line — and a run of Latin letters or
	 * digits wider than the cell is broken between its characters.
	 */
	public static List<String> wrapWithin(String text, PDFont font, float size, float width) throws IOException {
		List<String> tokens = new ArrayList<>();
		for (String token : tokens(text)) {
			if (token.length() > 1 && width(font, size, token) > width + 0.01f) {
				token.codePoints().forEach((c) -> tokens.add(Character.toString(c)));
			}
			else {
				tokens.add(token);
			}
		}
		List<String> lines = new ArrayList<>();
		List<String> line = new ArrayList<>();
		float lineWidth = 0;
		for (String token : tokens) {
			float tokenWidth = width(font, size, token);
			if (!line.isEmpty() && lineWidth + tokenWidth > width + 0.01f) {
				List<String> next = new ArrayList<>();
				if (NO_LINE_START.contains(token) && line.size() > 1) {
					next.add(line.remove(line.size() - 1));
				}
				while (line.size() > 1 && NO_LINE_END.contains(line.get(line.size() - 1))) {
					next.add(0, line.remove(line.size() - 1));
				}
				lines.add(String.join("", line));
				line = next;
				lineWidth = width(font, size, String.join("", next));
			}
			line.add(token);
			lineWidth += tokenWidth;
		}
		if (!line.isEmpty()) {
			lines.add(String.join("", line));
		}
		return lines;
	}

	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			int end = i;
			while (end < text.length() && isLatinLetterOrDigit(text.charAt(end))) {
				end++;
			}
			if (end == i) {
				end = i + Character.charCount(text.codePointAt(i));
			}
			tokens.add(text.substring(i, end));
			i = end;
		}
		return tokens;
	}

	private static boolean isLatinLetterOrDigit(char c) {
		return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
	}

}
