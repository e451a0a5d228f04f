package org.cyl.excellence.supervision;

import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.cyl.excellence.branch.SuggestionReceived;
import org.cyl.excellence.organization.Groups;
import org.cyl.excellence.organization.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a branch receives a suggestion (多提意见, from its public page or a ballot), its
 * secretary and the committee members of the organisation above it get a notice linking
 * to the list where they answer it: written in the suggestion's transaction.
 */
@Component
class SuggestionNotices {

	private final SupervisionRepository repository;

	private final IdentityService identityService;

	SuggestionNotices(SupervisionRepository repository, IdentityService identityService) {
		this.repository = repository;
		this.identityService = identityService;
	}

	@EventListener
	void suggestionReceived(SuggestionReceived received) {
		String text = received.branchName() + "收到一条青年意见建议（" + received.campaignTitle() + "）：请查看并答复，答复将在公开承诺页面公开。";
		Set<String> users = new LinkedHashSet<>();
		addMembers(users, Groups.of(received.branchCode(), Role.SECRETARY));
		if (received.committeeCode() != null) {
			addMembers(users, Groups.of(received.committeeCode(), Role.COMMITTEE));
		}
		LocalDateTime now = LocalDateTime.now();
		users.forEach((user) -> this.repository.addNotice(user, text, received.listPage(), now));
	}

	private void addMembers(Set<String> users, String group) {
		this.identityService.createUserQuery()
			.memberOfGroup(group)
			.orderByUserId()
			.asc()
			.list()
			.forEach((user) -> users.add(user.getId()));
	}

}
