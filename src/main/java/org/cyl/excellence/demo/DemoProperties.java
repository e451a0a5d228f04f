package org.cyl.excellence.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code app.demo-data}: the demo university (DemoUniversity) and its running campaign
 * (DemoCampaign) on an empty database.
 *
 * @param enabled load the demo university when the organisation tables are empty
 * @param campaign and stage a running campaign with branches at different steps
 */
@ConfigurationProperties("app.demo-data")
public record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean campaign) {

}
