package org.cyl.excellence.appraisal;

import java.util.List;
import java.util.Optional;

/**
 * What a ballot shows under the items it asks about, supplied by the modules that know
 * (the branch's published pledge per standard item, a candidate's deeds as published in
 * the 公示): implemented by a bean of such a module, asked by the ballot page.
 */
public interface BallotNotes {

	/** A note per item (null where there is none) and a page to read more. */
	record Notes(List<String> perItem, String pageLabel, String pageUrl) {
	}

	/**
	 * The notes for the items of an appraisal of {@code orgCode} in the campaign; empty
	 * when this bean has none.
	 * @param candidateList whether the items are the candidates of a list
	 */
	Optional<Notes> notes(String campaignId, String orgCode, boolean candidateList, List<String> items);

}
