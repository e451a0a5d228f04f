package org.cyl.excellence.memberappraisal;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.web.util.UriComponentsBuilder;

import static org.cyl.excellence.memberappraisal.MemberAppraisalVariables.*;

/**
 * What the branch's tasks show of the sheet: its address (the task page and Tasklist link
 * to it) and a summary as text, computed when the task is created.
 */
final class SheetSummary {

	private SheetSummary() {
	}

	static String path(String appraisalId, String branchCode) {
		return UriComponentsBuilder.fromPath("/member-appraisals/{a}/branches/{b}")
			.buildAndExpand(appraisalId, branchCode)
			.encode()
			.toUriString();
	}

	static void show(DelegateTask task, String summary) {
		task.setVariableLocal(SHEET_PATH,
				path((String) task.getVariable(APPRAISAL_ID), (String) task.getVariable(BRANCH_CODE)));
		task.setVariableLocal(SHEET_SUMMARY, summary);
	}

	static String selfAssessments(List<MemberAppraisalRepository.Entry> entries) {
		StringBuilder text = new StringBuilder();
		long missing = entries.stream().filter((e) -> e.selfAssessment() == null).count();
		text.append("团员 ").append(entries.size()).append(" 人，已有自我评价 ").append(entries.size() - missing).append(" 人");
		if (missing > 0) {
			text.append("；尚缺：");
			text.append(String.join("、",
					entries.stream().filter((e) -> e.selfAssessment() == null).map((e) -> e.memberName()).toList()));
		}
		return text.toString();
	}

	static String votes(List<MemberAppraisalRepository.Entry> entries) {
		StringBuilder text = new StringBuilder();
		for (MemberAppraisalRepository.Entry e : entries) {
			Grade vote = e.voteGrade();
			text.append(e.memberName())
				.append("：")
				.append(e.votesText())
				.append((vote != null) ? "（测评：" + vote.label() + "）" : "")
				.append('\n');
		}
		return text.toString().strip();
	}

	static String grades(List<MemberAppraisalRepository.Entry> entries) {
		StringBuilder text = new StringBuilder();
		for (MemberAppraisalRepository.Entry e : entries) {
			Grade vote = e.voteGrade();
			text.append(e.memberName()).append("：").append((e.grade() != null) ? e.grade() : "未提出");
			if (vote != null) {
				text.append("（测评：").append(vote.label()).append("）");
			}
			if (e.gradeReason() != null) {
				text.append(" 理由：").append(e.gradeReason());
			}
			text.append('\n');
		}
		return text.toString().strip();
	}

}
