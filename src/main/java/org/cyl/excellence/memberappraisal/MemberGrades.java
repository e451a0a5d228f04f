package org.cyl.excellence.memberappraisal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The approved grades of the member appraisal, part of each member's record: what other
 * modules read (the commendation's 优秀团员 eligibility). A grade counts once the committee
 * above approved the branch's grades.
 */
@Service
public class MemberGrades {

	private final MemberAppraisalRepository repository;

	MemberGrades(MemberAppraisalRepository repository) {
		this.repository = repository;
	}

	/** One member's approved grade and whether it allows the year's 团籍注册. */
	public record MemberGrade(String leagueNo, String name, String grade, boolean registrationAllowed) {
	}

	/** The member's approved grade of the year (优秀, 合格, 基本合格, 不合格), if any. */
	public Optional<String> gradeOf(String leagueNo, int year) {
		return this.repository.approvedGrade(leagueNo, year);
	}

	/** A year's approved grade on the member's record. */
	public record YearGrade(int year, String grade, boolean registrationAllowed) {
	}

	/** The member's record of approved grades, one per year, the latest first. */
	public List<YearGrade> recordOf(String leagueNo) {
		java.util.Map<Integer, YearGrade> years = new java.util.LinkedHashMap<>();
		for (java.util.Map.Entry<Integer, String> e : this.repository.approvedGrades(leagueNo)) {
			years.putIfAbsent(e.getKey(), new YearGrade(e.getKey(), e.getValue(),
					Grade.of(e.getValue()).map(Grade::allowsRegistration).orElse(false)));
		}
		return List.copyOf(years.values());
	}

	/** The approved grades of a branch's members in the year, by League number. */
	public List<MemberGrade> gradesOf(String branchCode, int year) {
		return this.repository.approvedEntries(branchCode, year)
			.stream()
			.map((e) -> new MemberGrade(e.leagueNo(), e.memberName(), e.grade(),
					Grade.of(e.grade()).map(Grade::allowsRegistration).orElse(false)))
			.toList();
	}

}
