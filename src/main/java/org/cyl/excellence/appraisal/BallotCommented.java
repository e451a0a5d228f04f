package org.cyl.excellence.appraisal;

/**
 * A ballot of an organisation's appraisal was cast with a free comment (意见建议): published
 * in the ballot's transaction, so that the comment reaches the organisation's list of
 * suggestions (branch) — without the ballot, its token or any time.
 */
public record BallotCommented(String campaignId, String orgCode, String comment) {
}
