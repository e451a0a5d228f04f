package org.cyl.excellence.memberappraisal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.cyl.excellence.shared.FormData;

import org.springframework.stereotype.Component;

/**
 * The rules a branch's proposed grades must keep: every member graded, a reason wherever
 * the grade departs from the vote ("看票不唯票"), and the share of 优秀 allowed by the DMN table
 * {@code MemberAppraisalQuota} (bpmn/memberappraisal, editable in Camunda Modeler).
 */
@Component
class GradeRules {

	static final int MAX_REASON = 500;

	private final DecisionService decisions;

	GradeRules(DecisionService decisions) {
		this.decisions = decisions;
	}

	/** Refuses the grades with a Chinese message naming the first problem. */
	void check(List<MemberAppraisalRepository.Entry> entries) {
		List<String> ungraded = new ArrayList<>();
		int excellent = 0;
		for (MemberAppraisalRepository.Entry e : entries) {
			Grade grade = (e.grade() != null) ? Grade.of(e.grade()).orElse(null) : null;
			if (grade == null) {
				ungraded.add(e.memberName());
				continue;
			}
			if (grade != e.voteGrade() && e.gradeReason() == null) {
				throw FormData.invalid(e.memberName() + "的等次", "（" + grade.label() + "）与测评结果（"
						+ ((e.voteGrade() != null) ? e.voteGrade().label() : "无有效票") + "）不一致，须写明理由");
			}
			if (grade == Grade.EXCELLENT) {
				excellent++;
			}
		}
		if (!ungraded.isEmpty()) {
			throw FormData.invalid("评议等次", "尚未提出齐全，请先在评议登记表中提出：" + String.join("、", ungraded));
		}
		if (!entries.isEmpty()) {
			DmnDecisionRuleResult quota = quota(excellent, entries.size());
			if (!Boolean.TRUE.equals(quota.get("allowed"))) {
				throw FormData.invalid("优秀",
						"共 " + excellent + " 人（本支部团员 " + entries.size() + " 人）：" + quota.get("reason"));
			}
		}
	}

	DmnDecisionRuleResult quota(int excellentCount, int memberCount) {
		return this.decisions.evaluateDecisionTableByKey("MemberAppraisalQuota")
			.variables(Variables.createVariables()
				.putValue("excellentCount", excellentCount)
				.putValue("memberCount", memberCount))
			.evaluate()
			.getSingleResult();
	}

}
