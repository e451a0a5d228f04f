package org.cyl.excellence.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
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
 * Deploys the models of {@code bpmn/} and {@code forms/} when the engine starts: only
 * those that changed since the application last deployed them.
 * <p>
 * Every link of a model — a form ({@code camunda:formRef}), a called process, a decision
 * — is bound {@code latest} (bpmn/README.md), and Java evaluates decisions by key, so
 * each key's latest version is what new work uses, whichever deployment it came in. That
 * lets an administrator deploy one edited model from Camunda Modeler, and lets this class
 * deploy only what a release changed ({@code deploy-changed-only}: the engine compares
 * each resource with the last one of the same name in the application's own deployments,
 * named {@value #DEPLOYMENT_NAME}). So a restart never undoes an administrator's
 * deployment — an unchanged model is not deployed again — while a release whose model of
 * a key changed does supersede the administrator's version of that key: logged here as a
 * WARN line per key, and shown on the administrators' page of the models in force.
 * <p>
 * A resource is named by its path below the classpath root
 * ({@code bpmn/campaign/CampaignProcess.bpmn}), the same under {@code spring-boot:run}
 * and inside the fat jar (the starter's auto-deployment named it by absolute path in one
 * and by file name in the other, so every change of the way of starting deployed
 * everything again).
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
		RepositoryService repository = engine.getRepositoryService();
		Set<String> before = deploymentIds(repository);
		DeploymentBuilder builder = repository.createDeployment()
			.name(DEPLOYMENT_NAME)
			.source(DEPLOYMENT_NAME)
			.enableDuplicateFiltering(true);
		resources.forEach((name, resource) -> {
			try (InputStream in = resource.getInputStream()) {
				builder.addInputStream(name, in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read model " + name, ex);
			}
		});
		Deployment deployment = builder.deploy();
		if (before.contains(deployment.getId())) {
			log.info("Models unchanged since deployment {}: nothing deployed", deployment.getId());
			return;
		}
		log.info("Models {}: deployment {}", repository.getDeploymentResourceNames(deployment.getId()),
				deployment.getId());
		reportSuperseded(engine, deployment.getId());
	}

	private static Set<String> deploymentIds(RepositoryService repository) {
		Set<String> ids = new HashSet<>();
		repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).list().forEach((d) -> ids.add(d.getId()));
		return ids;
	}

	/**
	 * One WARN line per key whose administrator's version this release superseded, as the
	 * page of the models in force ({@link ModelVersions}) tells it.
	 */
	private static void reportSuperseded(ProcessEngine engine, String deploymentId) {
		ModelVersions.Overview overview = new ModelVersions(engine).overview();
		for (List<ModelVersions.Model> models : List.of(overview.processes(), overview.decisions(), overview.forms())) {
			for (ModelVersions.Model model : models) {
				if (model.superseded() != null && deploymentId.equals(model.deploymentId())) {
					log.warn(
							"This release's {} supersedes version {} deployed from {} at {}: new work uses the release's model, the edit is no longer in force",
							model.key(), model.superseded().version(), model.superseded().origin(),
							model.superseded().deployedAt());
				}
			}
		}
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
