package org.cyl.excellence.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;

import org.springframework.stereotype.Component;

/**
 * Starts one process instance per branch (团支部) of a committee's subtree, a chunk of
 * branches per asynchronous job — the fan-out of design.md (no multi-instance over all
 * branches, no single huge transaction) for the standing duties, which launch like the
 * campaign. The launching model lists the chunks ({@link #chunks}) into the collection of
 * a parallel multi-instance sub-process whose loop characteristics are
 * {@code asyncBefore} and not exclusive, so that the chunks' jobs run at the same time on
 * every thread of every node; its service task calls {@link #startChunk} and is
 * {@code asyncAfter}, so that the chunks' ends, which update the multi-instance's
 * counters, are exclusive jobs and never run at once. A chunk writes only what belongs to
 * the organisations of its chunk (their processes and their rows), nothing of the launch.
 * A chunk taken up again after a failure starts no branch twice: a branch whose business
 * key already has an instance of the process is skipped. That check does not see another
 * chunk's start before it commits; chunks are disjoint slices of the same sorted list,
 * and should the subtree change while a fan-out runs so that two chunks both take an
 * organisation, each duty's table refuses the second start by its key
 * (member_appraisal_branch, duty_report, party_recommendation_branch): that chunk fails,
 * is taken up again and skips it. The chunk size is
 * {@code app.standing-duties.fan-out-chunk-size} ({@link FanOutProperties}).
 */
@Component
public class SubtreeFanOut {

	private final OrganizationDirectory organizations;

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final int chunkSize;

	SubtreeFanOut(OrganizationDirectory organizations, RuntimeService runtimeService, HistoryService historyService,
			FanOutProperties properties) {
		this.organizations = organizations;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.chunkSize = properties.fanOutChunkSize();
	}

	/** The chunk numbers 0 … n−1 for the branches at or below the committee. */
	public List<Integer> chunks(String committeeCode) {
		int branches = this.organizations.branchesBelow(committeeCode).size();
		return IntStream.range(0, (branches + this.chunkSize - 1) / this.chunkSize).boxed().toList();
	}

	/**
	 * Starts the process for each branch of the chunk that has none yet under the same
	 * business key; returns how many it started.
	 * @param businessKey the instance's business key for a branch (readable, unique per
	 * launch)
	 * @param variables the instance's start variables for a branch
	 */
	public int startChunk(String committeeCode, int chunk, String processKey,
			Function<Organization, String> businessKey, Function<Organization, Map<String, Object>> variables) {
		List<String> branches = this.organizations.branchesBelow(committeeCode);
		int from = Math.min(branches.size(), chunk * this.chunkSize);
		int to = Math.min(branches.size(), from + this.chunkSize);
		Map<String, Organization> byCode = this.organizations.byCode();
		int started = 0;
		for (String code : branches.subList(from, to)) {
			Organization branch = byCode.get(code);
			String key = businessKey.apply(branch);
			if (this.historyService.createHistoricProcessInstanceQuery()
				.processDefinitionKey(processKey)
				.processInstanceBusinessKey(key)
				.count() > 0) {
				continue;
			}
			this.runtimeService.startProcessInstanceByKey(processKey, key, variables.apply(branch));
			started++;
		}
		return started;
	}

	/**
	 * The organisations of the given types strictly below the committee (the committee
	 * itself left out), ordered by code: e.g. every 团总支 and 团支部 whose secretary reports
	 * in a duty launched by a 团委 (书记抓、抓书记). Started in chunks as by {@link #startChunk},
	 * with {@link #chunksOf} and {@link #startChunkOf}.
	 */
	public List<String> below(String committeeCode, Set<OrganizationType> types) {
		Map<String, Organization> byCode = this.organizations.byCode();
		List<String> found = new ArrayList<>();
		for (Organization o : byCode.values()) {
			if (!o.code().equals(committeeCode) && types.contains(o.type()) && isBelow(o, committeeCode, byCode)) {
				found.add(o.code());
			}
		}
		found.sort(String::compareTo);
		return found;
	}

	private static boolean isBelow(Organization org, String committeeCode, Map<String, Organization> byCode) {
		int depth = 0;
		for (Organization o = org; o != null && o.parentCode() != null
				&& depth++ < 100; o = byCode.get(o.parentCode())) {
			if (o.parentCode().equals(committeeCode)) {
				return true;
			}
		}
		return false;
	}

	/** The chunk numbers 0 … n−1 for the organisations of {@link #below}. */
	public List<Integer> chunksOf(String committeeCode, Set<OrganizationType> types) {
		int found = below(committeeCode, types).size();
		return IntStream.range(0, (found + this.chunkSize - 1) / this.chunkSize).boxed().toList();
	}

	/**
	 * As {@link #startChunk}, for the organisations of {@link #below}: starts the process
	 * for each of the chunk that has none yet under the same business key; returns how
	 * many it started.
	 */
	public int startChunkOf(String committeeCode, Set<OrganizationType> types, int chunk, String processKey,
			Function<Organization, String> businessKey, Function<Organization, Map<String, Object>> variables) {
		List<String> found = below(committeeCode, types);
		int from = Math.min(found.size(), chunk * this.chunkSize);
		int to = Math.min(found.size(), from + this.chunkSize);
		Map<String, Organization> byCode = this.organizations.byCode();
		int started = 0;
		for (String code : found.subList(from, to)) {
			Organization org = byCode.get(code);
			String key = businessKey.apply(org);
			if (this.historyService.createHistoricProcessInstanceQuery()
				.processDefinitionKey(processKey)
				.processInstanceBusinessKey(key)
				.count() > 0) {
				continue;
			}
			this.runtimeService.startProcessInstanceByKey(processKey, key, variables.apply(org));
			started++;
		}
		return started;
	}

}
