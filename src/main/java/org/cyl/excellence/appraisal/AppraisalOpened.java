package org.cyl.excellence.appraisal;

import java.time.LocalDate;

/**
 * The ballots of an appraisal were issued (生成选票): published to the application's other
 * modules (supervision tells the organising committee where its ballots are), within the
 * engine's transaction.
 *
 * @param appraisalId the appraisal
 * @param campaignId its campaign
 * @param committeeCode the organising committee: its committee members print the ballots
 * @param subject what is appraised, as people read it (an organisation, or a committee's
 * candidate list)
 * @param ballots how many ballots were issued
 * @param opensOn the opening day
 * @param closesOn the closing day
 * @param ballotsPage the ballots' page (path), for the organisers
 */
public record AppraisalOpened(String appraisalId, String campaignId, String committeeCode, String subject, int ballots,
		LocalDate opensOn, LocalDate closesOn, String ballotsPage) {
}
