package org.cyl.excellence.organization;

import java.time.LocalDate;

/**
 * A member with the dates the standing duties' rules read (推优入党: age, years in the
 * League, months since the Party application); a date not imported is null.
 */
public record MemberProfile(String leagueNo, String name, String orgCode, boolean cadre, String username,
		LocalDate birthDate, LocalDate joinedLeagueOn, LocalDate partyAppliedOn) {

	public Member member() {
		return new Member(this.leagueNo, this.name, this.orgCode, this.cadre, this.username);
	}

}
