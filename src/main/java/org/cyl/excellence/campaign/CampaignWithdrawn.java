package org.cyl.excellence.campaign;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Published by {@code Task_WithdrawCampaign} (撤销活动) of CampaignProcess in the
 * withdrawal's transaction, for the modules that tell people (supervision's notices):
 * which campaign, of which committee, the higher committee's group that approved its
 * plan, who withdrew it and why, and the branches whose processes had started.
 */
public record CampaignWithdrawn(String campaignId, String title, String committeeCode, String committeeGroup,
		String higherCommitteeGroup, String withdrawnBy, String reason, LocalDateTime withdrawnAt,
		List<String> startedBranches) {
}
