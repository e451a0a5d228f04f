package org.cyl.excellence.branch;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.cyl.excellence.documents.PdfPages;

import static org.cyl.excellence.documents.ChineseText.width;
import static org.cyl.excellence.documents.ChineseText.wrap;

/**
 * 公开承诺 as an A4 poster for the branch's wall: the heading, the branch and campaign, a QR
 * code of the public page (the youth scan it to read 践诺, 评诺 and the reviews, and to
 * suggest), then what was approved and published — the organisation pledge per item and
 * the members' pledges (names or counts, as the campaign decided).
 */
final class PledgePoster {

	private static final Color RED = new Color(200, 22, 29);

	private static final float BODY = 11;

	private static final float SMALL = 9;

	private static final float QR = 42 * PdfPages.MM;

	private PledgePoster() {
	}

	static byte[] render(PublicPledges.Page page, String publicUrl) {
		try (PDDocument document = new PDDocument()) {
			Pages pages = new Pages(document);
			pages.newPage();
			pages.header(page, publicUrl, qr(document, publicUrl));
			if (page.rounds().isEmpty()) {
				pages.text(pages.regular, BODY, "本支部的承诺尚未审核通过，审核通过后在此公开。", 0);
			}
			for (PublicPledges.Round round : page.rounds()) {
				pages.heading("第" + round.number() + "轮承诺：" + round.theme() + "（至 " + round.endDate() + "）");
				for (PublicPledges.ItemPledge item : round.organizationPledge()) {
					pages.text(pages.bold, BODY, "【" + item.item() + "】" + item.commitment(), 0);
					if (item.measures() != null) {
						pages.text(pages.regular, SMALL, "落实措施：" + item.measures(), 2 * BODY);
					}
				}
				PublicPledges.Counts c = round.counts();
				pages.text(pages.bold, BODY,
						"团员个人承诺：" + c.signed() + " / " + c.members() + " 人已签订（团干部 " + c.cadres() + " 人按更高标准承诺）", 0);
				for (PublicPledges.MemberLine m : round.members()) {
					StringBuilder line = new StringBuilder(m.name());
					if (m.cadre()) {
						line.append("（团干部）");
					}
					line.append("：");
					if (!m.signed()) {
						line.append("未按期承诺");
					}
					List<String> parts = new ArrayList<>();
					m.commitments().forEach((p) -> parts.add(p.commitment()));
					line.append(String.join("；", parts));
					if (m.higherStandard() != null) {
						line.append("；更高标准：").append(m.higherStandard());
					}
					pages.text(pages.regular, SMALL, line.toString(), BODY);
				}
				if (round.evaluated()) {
					pages.text(pages.regular, BODY,
							"评诺：履诺 " + c.fulfilled() + " 人，部分履诺 " + c.partial() + " 人，未履诺 " + c.unfulfilled() + " 人",
							0);
				}
			}
			pages.finishPage();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static PDImageXObject qr(PDDocument document, String text) throws IOException {
		try {
			BufferedImage image = MatrixToImageWriter.toBufferedImage(
					new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 400, 400, Map.of(EncodeHintType.MARGIN, 1)));
			return LosslessFactory.createFromImage(document, image);
		}
		catch (WriterException ex) {
			throw new IllegalStateException("QR code", ex);
		}
	}

	private static final class Pages extends PdfPages {

		Pages(PDDocument document) throws IOException {
			super(document, PDRectangle.A4.getHeight() - 20 * MM, 22 * MM, 9, 8 * MM);
		}

		void header(PublicPledges.Page page, String url, PDImageXObject qr) throws IOException {
			float top = this.y;
			this.content.drawImage(qr, RIGHT - QR, top - QR, QR, QR);
			float textWidth = WIDTH - QR - 6 * MM;
			String title = "公 开 承 诺";
			float size = 34;
			show(this.bold, size, RED, LEFT, this.y - ASCENT * size, title, 0);
			this.y -= size * 1.4f;
			for (String line : wrap(page.branchName(), this.bold, 16, textWidth, textWidth)) {
				show(this.bold, 16, Color.BLACK, LEFT, this.y - ASCENT * 16, line, 0);
				this.y -= 16 * 1.5f;
			}
			for (String line : wrap(page.campaignTitle() + " · " + page.committeeName(), this.regular, BODY, textWidth,
					textWidth)) {
				show(this.regular, BODY, Color.BLACK, LEFT, this.y - ASCENT * BODY, line, 0);
				this.y -= BODY * 1.5f;
			}
			for (String line : wrap("扫码查看践诺、评诺和点评情况，欢迎多提意见、监督我们。", this.regular, BODY, textWidth, textWidth)) {
				show(this.regular, BODY, Color.BLACK, LEFT, this.y - ASCENT * BODY, line, 0);
				this.y -= BODY * 1.5f;
			}
			this.y = Math.min(this.y, top - QR - 2 * MM);
			float urlSize = 7;
			show(this.regular, urlSize, Color.DARK_GRAY, RIGHT - Math.min(width(this.regular, urlSize, url), WIDTH),
					this.y - ASCENT * urlSize, url, 0);
			this.y -= urlSize * 1.6f;
			rule(RED, 1.5f, this.y - 1 * MM);
			this.y -= 5 * MM;
		}

		void heading(String text) throws IOException {
			this.y -= 2 * MM;
			text(this.bold, 13, text, 0);
		}

		void text(org.apache.pdfbox.pdmodel.font.PDFont font, float size, String text, float indent)
				throws IOException {
			paragraph(font, size, size * 1.55f, text, indent, indent, false);
		}

	}

}
