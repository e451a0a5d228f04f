package org.cyl.excellence.engine;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;

/**
 * What a deployment brings — its BPMN, DMN and form resources, parsed — and what is in
 * force before it: the latest deployed version of a process, decision or form, read from
 * the database within the deploying command (the new deployment's definitions are not yet
 * there). A resource that does not parse is left out: the engine's own deployers refuse
 * it with their own message. For DeploymentChecks; one per checked deployment.
 */
final class DeploymentModels {

	/** A BPMN file of the deployment. */
	record BpmnFile(String resource, BpmnModelInstance model) {
	}

	/** A DMN file of the deployment. */
	record DmnFile(String resource, DmnModelInstance model) {
	}

	/** A form of the deployment. */
	record FormFile(String resource, FormSchema schema) {
	}

	private final CommandContext context;

	private final List<BpmnFile> processes = new ArrayList<>();

	private final List<DmnFile> decisions = new ArrayList<>();

	private final List<FormFile> forms = new ArrayList<>();

	private final Map<String, Optional<Object>> inForce = new HashMap<>();

	DeploymentModels(DeploymentEntity deployment, CommandContext context) {
		this.context = context;
		for (ResourceEntity resource : deployment.getResources().values()) {
			String name = resource.getName();
			try {
				if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
					this.processes.add(new BpmnFile(name, bpmn(resource.getBytes())));
				}
				else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
					this.decisions.add(new DmnFile(name, dmn(resource.getBytes())));
				}
				else if (name.endsWith(".form")) {
					this.forms.add(new FormFile(name, FormSchema.parse(resource.getBytes())));
				}
			}
			catch (ModelException | UncheckedIOException unreadable) {
				// the engine's deployer refuses it, naming what is wrong
			}
		}
	}

	List<BpmnFile> processes() {
		return this.processes;
	}

	List<DmnFile> decisions() {
		return this.decisions;
	}

	List<FormFile> forms() {
		return this.forms;
	}

	/**
	 * The form a {@code camunda:formRef} finds (bound latest): this deployment's, else
	 * the one in force; null when there is none.
	 */
	FormSchema form(String id) {
		for (FormFile form : this.forms) {
			if (id.equals(form.schema().id())) {
				return form.schema();
			}
		}
		return formInForce(id);
	}

	/**
	 * Whether a {@code calledElement} finds a process: in this deployment or in force.
	 */
	boolean hasProcess(String key) {
		for (BpmnFile file : this.processes) {
			if (file.model().getModelElementById(key) instanceof Process) {
				return true;
			}
		}
		return this.context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key) != null;
	}

	/**
	 * The decision a {@code camunda:decisionRef} finds: this deployment's, else the one
	 * in force; null when there is none.
	 */
	Decision decision(String key) {
		for (DmnFile file : this.decisions) {
			if (file.model().getModelElementById(key) instanceof Decision decision) {
				return decision;
			}
		}
		return decisionInForce(key);
	}

	/** The latest deployed version of a form, or null. */
	FormSchema formInForce(String id) {
		return inForce("form:" + id, () -> this.context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(id),
				FormSchema::parse);
	}

	/** The latest deployed version of a process, or null. */
	Process processInForce(String key) {
		BpmnModelInstance model = inForce("process:" + key,
				() -> this.context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key),
				DeploymentModels::bpmn);
		return (model != null && model.getModelElementById(key) instanceof Process process) ? process : null;
	}

	/** The latest deployed version of a decision, or null. */
	Decision decisionInForce(String key) {
		DmnModelInstance model = inForce("decision:" + key,
				() -> this.context.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key),
				DeploymentModels::dmn);
		return (model != null && model.getModelElementById(key) instanceof Decision decision) ? decision : null;
	}

	@SuppressWarnings("unchecked")
	private <T> T inForce(String cacheKey, Supplier<ResourceDefinition> latest, Function<byte[], T> parse) {
		return (T) this.inForce.computeIfAbsent(cacheKey, (k) -> {
			ResourceDefinition definition = latest.get();
			if (definition == null) {
				return Optional.empty();
			}
			ResourceEntity resource = this.context.getResourceManager()
				.findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
			return Optional.ofNullable((resource != null) ? parse.apply(resource.getBytes()) : null);
		}).orElse(null);
	}

	private static BpmnModelInstance bpmn(byte[] bytes) {
		return Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
	}

	private static DmnModelInstance dmn(byte[] bytes) {
		return Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
	}

}
