package org.cyl.excellence.campaign;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.Role;
import org.cyl.excellence.shared.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

import static org.cyl.excellence.campaign.CampaignVariables.MESSAGE_CAMPAIGN_WITHDRAWN;
import static org.cyl.excellence.campaign.CampaignVariables.WITHDRAWAL_REASON;
import static org.cyl.excellence.campaign.CampaignVariables.WITHDRAWN_BY;

/**
 * 撤销活动: a committee member of the campaign's own committee withdraws a campaign that has
 * not ended, with a reason. People may not correlate messages through the engine's API
 * (EngineBoundary), so the application correlates {@code CampaignWithdrawn} on their
 * behalf after these checks; SubProcess_CampaignWithdrawn does the rest
 * ({@link WithdrawCampaignDelegate}).
 */
@Service
public class CampaignWithdrawal {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CampaignWithdrawal.class);

	/** The longest reason, as the migration (V12) and the page's textarea allow. */
	public static final int MAX_REASON = 500;

	static final String WITHDRAWN = "WITHDRAWN";

	/**
	 * How often a withdrawal is tried when the fan-out's chunks commit under it: a chunk
	 * running at that moment changes the executions the withdrawal ends, and whichever
	 * commits second fails (the chunk's job then finds its scope gone).
	 */
	static final int ATTEMPTS = 5;

	private final CampaignRepository campaigns;

	private final OrganizationDirectory organizations;

	private final RuntimeService runtimeService;

	private final TransactionTemplate transactions;

	private final java.util.concurrent.atomic.AtomicLong retried = new java.util.concurrent.atomic.AtomicLong();

	CampaignWithdrawal(CampaignRepository campaigns, OrganizationDirectory organizations, RuntimeService runtimeService,
			PlatformTransactionManager transactions) {
		this.campaigns = campaigns;
		this.organizations = organizations;
		this.runtimeService = runtimeService;
		this.transactions = new TransactionTemplate(transactions);
	}

	/** Whether the campaign has ended: completed or withdrawn. */
	public static boolean hasEnded(Campaign campaign) {
		return "COMPLETED".equals(campaign.status()) || WITHDRAWN.equals(campaign.status());
	}

	/** Whether the person may withdraw the campaign now: for the page's 撤销活动 button. */
	public boolean mayWithdraw(Authentication person, Campaign campaign) {
		return !hasEnded(campaign) && isCommitteeMember(person, campaign);
	}

	/**
	 * The campaign the person may withdraw: 404 unknown, 403 not a committee member of
	 * its committee, 409 ended.
	 */
	public Campaign withdrawable(String campaignId, Authentication person) {
		Campaign campaign = this.campaigns.find(campaignId)
			.orElseThrow(() -> new NotFoundException("活动 " + campaignId + " 不存在"));
		if (!isCommitteeMember(person, campaign)) {
			String committee = this.organizations.find(campaign.committeeCode())
				.map(Organization::name)
				.orElse(campaign.committeeCode());
			throw new AccessDeniedException("只有发起活动的" + committee + "的委员可以撤销活动");
		}
		if (hasEnded(campaign)) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					WITHDRAWN.equals(campaign.status()) ? "活动已撤销，不能再次撤销" : "活动已完成，不能撤销");
		}
		return campaign;
	}

	/**
	 * Withdraws the campaign in the person's name: the branch processes end (a batch of
	 * the engine), the notices are written, all in one transaction. While the fan-out's
	 * chunks run, one of them may commit under the withdrawal (an
	 * {@link OptimisticLockingException}): the withdrawal is then tried again in a new
	 * transaction, which sees what the chunk started and ends it too, up to
	 * {@link #ATTEMPTS} times, instead of asking the person to try again.
	 */
	public Withdrawal withdraw(String campaignId, String reason, Authentication person) {
		String text = (reason != null) ? reason.strip() : "";
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return withdrawOnce(campaignId, text, person);
		}
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute((status) -> withdrawOnce(campaignId, text, person));
			}
			catch (OptimisticLockingException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
				this.retried.incrementAndGet();
				log.info("Withdrawal of campaign {} collided with a chunk of its fan-out: tried again ({} of {})",
						campaignId, attempt + 1, ATTEMPTS);
			}
		}
	}

	/** How many withdrawals were tried again since the start (for the tests). */
	long retried() {
		return this.retried.get();
	}

	private Withdrawal withdrawOnce(String campaignId, String text, Authentication person) {
		Campaign campaign = withdrawable(campaignId, person);
		if (text.isEmpty()) {
			throw new IllegalArgumentException("撤销理由：必须填写");
		}
		if (text.length() > MAX_REASON) {
			throw new IllegalArgumentException("撤销理由：不能超过 " + MAX_REASON + " 字");
		}
		try {
			this.runtimeService.createMessageCorrelation(MESSAGE_CAMPAIGN_WITHDRAWN)
				.processInstanceId(campaign.processInstanceId())
				.setVariable(WITHDRAWN_BY, person.getName())
				.setVariable(WITHDRAWAL_REASON, text)
				.correlate();
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "活动的流程已结束，不能撤销");
		}
		return this.campaigns.withdrawal(campaignId)
			.orElseThrow(() -> new IllegalStateException("campaign " + campaignId + " was not withdrawn"));
	}

	private boolean isCommitteeMember(Authentication person, Campaign campaign) {
		return person != null && this.organizations.organizationsWhere(person.getName(), Role.COMMITTEE)
			.contains(campaign.committeeCode());
	}

}
