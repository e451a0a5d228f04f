package org.cyl.excellence.engine;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.models}: what ModelDeployment deploys as one deployment on start.
 *
 * @param locations resource patterns of the models and their forms
 */
@ConfigurationProperties("app.models")
public record ModelProperties(List<String> locations) {

}
