package org.cyl.excellence.commendation;

import org.cyl.excellence.campaign.CampaignWithdrawn;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A withdrawn campaign (campaign's {@link CampaignWithdrawn}) ends its commendation too:
 * its CommendationProcess was interrupted with the campaign, so its row says WITHDRAWN
 * and its public notice takes no more objections (an objection would find no process to
 * tell: 409 instead).
 */
@Component
class CommendationWithdrawnListener {

	private final CommendationRepository commendations;

	CommendationWithdrawnListener(CommendationRepository commendations) {
		this.commendations = commendations;
	}

	@EventListener
	void on(CampaignWithdrawn withdrawn) {
		this.commendations.withdraw(withdrawn.campaignId());
	}

}
