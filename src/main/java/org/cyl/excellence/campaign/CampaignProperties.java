package org.cyl.excellence.campaign;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.campaign}: how the campaign fans out to its branches (ListBranchesDelegate,
 * StartBranchesDelegate).
 *
 * @param fanOutChunkSize how many branches one job of the fan-out starts
 */
@Validated
@ConfigurationProperties("app.campaign")
public record CampaignProperties(@DefaultValue("50") @Positive int fanOutChunkSize) {

}
