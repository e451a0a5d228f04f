package org.cyl.excellence.appraisal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.appraisal.AppraisalRepository.Appraisal;
import org.cyl.excellence.campaign.CampaignVariables;
import org.cyl.excellence.organization.Groups;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.Role;
import org.cyl.excellence.shared.CurrentUser;
import org.cyl.excellence.shared.FormData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.appraisal.AppraisalVariables.APPRAISAL_COMMITTEE_GROUP;
import static org.cyl.excellence.appraisal.AppraisalVariables.APPRAISAL_ID;
import static org.cyl.excellence.appraisal.AppraisalVariables.BALLOT_COUNT;
import static org.cyl.excellence.appraisal.AppraisalVariables.CLOSES_AT;
import static org.cyl.excellence.appraisal.AppraisalVariables.CLOSING_TIME;
import static org.cyl.excellence.appraisal.AppraisalVariables.OPENS_AT;
import static org.cyl.excellence.appraisal.AppraisalVariables.ORG_CODE;
import static org.cyl.excellence.appraisal.AppraisalVariables.PUBLISH_SCOPE;

/**
 * {@code Task_IssueBallots} (生成选票) of MassAppraisalProcess: records the appraisal and the
 * hashes of its ballots' tokens. The appraisal opens at the start of its opening day and
 * closes at the end of its closing day; the committee prints the ballots from the
 * appraisal's page, which {@link AppraisalOpened} announces to it.
 */
@Component
class IssueBallotsDelegate implements JavaDelegate {

	private final AppraisalRepository appraisals;

	private final BallotTokens tokens;

	private final AppraisalItems items;

	private final OrganizationDirectory organizations;

	private final CurrentUser currentUser;

	private final ApplicationEventPublisher events;

	IssueBallotsDelegate(AppraisalRepository appraisals, BallotTokens tokens, AppraisalItems items,
			OrganizationDirectory organizations, CurrentUser currentUser, ApplicationEventPublisher events) {
		this.events = events;
		this.appraisals = appraisals;
		this.tokens = tokens;
		this.items = items;
		this.organizations = organizations;
		this.currentUser = currentUser;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String orgCode = (String) execution.getVariable(ORG_CODE);
		String campaignId = (String) execution.getVariable(CampaignVariables.CAMPAIGN_ID);
		// the committee that organises it is the one its task was offered to: the
		// branch's
		// committee for a branch, the campaign's own committee for its candidate list
		String committee = Groups.orgCodeOf((String) execution.getVariable(APPRAISAL_COMMITTEE_GROUP), Role.COMMITTEE);
		if (committee == null) {
			committee = this.organizations.find(orgCode).map((o) -> o.parentCode()).orElse(orgCode);
		}
		int ballots = ((Number) execution.getVariable(BALLOT_COUNT)).intValue();
		ZoneId zone = ZoneId.systemDefault();
		LocalDate opens = LocalDate.parse((String) execution.getVariable(OPENS_AT));
		LocalDate closes = LocalDate.parse((String) execution.getVariable(CLOSES_AT));
		String id = UUID.randomUUID().toString();
		Appraisal appraisal = new Appraisal(id, campaignId, orgCode, committee,
				this.appraisals.countRounds(campaignId, orgCode) + 1, ballots, opens.atStartOfDay(zone).toInstant(),
				closes.plusDays(1).atStartOfDay(zone).toInstant(), (String) execution.getVariable(PUBLISH_SCOPE),
				FormData.toJson(this.items.of(execution)), "OPEN", execution.getProcessInstanceId(), null, null, null,
				null, null, null);
		this.appraisals.create(appraisal, this.currentUser.id());
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < ballots; i++) {
			hashes.add(BallotTokens.hash(this.tokens.token(id, i)));
		}
		this.appraisals.addTokens(id, hashes);
		execution.setVariable(APPRAISAL_ID, id);
		execution.setVariable(CLOSING_TIME, Date.from(appraisal.closesAt()));
		// the organisers learn where their ballots are (a notice with the link)
		String orgName = this.organizations.find(orgCode).map(Organization::name).orElse(orgCode);
		this.events
			.publishEvent(new AppraisalOpened(id, campaignId, committee, AppraisalDirectory.subject(appraisal, orgName),
					ballots, opens, closes, "/appraisals/" + id + "/ballots"));
	}

}
