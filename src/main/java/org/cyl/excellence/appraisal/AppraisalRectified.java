package org.cyl.excellence.appraisal;

/**
 * Published when the secretary of an organisation criticised by a mass appraisal of a
 * campaign wrote the measures it takes (限期整改): the organisation's record keeps them
 * (branch listens, in the same transaction).
 *
 * @param measures the measures and the appraisal's id, as JSON
 */
public record AppraisalRectified(String campaignId, String orgCode, String appraisalId, String measures,
		String author) {
}
