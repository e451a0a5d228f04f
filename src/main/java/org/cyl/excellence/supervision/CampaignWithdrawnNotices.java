package org.cyl.excellence.supervision;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.cyl.excellence.campaign.CampaignWithdrawn;
import org.cyl.excellence.organization.Groups;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.Role;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells people that a campaign was withdrawn (campaign's {@link CampaignWithdrawn}, from
 * 撤销活动): a notice to the higher committee that approved its plan, to the committee's
 * members and to the secretaries of the branches whose processes had started, naming the
 * campaign, who withdrew it and why. In the withdrawal's transaction: no withdrawal
 * without its notices.
 */
@Component
class CampaignWithdrawnNotices {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final SupervisionRepository repository;

	private final IdentityService identityService;

	private final OrganizationDirectory organizations;

	CampaignWithdrawnNotices(SupervisionRepository repository, IdentityService identityService,
			OrganizationDirectory organizations) {
		this.repository = repository;
		this.identityService = identityService;
		this.organizations = organizations;
	}

	@EventListener
	void on(CampaignWithdrawn withdrawn) {
		String committee = this.organizations.find(withdrawn.committeeCode())
			.map(Organization::name)
			.orElse(withdrawn.committeeCode());
		String text = committee + "撤销了创先争优活动“" + withdrawn.title() + "”（" + withdrawn.withdrawnAt().format(WHEN)
				+ "，撤销人：" + this.organizations.displayName(withdrawn.withdrawnBy()) + "）。撤销理由：" + withdrawn.reason()
				+ "。该活动各团支部的流程已终止，未办的任务已撤下。";
		Set<String> people = new LinkedHashSet<>();
		addMembers(people, withdrawn.higherCommitteeGroup());
		addMembers(people, withdrawn.committeeGroup());
		for (String branch : withdrawn.startedBranches()) {
			addMembers(people, Groups.of(branch, Role.SECRETARY));
		}
		people.forEach((person) -> this.repository.addNotice(person, text, withdrawn.withdrawnAt()));
	}

	private void addMembers(Set<String> people, String groupId) {
		if (groupId != null) {
			this.identityService.createUserQuery()
				.memberOfGroup(groupId)
				.list()
				.stream()
				.map(User::getId)
				.forEach(people::add);
		}
	}

}
