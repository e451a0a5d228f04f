package org.cyl.excellence.partyrecommendation;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.RuntimeService;
import org.cyl.excellence.commendation.CommendationProperties;
import org.cyl.excellence.commendation.ObjectionRules;
import org.cyl.excellence.partyrecommendation.PartyRecommendationRepository.BranchRun;
import org.cyl.excellence.partyrecommendation.PartyRecommendationRepository.Candidate;
import org.cyl.excellence.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.cyl.excellence.partyrecommendation.PartyRecommendationVariables.MESSAGE_OBJECTION_FILED;
import static org.cyl.excellence.partyrecommendation.PartyRecommendationVariables.OBJECTION_ID;

/**
 * Objections to a branch's 推优 public notice, as in the commendation: the same rules on
 * the filer ({@link ObjectionRules}: real name, contact, facts) and the same limits per
 * client address and per hour ({@code app.commendation.objections.*}); storing the
 * objection and starting its verification (message
 * {@value PartyRecommendationVariables#MESSAGE_OBJECTION_FILED}) are one transaction,
 * under the branch's row lock.
 */
@Service
class PartyObjections {

	/**
	 * A refused objection: the message says why, in Chinese; the status is the answer's.
	 */
	static class RefusedException extends RuntimeException {

		private final int status;

		RefusedException(int status, String message) {
			super(message);
			this.status = status;
		}

		int status() {
			return this.status;
		}

	}

	private final PartyRecommendationRepository repository;

	private final RuntimeService runtimeService;

	private final CommendationProperties.Objections limits;

	PartyObjections(PartyRecommendationRepository repository, RuntimeService runtimeService,
			CommendationProperties properties) {
		this.repository = repository;
		this.runtimeService = runtimeService;
		this.limits = properties.objections();
	}

	@Transactional
	long file(String processInstanceId, long recommendationId, String name, String contact, String content,
			String clientAddress) {
		String refusal = ObjectionRules.refusal(name, contact, content);
		if (refusal != null) {
			throw new RefusedException(400, refusal);
		}
		BranchRun branch = this.repository.lockBranch(processInstanceId)
			.orElseThrow(() -> new NotFoundException("没有这项推优公示"));
		if (branch.noticeFrom() == null) {
			throw new RefusedException(409, "该支部的推优人选尚未公示");
		}
		if (!branch.objectionsOpen()) {
			throw new RefusedException(409, "公示期已满，不再受理异议");
		}
		Candidate candidate = this.repository.candidate(recommendationId)
			.filter((c) -> c.processInstanceId().equals(processInstanceId))
			.orElseThrow(() -> new RefusedException(400, "请选择公示名单中的人选"));
		if (!"NOTICED".equals(candidate.status())) {
			throw new RefusedException(409, candidate.memberName() + "已不在公示名单中");
		}
		Instant now = Instant.now();
		if (this.repository.objectionsSince(processInstanceId, clientAddress,
				now.minus(Duration.ofDays(1))) >= this.limits.perAddressPerDay()) {
			throw new RefusedException(429,
					"同一网络地址 24 小时内对本公示最多提出 " + this.limits.perAddressPerDay() + " 件异议，已达上限，本次异议未予登记。请明天再提交，或直接与团委联系。");
		}
		if (this.repository.objectionsSince(processInstanceId, null, now.minus(Duration.ofHours(1))) >= this.limits
			.perNoticePerHour()) {
			throw new RefusedException(429,
					"本公示 1 小时内收到的异议已达 " + this.limits.perNoticePerHour() + " 件的上限，本次异议未予登记。请稍后再提交，或直接与团委联系。");
		}
		long id = this.repository.addObjection(recommendationId, name.trim(), contact.trim(), content.trim(),
				clientAddress);
		this.runtimeService.createMessageCorrelation(MESSAGE_OBJECTION_FILED)
			.processInstanceId(processInstanceId)
			.setVariableLocal(OBJECTION_ID, id)
			.correlateWithResult();
		return id;
	}

}
