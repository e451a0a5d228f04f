package org.cyl.excellence.memberappraisal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.shared.Dates;
import org.cyl.excellence.shared.FormData;

import org.springframework.stereotype.Component;

import static org.cyl.excellence.memberappraisal.MemberAppraisalVariables.*;

/**
 * {@code Task_RecordAppraisalMeeting} (登记评议大会) of BranchMemberAppraisalProcess: the
 * secretary records the branch meeting (支部大会). It is valid only with <em>more</em> than
 * two thirds of the branch's members present ({@link #quorate}); then every member's vote
 * counts must be on the sheet, each member's at most the members present. A meeting
 * without quorum is recorded, its votes cleared, and the meeting must be held again
 * (within two weeks).
 */
@Component
class AppraisalMeetingListener implements TaskListener {

	private final MemberAppraisalRepository repository;

	AppraisalMeetingListener(MemberAppraisalRepository repository) {
		this.repository = repository;
	}

	/** More than two thirds of those entitled: exactly two thirds is not enough. */
	static boolean quorate(int present, int entitled) {
		return present * 3 > entitled * 2;
	}

	@Override
	public void notify(DelegateTask task) {
		String appraisalId = (String) task.getVariable(APPRAISAL_ID);
		String branch = (String) task.getVariable(BRANCH_CODE);
		List<MemberAppraisalRepository.Entry> entries = this.repository.entries(appraisalId, branch);
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			SheetSummary.show(task, SheetSummary.votes(entries));
			task.setVariableLocal(MEMBER_COUNT, entries.size());
			FormData.freshInputs(task, MEETING_DATE, PRESENT, BALLOTS_CONFIRMED);
			return;
		}
		FormData form = new FormData(task);
		LocalDate date = form.date(MEETING_DATE, "支部大会日期");
		if (date.isAfter(LocalDate.now())) {
			throw FormData.invalid("支部大会日期", "不能晚于今天");
		}
		int entitled = entries.size();
		int present = form.number(PRESENT, "实到人数", 0, entitled);
		if (!quorate(present, entitled)) {
			this.repository.recordMeeting(appraisalId, branch, date, entitled, present);
			this.repository.clearVotes(appraisalId, branch);
			task.setVariable(MEETING_QUORATE, false);
			task.setVariable(MEETING_DUE, Dates.inDays(14));
			return;
		}
		if (!Boolean.TRUE.equals(task.getVariable(BALLOTS_CONFIRMED))) {
			throw FormData.invalid("已核对测评票", "须勾选");
		}
		List<String> missing = new ArrayList<>();
		for (MemberAppraisalRepository.Entry e : entries) {
			if (!e.hasVotes()) {
				missing.add(e.memberName());
			}
			else if (e.ballots() > present) {
				throw FormData.invalid(e.memberName() + "的测评票数", "合计 " + e.ballots() + " 张，超过实到人数（" + present + " 人）");
			}
		}
		if (!missing.isEmpty()) {
			throw FormData.invalid("测评票数", "尚未登记齐全，请先在评议登记表中登记：" + String.join("、", missing));
		}
		this.repository.recordMeeting(appraisalId, branch, date, entitled, present);
		this.repository.setStatus(appraisalId, branch, MemberAppraisalRepository.PROPOSAL);
		task.setVariable(MEETING_QUORATE, true);
	}

}
