package org.cyl.excellence.commendation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.cyl.excellence.commendation.CommendationRepository.Candidate;
import org.cyl.excellence.commendation.CommendationRepository.Commendation;
import org.cyl.excellence.commendation.CommendationRepository.Refusal;
import org.cyl.excellence.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.cyl.excellence.commendation.CommendationVariables.MESSAGE_OBJECTION_FILED;
import static org.cyl.excellence.commendation.CommendationVariables.OBJECTION_ID;

/**
 * Objections to a public notice (公示异议), filed by anyone on the public notice page of
 * {@link CommendationController} with real name and contact (anonymous objections are
 * refused, as in practice, and so are signatures such as 某同学 or 知情人 that name nobody).
 * Storing the objection and starting its verification (the message
 * {@code ObjectionFiled}) are one transaction.
 * <p>
 * Since each objection gives the committee a 核查异议 task, a notice takes at most
 * {@code app.commendation.objections.per-address-per-day} objections from one client
 * address in 24 hours and {@code per-notice-per-hour} from everyone in an hour; the
 * counts are taken under the commendation's row lock, so that simultaneous posts cannot
 * pass together. Refused attempts are recorded ({@link #refused}) for the committee's
 * line and managers.
 */
@Service
class ObjectionService {

	static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");

	static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/**
	 * Signatures that name nobody: the whole name (after words such as 一名, 热心) is one of
	 * these, or it holds one of {@link #NOBODY_PARTS}, or begins with 某.
	 */
	static final List<String> NOBODY = List.of("群众", "同学", "学生", "老师", "教师", "团员", "青年", "党员", "干部", "职工", "员工", "市民",
			"居民", "村民", "网友", "路人", "校友", "家长", "知情人", "知情者", "举报人", "反映人", "本人", "我", "无", "保密", "不详", "未知", "无名",
			"佚名");

	static final List<String> NOBODY_PARTS = List.of("匿名", "某某", "知情人", "知情者", "群众", "网友", "举报人", "不愿透露", "不便透露", "无名氏",
			"佚名");

	private static final Pattern NOBODY_PREFIX = Pattern.compile("^(一名|一位|一个|一些|一群|几名|几位|广大|热心|普通|部分|一)+");

	private static final Pattern PLACEHOLDER = Pattern.compile("[\\p{Punct}\\p{IsPunctuation}\\s×xX＊*？?0-9０-９]+");

	private final CommendationRepository commendations;

	private final RuntimeService runtimeService;

	private final int perAddressPerDay;

	private final int perNoticePerHour;

	ObjectionService(CommendationRepository commendations, RuntimeService runtimeService,
			CommendationProperties properties) {
		this.commendations = commendations;
		this.runtimeService = runtimeService;
		this.perAddressPerDay = properties.objections().perAddressPerDay();
		this.perNoticePerHour = properties.objections().perNoticePerHour();
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

	/**
	 * Files the objection, from the client address the request came from.
	 * @throws RefusedException with the reason, when nothing was stored
	 */
	@Transactional
	long file(String campaignId, long candidateId, String name, String contact, String content, String clientAddress) {
		String n = trim(name);
		String c = trim(contact);
		String text = trim(content);
		String refusal = ObjectionRules.refusal(n, c, text);
		if (refusal != null) {
			throw new RefusedException(400, refusal);
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
		Instant now = Instant.now();
		if (this.commendations.objectionsSince(campaignId, clientAddress,
				now.minus(Duration.ofDays(1))) >= this.perAddressPerDay) {
			throw new RefusedException(429,
					"同一网络地址 24 小时内对本公示最多提出 " + this.perAddressPerDay + " 件异议，已达上限，本次异议未予登记。请明天再提交，或直接与团委联系。");
		}
		if (this.commendations.objectionsSince(campaignId, null,
				now.minus(Duration.ofHours(1))) >= this.perNoticePerHour) {
			throw new RefusedException(429,
					"本公示 1 小时内收到的异议已达 " + this.perNoticePerHour + " 件的上限，本次异议未予登记。请稍后再提交，或直接与团委联系。");
		}
		long id = this.commendations.addObjection(campaignId, candidateId, n, c, text, clientAddress);
		this.runtimeService.createMessageCorrelation(MESSAGE_OBJECTION_FILED)
			.processInstanceId(commendation.processInstanceId())
			.setVariableLocal(OBJECTION_ID, id)
			.correlateWithResult();
		return id;
	}

	/**
	 * Records a refused attempt (its own transaction: the refused objection's was rolled
	 * back). Only the address, the name as given and the reason are kept.
	 */
	@Transactional
	void refused(String campaignId, String clientAddress, String name, String reason) {
		String n = trim(name);
		this.commendations.addRefusal(campaignId, clientAddress, n.isEmpty() ? null : cut(n, 50), cut(reason, 200));
	}

	/** The refused attempts on the notice, the latest first. */
	List<Refusal> refusals(String campaignId) {
		return this.commendations.refusals(campaignId);
	}

	int perAddressPerDay() {
		return this.perAddressPerDay;
	}

	int perNoticePerHour() {
		return this.perNoticePerHour;
	}

	/** Whether the signature names nobody (某同学, 一群众, 知情人, ***). */
	static boolean namesNobody(String name) {
		String n = name.replaceAll("\\s+", "");
		if (n.startsWith("某") || PLACEHOLDER.matcher(n).matches()) {
			return true;
		}
		if (NOBODY_PARTS.stream().anyMatch(n::contains)) {
			return true;
		}
		String bare = NOBODY_PREFIX.matcher(n).replaceFirst("");
		return NOBODY.contains(bare) || NOBODY.stream().anyMatch((word) -> bare.equals(word + "们"));
	}

	private static String cut(String s, int length) {
		return (s.length() > length) ? s.substring(0, length) : s;
	}

	private static String trim(String s) {
		return (s == null) ? "" : s.trim();
	}

}
