package org.cyl.excellence.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code app.public-url}: the address people reach the application at (PublicUrl).
 *
 * @param publicUrl scheme, host, port and context path; empty: this machine at the port
 * the server listens on
 */
@ConfigurationProperties("app")
public record PublicUrlProperties(@DefaultValue("") String publicUrl) {

}
