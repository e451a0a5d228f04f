package org.cyl.excellence.branch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cyl.excellence.appraisal.BallotNotes;
import org.cyl.excellence.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Under each standard item of a branch's ballot, what the branch promised for it in its
 * latest published round (承诺 and 措施), and the link to its public page (公开承诺): the youth
 * rate what they can read.
 */
@Component
class PledgeBallotNotes implements BallotNotes {

	private final PublicPledges pledges;

	PledgeBallotNotes(PublicPledges pledges) {
		this.pledges = pledges;
	}

	@Override
	public Optional<Notes> notes(String campaignId, String orgCode, boolean candidateList, List<String> items) {
		if (candidateList || campaignId == null) {
			return Optional.empty();
		}
		PublicPledges.Page page;
		try {
			page = this.pledges.page(campaignId, orgCode);
		}
		catch (NotFoundException notABranchOfTheCampaign) {
			return Optional.empty();
		}
		List<String> perItem = new ArrayList<>();
		List<PublicPledges.ItemPledge> promised = page.latest()
			.map(PublicPledges.Round::organizationPledge)
			.orElse(List.of());
		for (String item : items) {
			perItem.add(promised.stream()
				.filter((p) -> p.item().equals(item))
				.findFirst()
				.map((p) -> "承诺：" + p.commitment() + ((p.measures() != null) ? "　措施：" + p.measures() : ""))
				.orElse(null));
		}
		return Optional.of(new Notes(perItem, "查看" + page.branchName() + "的公开承诺、评诺和点评", page.path()));
	}

}
