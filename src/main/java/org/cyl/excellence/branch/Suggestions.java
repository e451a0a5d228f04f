package org.cyl.excellence.branch;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.cyl.excellence.appraisal.BallotCommented;
import org.cyl.excellence.campaign.Campaign;
import org.cyl.excellence.campaign.Campaigns;
import org.cyl.excellence.organization.Organization;
import org.cyl.excellence.organization.OrganizationDirectory;
import org.cyl.excellence.organization.OrganizationType;
import org.cyl.excellence.organization.Role;
import org.cyl.excellence.shared.AddressLimit;
import org.cyl.excellence.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 多提意见 (000 四): suggestions to a branch in a campaign, from the suggestion box of its
 * public page and from the comments of its ballots, answered by the branch's secretary or
 * a committee member of the organisation above it; the answered ones are shown on the
 * public page. Plain text only ({@value #MIN_LENGTH}–{@value #MAX_LENGTH} characters, no
 * markup, no links). Nothing identifying the writer is stored (table suggestion: the text
 * and the date); the box takes at most {@value #PER_ADDRESS_PER_DAY} suggestions a day
 * from one client address and {@value #PER_BRANCH_PER_HOUR} an hour to one branch from
 * everyone, counted in memory ({@link AddressLimit}).
 */
@Service
class Suggestions {

	static final int MIN_LENGTH = 5;

	static final int MAX_LENGTH = 500;

	static final int MAX_ANSWER = 1000;

	static final int PER_ADDRESS_PER_DAY = 5;

	static final int PER_BRANCH_PER_HOUR = 30;

	private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z/!?]|&#?\\w+;");

	private static final Pattern LINK = Pattern.compile("(?i)(https?://|www\\.|\\w+\\.(com|cn|net|org)\\b)");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final OrganizationDirectory organizations;

	private final ApplicationEventPublisher events;

	private final AddressLimit perAddress;

	private final AddressLimit perBranch;

	Suggestions(JdbcClient jdbc, Campaigns campaigns, OrganizationDirectory organizations,
			ApplicationEventPublisher events, org.springframework.beans.factory.ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.organizations = organizations;
		this.events = events;
		Clock c = clock.getIfAvailable(Clock::systemUTC);
		this.perAddress = new AddressLimit(PER_ADDRESS_PER_DAY, Duration.ofDays(1), 10_000, c);
		this.perBranch = new AddressLimit(PER_BRANCH_PER_HOUR, Duration.ofHours(1), 10_000, c);
	}

	/** A refused suggestion: the message says why, in Chinese; nothing was stored. */
	static class Refused extends RuntimeException {

		private final int status;

		Refused(int status, String message) {
			super(message);
			this.status = status;
		}

		int status() {
			return this.status;
		}

	}

	record Suggestion(long id, String source, String content, LocalDate receivedOn, String answer,
			LocalDate answeredOn) {

		public String sourceLabel() {
			return "BALLOT".equals(this.source) ? "评议选票" : "意见箱";
		}

	}

	/**
	 * The plain text of a suggestion as it will be stored.
	 * @throws Refused when it is too short or long, or holds markup, links or control
	 * characters
	 */
	static String plainText(String content) {
		String text = (content == null) ? "" : content.replace("\r\n", "\n").strip();
		if (text.length() < MIN_LENGTH || text.length() > MAX_LENGTH) {
			throw new Refused(400, "意见建议应为 " + MIN_LENGTH + " 到 " + MAX_LENGTH + " 个字");
		}
		if (CONTROL.matcher(text).find()) {
			throw new Refused(400, "意见建议含有无法显示的字符，请只写文字");
		}
		if (MARKUP.matcher(text).find()) {
			throw new Refused(400, "意见建议只接受纯文字，不能包含网页标记（如 <…>）");
		}
		if (LINK.matcher(text).find()) {
			throw new Refused(400, "意见建议不能包含网址链接，请直接写明您的意见");
		}
		return text;
	}

	/**
	 * Puts a suggestion from the public page's box into the branch's list.
	 * @throws Refused with the reason, when nothing was stored
	 */
	@Transactional
	void submit(String campaignId, String branchCode, String content, String clientAddress) {
		String text = plainText(content);
		String address = (clientAddress == null) ? "" : clientAddress;
		if (!this.perAddress.tryUse(address)) {
			throw new Refused(429, "同一网络地址 24 小时内最多提交 " + PER_ADDRESS_PER_DAY + " 条意见建议，已达上限，本条未予登记。请明天再提交。");
		}
		if (!this.perBranch.tryUse(campaignId + "/" + branchCode)) {
			this.perAddress.giveBack(address);
			throw new Refused(429, "本支部 1 小时内收到的意见建议已达 " + PER_BRANCH_PER_HOUR + " 条的上限，本条未予登记。请稍后再提交。");
		}
		store(campaignId, branchCode, "BOX", text);
	}

	/**
	 * A ballot's free comment on a branch's appraisal reaches the branch's list too (in
	 * the ballot's transaction); a comment that is no plain text stays on the ballot
	 * only.
	 */
	@EventListener
	void ballotCommented(BallotCommented comment) {
		String text;
		try {
			text = plainText(comment.comment());
		}
		catch (Refused refused) {
			return;
		}
		Organization org = this.organizations.find(comment.orgCode()).orElse(null);
		if (org != null && org.type() == OrganizationType.BRANCH
				&& this.campaigns.branchProcessInstance(comment.campaignId(), comment.orgCode()).isPresent()) {
			store(comment.campaignId(), comment.orgCode(), "BALLOT", text);
		}
	}

	private void store(String campaignId, String branchCode, String source, String text) {
		Campaign campaign = this.campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("活动不存在"));
		Organization branch = this.organizations.find(branchCode).orElseThrow(() -> new NotFoundException("团支部不存在"));
		this.jdbc.sql("""
				insert into suggestion (campaign_id, branch_code, source, content, received_on)
				values (?, ?, ?, ?, ?)""")
			.params(campaignId, branchCode, source, text, Date.valueOf(LocalDate.now()))
			.update();
		this.events.publishEvent(new SuggestionReceived(campaignId, campaign.plan().title(), branchCode, branch.name(),
				branch.parentCode(), listPage(campaignId, branchCode)));
	}

	static String listPage(String campaignId, String branchCode) {
		return "/campaigns/" + campaignId + "/branches/" + branchCode + "/suggestions";
	}

	/** Every suggestion to the branch in the campaign, the latest first. */
	List<Suggestion> all(String campaignId, String branchCode) {
		return this.jdbc.sql("""
				select id, source, content, received_on, answer, answered_on from suggestion
				where campaign_id = ? and branch_code = ? order by id desc""")
			.params(campaignId, branchCode)
			.query((rs, n) -> new Suggestion(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getString(5), rs.getObject(6, LocalDate.class)))
			.list();
	}

	/** The answered suggestions, as the public page shows them. */
	List<Suggestion> answered(String campaignId, String branchCode) {
		return all(campaignId, branchCode).stream().filter((s) -> s.answer() != null).toList();
	}

	/**
	 * Whether the person answers the branch's suggestions: its secretary, or a committee
	 * member of an organisation above it.
	 */
	boolean mayAnswer(Authentication authentication, Organization branch) {
		if (authentication == null) {
			return false;
		}
		String user = authentication.getName();
		if (this.organizations.organizationsWhere(user, Role.SECRETARY).contains(branch.code())) {
			return true;
		}
		List<String> committees = this.organizations.organizationsWhere(user, Role.COMMITTEE);
		String above = branch.parentCode();
		while (above != null) {
			if (committees.contains(above)) {
				return true;
			}
			above = this.organizations.find(above).map(Organization::parentCode).orElse(null);
		}
		return false;
	}

	/**
	 * The branch, once the person may read and answer its suggestions; else 404 or 403.
	 */
	Organization open(String campaignId, String branchCode, Authentication authentication) {
		this.campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("活动 " + campaignId + " 不存在"));
		Organization branch = this.organizations.find(branchCode)
			.filter((o) -> o.type() == OrganizationType.BRANCH)
			.orElseThrow(() -> new NotFoundException("团支部 " + branchCode + " 不存在"));
		if (!mayAnswer(authentication, branch)) {
			throw new AccessDeniedException("只有本支部书记和上级团组织委员可以查看和答复" + branch.name() + "收到的意见建议");
		}
		return branch;
	}

	/** Answers (or corrects the answer to) a suggestion of the branch. */
	@Transactional
	void answer(String campaignId, String branchCode, long id, String answer, String user) {
		String text = (answer == null) ? "" : answer.replace("\r\n", "\n").strip();
		if (text.isEmpty() || text.length() > MAX_ANSWER) {
			throw new IllegalArgumentException("答复应为 1 到 " + MAX_ANSWER + " 个字");
		}
		int updated = this.jdbc.sql("""
				update suggestion set answer = ?, answered_by = ?, answered_on = ?
				where id = ? and campaign_id = ? and branch_code = ?""")
			.params(text, user, Date.valueOf(LocalDate.now()), id, campaignId, branchCode)
			.update();
		if (updated == 0) {
			throw new NotFoundException("没有这条意见建议");
		}
	}

}
