package org.cyl.excellence.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.cyl.excellence.ApplicationTest;
import org.cyl.excellence.TestHttp;
import org.cyl.excellence.TestHttp.NamedBytes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda Modeler's deploy: a multipart {@code POST /engine-rest/deployment/create} with
 * HTTP Basic, the diagram and its form in one request. Administrators may; nobody else.
 */
@ApplicationTest
class DeploymentTests {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Test
	void administratorDeploysDiagramWithItsFormInOneDeployment() throws IOException {
		HttpResponse<String> response = TestHttp.basic(this.port, "admin", "admin")
			.postFiles("/engine-rest/deployment/create", modelerUpload("modeler-admin"));
		assertThat(response.statusCode()).isEqualTo(200);
		Deployment deployment = this.repositoryService.createDeploymentQuery()
			.deploymentName("modeler-admin")
			.singleResult();
		assertThat(deployment).isNotNull();
		assertThat(this.repositoryService.getDeploymentResourceNames(deployment.getId()))
			.containsExactlyInAnyOrder("IsolationTestProcess.bpmn", "IsolationTestForm.form");
		assertThat(this.repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).count())
			.isEqualTo(1);
	}

	@Test
	void everybodyElseIsRefusedWith403() throws IOException {
		long before = this.repositoryService.createDeploymentQuery().count();
		for (String user : new String[] { "manager", "secretary12", "sec120101", "party12", "m12010104" }) {
			HttpResponse<String> response = TestHttp.basic(this.port, user, "demo")
				.postFiles("/engine-rest/deployment/create", modelerUpload("modeler-" + user));
			assertThat(response.statusCode()).as(user).isEqualTo(403);
		}
		assertThat(this.repositoryService.createDeploymentQuery().count()).isEqualTo(before);
	}

	@Test
	void anonymousDeploymentIsRefusedWith401() throws IOException {
		HttpResponse<String> response = TestHttp.anonymous(this.port)
			.postFiles("/engine-rest/deployment/create", modelerUpload("modeler-anonymous"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
	}

	/**
	 * What Camunda Modeler sends: the deployment's name and settings, the diagram and its
	 * forms.
	 */
	private static Map<String, NamedBytes> modelerUpload(String name) throws IOException {
		Map<String, NamedBytes> parts = new LinkedHashMap<>();
		parts.put("deployment-name", NamedBytes.utf8("", name));
		parts.put("deployment-source", NamedBytes.utf8("", "Camunda Modeler"));
		parts.put("deploy-changed-only", NamedBytes.utf8("", "false"));
		parts.put("IsolationTestProcess.bpmn", read("testmodels/bpmn/IsolationTestProcess.bpmn"));
		parts.put("IsolationTestForm.form", read("testmodels/forms/IsolationTestForm.form"));
		return parts;
	}

	private static NamedBytes read(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			String filename = path.substring(path.lastIndexOf('/') + 1);
			return new NamedBytes(filename, in.readAllBytes());
		}
	}

}
