package org.cyl.excellence.documents;

import java.awt.Color;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import static org.cyl.excellence.documents.ChineseText.width;
import static org.cyl.excellence.documents.ChineseText.wrap;

/**
 * A Chinese A4 document as its pages fill (the decision, the bulletin): {@code y} is the
 * top of the next line, a line that does not fit above the bottom margin starts a new
 * page, and every page is numbered “— n —” under the text as GB/T 9704 does. The
 * documents add their own header, title and closing.
 */
public class PdfPages {

	public static final float MM = 72 / 25.4f;

	/** The left edge of the text on an A4 page (GB/T 9704: 28 mm). */
	public static final float LEFT = 28 * MM;

	/** The right edge of the text on an A4 page (GB/T 9704: 26 mm from the edge). */
	public static final float RIGHT = PDRectangle.A4.getWidth() - 26 * MM;

	/** The width of the text. */
	public static final float WIDTH = RIGHT - LEFT;

	/** The share of the em above the baseline of an ideograph in Noto Sans SC. */
	public static final float ASCENT = 0.88f;

	protected final PDDocument document;

	public final PDFont regular;

	public final PDFont bold;

	protected final float top;

	protected final float bottom;

	private final float numberSize;

	private final float numberGap;

	protected PDPageContentStream content;

	protected float y;

	private int pageNumber;

	/**
	 * @param numberSize the page number's size, set {@code numberGap} below the text
	 */
	protected PdfPages(PDDocument document, float top, float bottom, float numberSize, float numberGap)
			throws IOException {
		this.document = document;
		this.regular = ChineseText.font(document, ChineseText.REGULAR);
		this.bold = ChineseText.font(document, ChineseText.BOLD);
		this.top = top;
		this.bottom = bottom;
		this.numberSize = numberSize;
		this.numberGap = numberGap;
	}

	public void newPage() throws IOException {
		finishPage();
		PDPage page = new PDPage(PDRectangle.A4);
		this.document.addPage(page);
		this.content = new PDPageContentStream(this.document, page);
		this.pageNumber++;
		this.y = this.top;
	}

	/** Numbers the page and closes it. */
	public void finishPage() throws IOException {
		if (this.content == null) {
			return;
		}
		String number = "— " + this.pageNumber + " —";
		show(this.regular, this.numberSize, Color.BLACK,
				(LEFT + RIGHT - width(this.regular, this.numberSize, number)) / 2,
				this.bottom - this.numberGap - ASCENT * this.numberSize, number, 0);
		this.content.close();
		this.content = null;
	}

	/** A new page unless {@code height} still fits on this one. */
	public void keep(float height) throws IOException {
		if (this.y - height < this.bottom - 0.01f) {
			newPage();
		}
	}

	/**
	 * A paragraph whose first line is indented by {@code firstIndent} and the others by
	 * {@code restIndent}; {@code justify} stretches every line but the last to the full
	 * width, as printed Chinese text is set.
	 */
	protected void paragraph(PDFont font, float size, float leading, String text, float firstIndent, float restIndent,
			boolean justify) throws IOException {
		float width = RIGHT - LEFT;
		List<String> lines = wrap(text, font, size, width - firstIndent, width - restIndent);
		for (int i = 0; i < lines.size(); i++) {
			keep(leading);
			String line = lines.get(i);
			float indent = (i == 0) ? firstIndent : restIndent;
			float spacing = 0;
			int glyphs = line.codePointCount(0, line.length());
			if (justify && i < lines.size() - 1 && glyphs > 1) {
				spacing = (width - indent - width(font, size, line)) / (glyphs - 1);
			}
			show(font, size, Color.BLACK, LEFT + indent, baseline(size, leading), line, spacing);
			this.y -= leading;
		}
	}

	/**
	 * The lines of a table cell {@code width} points wide (padding excluded): none runs
	 * into the next column ({@link ChineseText#wrapWithin}).
	 */
	public static List<String> cellLines(String text, PDFont font, float size, float width) throws IOException {
		return ChineseText.wrapWithin(text, font, size, width);
	}

	/** A rule across the text width at {@code at}. */
	protected void rule(Color color, float lineWidth, float at) throws IOException {
		this.content.setStrokingColor(color);
		this.content.setLineWidth(lineWidth);
		this.content.moveTo(LEFT, at);
		this.content.lineTo(RIGHT, at);
		this.content.stroke();
	}

	/**
	 * The baseline that centres an ideograph of {@code size} in a line of
	 * {@code leading}.
	 */
	protected float baseline(float size, float leading) {
		return this.y - leading / 2 - (ASCENT - 0.5f) * size;
	}

	protected void show(PDFont font, float size, Color color, float x, float baseline, String text,
			float characterSpacing) throws IOException {
		this.content.beginText();
		this.content.setFont(font, size);
		this.content.setNonStrokingColor(color);
		// character spacing is graphics state: it outlives the text object, so always set
		this.content.setCharacterSpacing(characterSpacing);
		this.content.newLineAtOffset(x, baseline);
		this.content.showText(text);
		this.content.endText();
	}

}
