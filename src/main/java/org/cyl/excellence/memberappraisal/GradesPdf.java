package org.cyl.excellence.memberappraisal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.cyl.excellence.documents.PdfPages;

/**
 * A branch's grades as a paper for signing (团员教育评议结果登记表): one line per member (grade,
 * vote, reason, 团籍注册), the meeting's figures, and lines for the secretary's signature and
 * the committee's seal.
 */
final class GradesPdf {

	private static final float BODY = 11;

	private GradesPdf() {
	}

	static byte[] render(String title, String branchName, MemberAppraisalRepository.BranchSheet sheet,
			List<MemberAppraisalRepository.Entry> entries) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Pages pages = new Pages(document);
			pages.newPage();
			pages.line(pages.bold, 16, title + "结果登记表");
			pages.line(pages.regular, BODY, "团支部：" + branchName);
			if (sheet.meetingDate() != null) {
				pages.line(pages.regular, BODY,
						"支部大会：" + sheet.meetingDate() + "，应到 " + sheet.entitled() + " 人，实到 " + sheet.present() + " 人");
			}
			pages.line(pages.regular, BODY, "");
			int n = 0;
			for (MemberAppraisalRepository.Entry e : entries) {
				Grade vote = e.voteGrade();
				String registration = (e.grade() == null) ? ""
						: Grade.of(e.grade()).map((g) -> g.allowsRegistration() ? "可注册" : "不予注册").orElse("");
				pages.wrapped(++n + ". " + e.memberName() + "（" + e.leagueNo() + "）  等次：" + nonNull(e.grade()) + "  测评："
						+ e.votesText() + ((vote != null) ? "（" + vote.label() + "）" : "") + "  团籍注册：" + registration
						+ ((e.gradeReason() != null) ? "  理由：" + e.gradeReason() : ""));
			}
			pages.line(pages.regular, BODY, "");
			pages.line(pages.regular, BODY, "团支部书记（签字）：________________    日期：____年__月__日");
			pages.line(pages.regular, BODY, "");
			pages.line(pages.regular, BODY, "上级团组织意见（盖章）：________________    日期：____年__月__日");
			pages.finishPage();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "未定";
	}

	private static final class Pages extends PdfPages {

		Pages(PDDocument document) throws IOException {
			super(document, 297 * MM - 25 * MM, 25 * MM, 10, 8 * MM);
		}

		void line(org.apache.pdfbox.pdmodel.font.PDFont font, float size, String text) throws IOException {
			float leading = size * 1.8f;
			keep(leading);
			if (!text.isEmpty()) {
				show(font, size, Color.BLACK, LEFT, baseline(size, leading), text, 0);
			}
			this.y -= leading;
		}

		void wrapped(String text) throws IOException {
			paragraph(this.regular, BODY, BODY * 1.7f, text, 0, 2 * BODY, false);
		}

	}

}
