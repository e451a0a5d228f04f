package org.cyl.excellence.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of {@code bpmn/} and {@code forms/} as ONE deployment when the
 * engine starts, so that {@code camunda:formRefBinding="deployment"} finds every form
 * beside its process.
 * <p>
 * This replaces the starter's auto-deployment, which names a resource by its absolute
 * file path when started with {@code spring-boot:run} and by its bare file name inside
 * the fat jar: the two never match, so the same models were deployed again whenever the
 * way of starting, or the directory of the checkout, changed. Here a resource is named by
 * its path below the classpath root ({@code bpmn/campaign/CampaignProcess.bpmn}), the
 * same in both. Duplicate filtering then compares with the last deployment of the same
 * name: a restart with no change deploys nothing, and any change deploys every model
 * again (never only the changed ones, which would leave forms behind).
 */
@Component
public class ModelDeployment extends AbstractProcessEnginePlugin {

	/** The name (and source) of the application's deployments, as shown in Cockpit. */
	public static final String DEPLOYMENT_NAME = "excellence-campaign";

	private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

	private static final List<String> ROOTS = List.of("bpmn/", "forms/");

	private final List<String> locations;

	private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	ModelDeployment(ModelProperties models) {
		this.locations = models.locations();
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		Map<String, Resource> resources = findResources();
		if (resources.isEmpty()) {
			log.info("No models found at {}: nothing deployed", this.locations);
			return;
		}
		DeploymentBuilder builder = engine.getRepositoryService()
			.createDeployment()
			.name(DEPLOYMENT_NAME)
			.source(DEPLOYMENT_NAME)
			.enableDuplicateFiltering(false);
		resources.forEach((name, resource) -> {
			try (InputStream in = resource.getInputStream()) {
				builder.addInputStream(name, in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read model " + name, ex);
			}
		});
		Deployment deployment = builder.deploy();
		log.info("Models {}: deployment {}", resources.keySet(), deployment.getId());
	}

	/** Resource name (path below the classpath root) → resource, in a stable order. */
	Map<String, Resource> findResources() {
		Map<String, Resource> found = new TreeMap<>();
		for (String location : this.locations) {
			try {
				for (Resource resource : this.resolver.getResources(location)) {
					if (resource.isReadable()) {
						found.putIfAbsent(nameOf(resource), resource);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot list models at " + location, ex);
			}
		}
		return found;
	}

	/**
	 * The path from the last {@code bpmn/} or {@code forms/} on, wherever the class path
	 * root is.
	 */
	private static String nameOf(Resource resource) throws IOException {
		String url = resource.getURL().toString();
		int best = -1;
		for (String root : ROOTS) {
			best = Math.max(best, url.lastIndexOf("/" + root));
		}
		return (best >= 0) ? url.substring(best + 1) : resource.getFilename();
	}

}
