package org.cyl.excellence.commendation;

import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.cyl.excellence.commendation.CommendationRepository.Candidate;
import org.cyl.excellence.commendation.CommendationRepository.Commendation;
import org.cyl.excellence.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.cyl.excellence.commendation.CommendationVariables.MESSAGE_OBJECTION_FILED;
import static org.cyl.excellence.commendation.CommendationVariables.OBJECTION_ID;

/**
 * Objections to a public notice (公示异议), filed by anyone on the public notice page with
 * real name and contact (anonymous objections are refused, as in practice). Storing the
 * objection and starting its verification (the message {@code ObjectionFiled}) are one
 * transaction.
 */
@Service
class ObjectionService {

	static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");

	static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final CommendationRepository commendations;

	private final RuntimeService runtimeService;

	ObjectionService(CommendationRepository commendations, RuntimeService runtimeService) {
		this.commendations = commendations;
		this.runtimeService = runtimeService;
	}

	/** A refused objection: the message says why, in Chinese. */
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

	@Transactional
	long file(String campaignId, long candidateId, String name, String contact, String content) {
		String n = trim(name);
		String c = trim(contact);
		String text = trim(content);
		if (n.isEmpty() || c.isEmpty()) {
			throw new RefusedException(400, "请填写真实姓名和联系方式：匿名异议不予受理");
		}
		if (n.length() < 2 || n.length() > 20) {
			throw new RefusedException(400, "姓名应为 2 到 20 个字");
		}
		if (!PHONE.matcher(c).matches() && !EMAIL.matcher(c).matches()) {
			throw new RefusedException(400, "联系方式应为手机号码、固定电话或电子邮箱，以便核实");
		}
		if (text.length() < 10 || text.length() > 2000) {
			throw new RefusedException(400, "异议内容应为 10 到 2000 个字，写明具体事实");
		}
		Commendation commendation = this.commendations.lock(campaignId)
			.orElseThrow(() -> new NotFoundException("没有这项表彰"));
		if (!"NOTICE".equals(commendation.status()) || commendation.noticeFrom() == null) {
			throw new RefusedException(409, "该活动的表彰候选尚未公示或已结束公示");
		}
		if (!commendation.objectionsOpen()) {
			throw new RefusedException(409, "公示期已满，不再受理异议");
		}
		Candidate candidate = this.commendations.candidate(candidateId)
			.filter((x) -> x.campaignId().equals(campaignId))
			.orElseThrow(() -> new RefusedException(400, "请选择公示名单中的候选"));
		if (!"ACCEPTED".equals(candidate.status())) {
			throw new RefusedException(409, candidate.holderName() + "已不在公示名单中");
		}
		long id = this.commendations.addObjection(campaignId, candidateId, n, c, text);
		this.runtimeService.createMessageCorrelation(MESSAGE_OBJECTION_FILED)
			.processInstanceId(commendation.processInstanceId())
			.setVariableLocal(OBJECTION_ID, id)
			.correlateWithResult();
		return id;
	}

	private static String trim(String s) {
		return (s == null) ? "" : s.trim();
	}

}
