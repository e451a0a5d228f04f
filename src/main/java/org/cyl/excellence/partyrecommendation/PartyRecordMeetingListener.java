package org.cyl.excellence.partyrecommendation;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.partyrecommendation.PartyRecommendationRepository.Candidate;
import org.cyl.excellence.partyrecommendation.PartyRecommendationRepository.Launch;
import org.cyl.excellence.shared.FormData;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.partyrecommendation.PartyRecommendationVariables.*;

/**
 * {@code Task_HoldMeeting} (召开推优大会) of BranchPartyRecommendationProcess: the secretary
 * records the 推优大会 from its minutes — the day, how many of the members entitled to attend
 * (every member of the branch) were present, that each candidate presented themself, and
 * each candidate's yes votes of the secret ballot. A meeting with not more than half of
 * the members present is recorded as not held validly and must be held again (its votes
 * count for nothing). A candidate passes only with yes votes from more than half of the
 * members entitled to attend — not of those present. Refused: a day before the launch or
 * in the future, votes beyond those present, a candidate who did not present themself.
 */
@Component
class PartyRecordMeetingListener implements TaskListener {

	private final PartyRecommendationRepository repository;

	private final OrganizationDirectory organizations;

	PartyRecordMeetingListener(PartyRecommendationRepository repository, OrganizationDirectory organizations) {
		this.repository = repository;
		this.organizations = organizations;
	}

	@Override
	public void notify(DelegateTask task) {
		String pid = task.getProcessInstanceId();
		List<Candidate> candidates = this.repository.candidates(pid);
		int entitled = this.organizations.members((String) task.getVariable(BRANCH_CODE)).size();
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			task.setVariableLocal("entitled", entitled);
			task.setVariableLocal("candidateCount", candidates.size());
			for (int i = 1; i <= MAX_CANDIDATES; i++) {
				task.setVariableLocal("candidateName" + i,
						(i <= candidates.size()) ? candidates.get(i - 1).memberName() : null);
			}
			int held = this.repository.branch(pid).orElseThrow().meetingsHeld();
			task.setVariableLocal("meetingNote", (held == 0) ? "" : "上次推优大会到会人数未超过应到人数的半数，须重新召开（已召开 " + held + " 次）。");
			FormData.freshInputs(task, MEETING_DATE, PRESENT);
			FormData.clearPerItem(task, true, PRESENTED, VOTES);
			return;
		}
		Launch launch = this.repository.launch(((Number) task.getVariable(LAUNCH_ID)).longValue()).orElseThrow();
		FormData form = new FormData(task);
		LocalDate date = form.date(MEETING_DATE, "推优大会日期");
		if (date.isBefore(launch.launchedOn())) {
			throw FormData.invalid("推优大会日期", "不能早于推优工作发起之日（" + launch.launchedOn() + "）");
		}
		if (date.isAfter(LocalDate.now())) {
			throw FormData.invalid("推优大会日期", "不能晚于今天：请在会后如实记录");
		}
		int present = form.number(PRESENT, "实到人数", 0, entitled);
		this.repository.recordMeeting(pid, entitled, present, date);
		if (present * 2 <= entitled) {
			// not a valid meeting: held again, its votes are not read
			task.getExecution().setVariable(QUORUM_MET, false);
			return;
		}
		int passed = 0;
		for (int i = 1; i <= candidates.size(); i++) {
			Candidate c = candidates.get(i - 1);
			if (!Boolean.TRUE.equals(task.getVariable(PRESENTED + i))) {
				throw FormData.invalid(c.memberName() + "的自我介绍", "未确认：每名人选须在大会上作自我介绍");
			}
			int yes = form.number(VOTES + i, c.memberName() + "的赞成票数", 0, entitled);
			if (yes > present) {
				throw FormData.invalid(c.memberName() + "的赞成票数", "（" + yes + "）超过实到人数（" + present + "）");
			}
			boolean pass = yes * 2 > entitled;
			this.repository.setCandidate(c.id(), pass ? "PASSED" : "NOT_PASSED", yes,
					pass ? null : "赞成票 " + yes + " 票，未超过应到人数（" + entitled + " 人）的半数");
			if (pass) {
				passed++;
			}
		}
		this.repository.setStatus(pid, (passed > 0) ? "CHECKING" : "NONE");
		task.getExecution().setVariable(QUORUM_MET, true);
		task.getExecution().setVariable(PASSED_COUNT, passed);
	}

}
