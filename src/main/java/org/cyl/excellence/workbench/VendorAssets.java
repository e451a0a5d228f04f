package org.cyl.excellence.workbench;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The libraries the application serves itself ({@code /vendor/<name>/<version>/}, put
 * there by the build): the version is in the address, so a browser keeps them a year
 * without asking again. Behind the login like the pages that use them, hence private.
 */
@Configuration(proxyBeanMethods = false)
class VendorAssets implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/vendor/**")
			.addResourceLocations("classpath:/static/vendor/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable());
	}

}
