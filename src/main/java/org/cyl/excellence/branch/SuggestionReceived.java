package org.cyl.excellence.branch;

/**
 * A suggestion (多提意见) reached a branch, from its public page's suggestion box or a
 * ballot's comment: published in the transaction that stored it, for the notices of the
 * branch's secretary and the committee above it ({@code supervision}).
 *
 * @param committeeCode the organisation directly above the branch, whose committee
 * members answer too
 * @param listPage the page where the suggestions are read and answered
 */
public record SuggestionReceived(String campaignId, String campaignTitle, String branchCode, String branchName,
		String committeeCode, String listPage) {
}
