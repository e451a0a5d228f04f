package org.cyl.excellence.organization;

/**
 * A League or Party organisation; {@code partyOrgCode} names the Party organisation that
 * co-reviews a League organisation.
 */
public record Organization(String code, String name, OrganizationType type, String parentCode, String partyOrgCode) {
}
