package org.cyl.excellence.campaign;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the other modules ask of the campaigns and the branches taking part (campaign,
 * campaign_branch): each question one query, whatever the number of branches or campaigns
 * asked about.
 */
@Service
public class Campaigns {

	private final CampaignRepository repository;

	private final JdbcClient jdbc;

	Campaigns(CampaignRepository repository, JdbcClient jdbc) {
		this.repository = repository;
		this.jdbc = jdbc;
	}

	/** A campaign with its plan (and rounds), if there is one of this id. */
	public Optional<Campaign> find(String campaignId) {
		return this.repository.find(campaignId);
	}

	/** Every campaign, newest first (without its rounds). */
	public List<Campaign> findAll() {
		return this.repository.findAll();
	}

	/** When, by whom and why the campaign was withdrawn; empty when it was not. */
	public Optional<Withdrawal> withdrawal(String campaignId) {
		return this.repository.withdrawal(campaignId);
	}

	/** The name of a standard set (四有 / 五有). */
	public String standardSetName(String code) {
		return this.repository.standardSetName(code);
	}

	/**
	 * The items of a standard set: kind ORG (organisations) or MEMBER (members), in
	 * order.
	 */
	public List<String> standardItems(String setCode, String kind) {
		return this.repository.standardItems(setCode, kind);
	}

	/** stage → number of branches. */
	public Map<String, Integer> stageCounts(String campaignId) {
		return this.repository.stageCounts(campaignId);
	}

	/** How many campaigns there are. */
	public int count() {
		return this.jdbc.sql("select count(*) from campaign").query(Integer.class).single();
	}

	/** The campaign the process instance of CampaignProcess runs. */
	public Optional<String> idOfProcessInstance(String processInstanceId) {
		return this.jdbc.sql("select id from campaign where process_instance_id = ?")
			.param(processInstanceId)
			.query(String.class)
			.optional();
	}

	/** How many of the campaign's branches have their process started. */
	public int startedBranches(String campaignId) {
		return this.jdbc
			.sql("select count(*) from campaign_branch where campaign_id = ? and process_instance_id is not null")
			.param(campaignId)
			.query(Integer.class)
			.single();
	}

	/** The process instance of the branch's BranchCampaignProcess, once started. */
	public Optional<String> branchProcessInstance(String campaignId, String branchCode) {
		return this.repository.branchProcessInstance(campaignId, branchCode);
	}

	/** The branch's stage in the campaign (BranchStages), null when it takes no part. */
	public String stage(String campaignId, String branchCode) {
		return this.jdbc.sql("select stage from campaign_branch where campaign_id = ? and branch_code = ?")
			.params(campaignId, branchCode)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/** The campaign's branches → their stage, ordered by branch code. */
	public Map<String, String> stages(String campaignId) {
		Map<String, String> stages = new LinkedHashMap<>();
		this.jdbc.sql("select branch_code, stage from campaign_branch where campaign_id = ? order by branch_code")
			.param(campaignId)
			.query((rs) -> {
				stages.put(rs.getString(1), rs.getString(2));
			});
		return stages;
	}

	/** A running campaign and how many of the branches asked about take part in it. */
	public record Running(String id, String title, String committeeCode, int branches) {
	}

	/** The running campaigns any of the branches takes part in, oldest first. */
	public List<Running> running(Collection<String> branchCodes) {
		if (branchCodes.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select c.id, c.title, c.committee_code, count(*) from campaign c
				join campaign_branch b on b.campaign_id = c.id
				where c.status = 'RUNNING' and b.branch_code in (:branches)
				group by c.id, c.title, c.committee_code, c.created_at order by c.created_at""")
			.param("branches", branchCodes)
			.query((rs, n) -> new Running(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

	/**
	 * The campaigns (in any state) any of the branches takes part in → those of the
	 * branches that do, by code.
	 */
	public Map<String, List<String>> takingPart(Collection<String> branchCodes) {
		Map<String, List<String>> campaigns = new HashMap<>();
		if (branchCodes.isEmpty()) {
			return campaigns;
		}
		this.jdbc
			.sql("select campaign_id, branch_code from campaign_branch where branch_code in (:branches) "
					+ "order by campaign_id, branch_code")
			.param("branches", branchCodes)
			.query((rs) -> {
				campaigns.computeIfAbsent(rs.getString(1), (c) -> new ArrayList<>()).add(rs.getString(2));
			});
		return campaigns;
	}

	/** A branch's stage in a campaign. */
	public record BranchStage(String campaignId, String branchCode, String stage) {
	}

	/** The stages of the branches in the campaigns, the oldest campaign first. */
	public List<BranchStage> stagesIn(Collection<String> campaignIds, Collection<String> branchCodes) {
		if (campaignIds.isEmpty() || branchCodes.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("""
					select b.campaign_id, b.branch_code, b.stage from campaign_branch b join campaign c on c.id = b.campaign_id
					where b.campaign_id in (:campaigns) and b.branch_code in (:branches) order by c.created_at""")
			.param("campaigns", campaignIds)
			.param("branches", branchCodes)
			.query((rs, n) -> new BranchStage(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** Campaign id → title, for the campaigns asked. */
	public Map<String, String> titles(Collection<String> campaignIds) {
		Map<String, String> titles = new HashMap<>();
		if (campaignIds.isEmpty()) {
			return titles;
		}
		this.jdbc.sql("select id, title from campaign where id in (:ids)").param("ids", campaignIds).query((rs) -> {
			titles.put(rs.getString(1), rs.getString(2));
		});
		return titles;
	}

	/** A branch that finished a campaign. */
	public record Finished(String branchCode, String campaignTitle) {
	}

	/**
	 * The branches that finished a campaign in [from, to), in the order they finished.
	 */
	public List<Finished> finishedBetween(Collection<String> branchCodes, LocalDateTime from, LocalDateTime to) {
		if (branchCodes.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("""
					select b.branch_code, c.title from campaign_branch b join campaign c on c.id = b.campaign_id
					where b.stage = 'FINISHED' and b.branch_code in (:branches) and b.updated_at >= :start and b.updated_at < :end
					order by b.updated_at""")
			.param("branches", branchCodes)
			.param("start", Timestamp.valueOf(from))
			.param("end", Timestamp.valueOf(to))
			.query((rs, n) -> new Finished(rs.getString(1), rs.getString(2)))
			.list();
	}

	/** A campaign not completed yet: its id and title. */
	public record Unfinished(String id, String title) {
	}

	/** The campaigns neither completed nor withdrawn, oldest first. */
	public List<Unfinished> unfinished() {
		return new ArrayList<>(this.jdbc.sql(
				"select id, title from campaign where status not in ('COMPLETED', 'WITHDRAWN') order by created_at, id")
			.query((rs, n) -> new Unfinished(rs.getString(1), rs.getString(2)))
			.list());
	}

}
