package org.cyl.excellence.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.TestHttp.NamedBytes;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model of its own for the tests of 模型版本（现行）, so that no other test's models change:
 * the process {@code ModelVersionsProbe} with its form and a decision, deployed as an
 * administrator does it (Camunda Modeler over REST, HTTP Basic) and as the application
 * does (source {@code excellence-campaign}, no user). {@link #delete()} removes every
 * deployment it made, with the instances.
 */
class ModelVersionsProbe {

	static final String PROCESS = "ModelVersionsProbe";

	static final String FORM = "ModelVersionsProbeForm";

	static final String DECISION = "ModelVersionsProbeDecision";

	static final String DIAGRAM_FILE = "ModelVersionsProbe.bpmn";

	private static final String[] FILES = { DIAGRAM_FILE, "ModelVersionsProbeForm.form",
			"ModelVersionsProbeDecision.dmn" };

	private final RepositoryService repository;

	private final int port;

	private final List<String> deployments = new ArrayList<>();

	ModelVersionsProbe(RepositoryService repository, int port) {
		this.repository = repository;
		this.port = port;
	}

	/**
	 * What Camunda Modeler sends when {@code admin} deploys the probe: these of its files
	 * (the diagram, the form, the decision table), all three when none are named.
	 */
	String deployFromModeler(String... files) throws IOException {
		Map<String, NamedBytes> parts = new LinkedHashMap<>();
		parts.put("deployment-name", NamedBytes.utf8("", "model-versions-probe"));
		parts.put("deployment-source", NamedBytes.utf8("", "Camunda Modeler"));
		parts.put("deploy-changed-only", NamedBytes.utf8("", "false"));
		for (String file : (files.length == 0) ? FILES : files) {
			parts.put(file, new NamedBytes(file, read(file)));
		}
		HttpResponse<String> response = TestHttp.basic(this.port, "admin", "admin")
			.postFiles("/engine-rest/deployment/create", parts);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String id = new ObjectMapper().readTree(response.body()).path("id").asText();
		assertThat(this.repository.createDeploymentQuery().deploymentId(id).count()).isEqualTo(1);
		this.deployments.add(id);
		return id;
	}

	/** The same models as the application deploys them at its start. */
	String deployAsTheApplication() throws IOException {
		return deploy(ModelDeployment.DEPLOYMENT_NAME);
	}

	/**
	 * The same models deployed by code with no user and no source, as no user operation
	 * log entry tells who did it.
	 */
	String deployUnrecorded() throws IOException {
		return deploy(null);
	}

	private String deploy(String source) throws IOException {
		DeploymentBuilder builder = this.repository.createDeployment().name("model-versions-probe").source(source);
		for (String file : FILES) {
			builder.addString(file, new String(read(file), java.nio.charset.StandardCharsets.UTF_8));
		}
		String id = builder.deploy().getId();
		this.deployments.add(id);
		return id;
	}

	void delete() {
		for (String id : this.deployments) {
			this.repository.deleteDeployment(id, true);
		}
		this.deployments.clear();
	}

	private static byte[] read(String file) throws IOException {
		try (InputStream in = new ClassPathResource("testmodels/versions/" + file).getInputStream()) {
			return in.readAllBytes();
		}
	}

}
