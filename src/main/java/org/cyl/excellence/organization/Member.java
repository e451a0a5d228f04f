package org.cyl.excellence.organization;

/**
 * A League member (团员) of a branch; {@code username} is null for a member without an
 * account.
 */
public record Member(String leagueNo, String name, String orgCode, boolean cadre, String username) {
}
