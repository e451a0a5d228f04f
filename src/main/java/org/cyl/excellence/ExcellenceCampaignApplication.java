package org.cyl.excellence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * 创先争优工作平台: the League's strive-for-excellence campaign run on an embedded Camunda 7
 * engine.
 */
@SpringBootApplication
public class ExcellenceCampaignApplication {

	public static void main(String[] args) {
		SpringApplication.run(ExcellenceCampaignApplication.class, args);
	}

}
