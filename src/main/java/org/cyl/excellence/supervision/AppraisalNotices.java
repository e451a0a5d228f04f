package org.cyl.excellence.supervision;

import java.time.LocalDateTime;

import org.camunda.bpm.engine.IdentityService;
import org.cyl.excellence.appraisal.AppraisalOpened;
import org.cyl.excellence.organization.Groups;
import org.cyl.excellence.organization.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When an appraisal's ballots are issued, every committee member of the organising
 * committee gets a notice linking to the ballots' page (whoever completed 发起群众评议 finds
 * the ballots there, and in 群众评议): written in the engine's transaction, so that no notice
 * points to ballots that were not issued.
 */
@Component
class AppraisalNotices {

	private final SupervisionRepository repository;

	private final IdentityService identityService;

	AppraisalNotices(SupervisionRepository repository, IdentityService identityService) {
		this.repository = repository;
		this.identityService = identityService;
	}

	@EventListener
	void ballotsIssued(AppraisalOpened opened) {
		String text = opened.subject() + "的群众评议选票已生成（" + opened.ballots() + " 张，评议时间 " + opened.opensOn() + " 至 "
				+ opened.closesOn() + "）：请打印或下载选票并发放，选票收齐后可以提前结束评议。";
		LocalDateTime now = LocalDateTime.now();
		this.identityService.createUserQuery()
			.memberOfGroup(Groups.of(opened.committeeCode(), Role.COMMITTEE))
			.orderByUserId()
			.asc()
			.list()
			.forEach((user) -> this.repository.addNotice(user.getId(), text, opened.ballotsPage(), now));
	}

}
