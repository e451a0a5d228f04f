package org.cyl.excellence.branch;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PublishPledges} (公开承诺) of BranchCampaignProcess: the approved organisation
 * and member pledges of the round become readable by the branch's members and reviewers
 * ({@link PledgeController}).
 */
@Component
class PublishPledgesDelegate implements JavaDelegate {

	private final PledgeRepository pledges;

	PublishPledgesDelegate(PledgeRepository pledges) {
		this.pledges = pledges;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RoundContext round = RoundContext.of(execution);
		this.pledges.publish(round.campaignId(), round.branchCode(), round.round());
	}

}
