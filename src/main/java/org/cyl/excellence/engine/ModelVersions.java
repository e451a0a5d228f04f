package org.cyl.excellence.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.repository.Deployment;

import org.springframework.stereotype.Component;

/**
 * What is in force: for every process, decision and form key the engine holds, the
 * version new work uses (the latest: every link is bound {@code latest}), who deployed
 * it, when and from where — the application at its start ({@link ModelDeployment}, no
 * user in the user operation log) or an administrator (Camunda Modeler over REST, the log
 * names him) — the running instances per process version, the older versions kept, and
 * where the application's version has taken the place of an administrator's (the version
 * just before the one in force was an administrator's), or an administrator's is in
 * force. Read as the application, not as the person: the page is the administrators'.
 */
@Component
class ModelVersions {

	/** 应用启动时部署: the deployments {@link ModelDeployment} makes. */
	static final String FROM_APPLICATION = "应用启动时部署";

	/** Who deployed when no user is recorded: the application at its start. */
	static final String APPLICATION = "应用";

	/**
	 * Who deployed when no user is recorded for a deployment not the application's (the
	 * log's entries are gone, or the history level keeps none).
	 */
	static final String UNRECORDED = "未记录";

	static final String MODELER_SOURCE = "Camunda Modeler";

	static final String ADMINISTRATOR_IN_FORCE = "管理员修改，现行";

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final ObjectMapper json = new ObjectMapper();

	private final ProcessEngine engine;

	private final RepositoryService repository;

	private final ManagementService management;

	private final HistoryService history;

	private final IdentityService identity;

	/**
	 * A form definition's title (its heading), by definition id: a definition never
	 * changes.
	 */
	private final Map<String, String> formTitles = new ConcurrentHashMap<>();

	ModelVersions(ProcessEngine engine) {
		this.engine = engine;
		this.repository = engine.getRepositoryService();
		this.management = engine.getManagementService();
		this.history = engine.getHistoryService();
		this.identity = engine.getIdentityService();
	}

	/**
	 * The three lists of the page, each by key, and how many keys have an administrator's
	 * version in force or one the application's version took the place of.
	 */
	record Overview(List<Model> processes, List<Model> decisions, List<Model> forms, long administratorsInForce,
			long superseded) {

		static Overview of(List<Model> processes, List<Model> decisions, List<Model> forms) {
			List<Model> all = new ArrayList<>(processes);
			all.addAll(decisions);
			all.addAll(forms);
			return new Overview(processes, decisions, forms, all.stream().filter(Model::administratorInForce).count(),
					all.stream().filter((m) -> m.superseded() != null).count());
		}

	}

	/**
	 * One key and the version in force.
	 *
	 * @param key the process, decision or form id
	 * @param name its name (a form: its heading), or null
	 * @param version the version new work uses (the latest)
	 * @param definitionId that version's definition id
	 * @param deploymentId its deployment
	 * @param deployedBy the user who deployed it (user operation log), null for the
	 * application
	 * @param deployer who deployed it, as the page says it: the person's name and user
	 * id, 应用, or 未记录 (no user in the log for a deployment not the application's)
	 * @param deployedAt when (the server's time)
	 * @param origin from where: 应用启动时部署, Camunda Modeler, or the deployment's source or
	 * name
	 * @param fromApplication whether the version in force is the application's
	 * @param administratorInForce whether an administrator's version is in force: one not
	 * the application's (nobody else may deploy)
	 * @param superseded the administrator's version that the application's version in
	 * force took the place of (the next older version kept, when not the application's),
	 * or null
	 * @param note what the page says of it: 管理员修改，现行, or 应用新版本已取代管理员 … 的版本 N
	 * @param versions how many versions of the key the engine keeps
	 * @param olderVersions how many of them are older than the one in force
	 * @param running processes: the instances per version, of the versions that have
	 * some, and the version in force (empty for decisions and forms)
	 */
	record Model(String key, String name, int version, String definitionId, String deploymentId, String deployedBy,
			String deployer, LocalDateTime deployedAt, String origin, boolean fromApplication,
			boolean administratorInForce, Superseded superseded, String note, int versions, int olderVersions,
			List<Running> running) {
	}

	/**
	 * The administrator's version the application's version in force took the place of.
	 */
	record Superseded(int version, String deployedBy, String deployer, LocalDateTime deployedAt, String origin) {
	}

	/** The running instances of a process version. */
	record Running(int version, long instances, boolean inForce) {
	}

	/** One version of a key, whatever its kind. */
	private record Definition(String key, String name, int version, String id, String deploymentId, String resourceName,
			long instances) {
	}

	/** A deployment as the page tells it. */
	private record Origin(String deployedBy, String deployer, LocalDateTime deployedAt, String origin,
			boolean fromApplication) {
	}

	Overview overview() {
		Map<String, Origin> origins = new HashMap<>();
		List<Definition> processes = this.management.createProcessDefinitionStatisticsQuery()
			.list()
			.stream()
			.map((p) -> new Definition(p.getKey(), p.getName(), p.getVersion(), p.getId(), p.getDeploymentId(),
					p.getResourceName(), p.getInstances()))
			.toList();
		List<Definition> decisions = this.repository.createDecisionDefinitionQuery()
			.list()
			.stream()
			.map((d) -> new Definition(d.getKey(), d.getName(), d.getVersion(), d.getId(), d.getDeploymentId(),
					d.getResourceName(), 0))
			.toList();
		List<Definition> forms = formDefinitions().stream()
			.map((f) -> new Definition(f.getKey(), null, f.getVersion(), f.getId(), f.getDeploymentId(),
					f.getResourceName(), 0))
			.toList();
		return Overview.of(models(processes, Kind.PROCESS, origins), models(decisions, Kind.DECISION, origins),
				models(forms, Kind.FORM, origins));
	}

	private enum Kind {

		PROCESS, DECISION, FORM

	}

	private List<Model> models(List<Definition> definitions, Kind kind, Map<String, Origin> origins) {
		Map<String, List<Definition>> byKey = definitions.stream()
			.collect(Collectors.groupingBy(Definition::key, TreeMap::new, Collectors.toList()));
		List<Model> models = new ArrayList<>();
		byKey.forEach((key, versions) -> {
			versions.sort(Comparator.comparingInt(Definition::version).reversed());
			Definition latest = versions.get(0);
			Origin origin = origins.computeIfAbsent(latest.deploymentId(), this::origin);
			Superseded superseded = null;
			// the version that was in force before the application's (the next older one
			// kept)
			if (origin.fromApplication() && versions.size() > 1) {
				Definition before = versions.get(1);
				Origin previous = origins.computeIfAbsent(before.deploymentId(), this::origin);
				if (!previous.fromApplication()) {
					superseded = new Superseded(before.version(), previous.deployedBy(), previous.deployer(),
							previous.deployedAt(), previous.origin());
				}
			}
			// only the application (ModelDeployment) and administrators deploy
			boolean administrator = !origin.fromApplication();
			List<Running> running = (kind == Kind.PROCESS) ? versions.stream()
				.filter((d) -> d == latest || d.instances() > 0)
				.map((d) -> new Running(d.version(), d.instances(), d == latest))
				.toList() : List.of();
			String name = (kind == Kind.FORM) ? formTitle(latest) : latest.name();
			models.add(new Model(key, name, latest.version(), latest.id(), latest.deploymentId(), origin.deployedBy(),
					origin.deployer(), origin.deployedAt(), origin.origin(), origin.fromApplication(), administrator,
					superseded, note(administrator, superseded), versions.size(), versions.size() - 1, running));
		});
		return models;
	}

	private static String note(boolean administrator, Superseded superseded) {
		if (superseded != null) {
			String who = (superseded.deployedBy() != null) ? "管理员 " + superseded.deployer() + " " : "管理员";
			String when = (superseded.deployedAt() != null) ? "于 " + MINUTES.format(superseded.deployedAt()) + " " : "";
			return "应用新版本已取代" + who + when + "部署的版本 " + superseded.version();
		}
		return administrator ? ADMINISTRATOR_IN_FORCE : null;
	}

	/**
	 * Who deployed (the user operation log's entry for the deployment's creation: Camunda
	 * writes one when a person deploys, none for the application), when and from where.
	 */
	private Origin origin(String deploymentId) {
		Deployment deployment = this.repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
		String user = this.history.createUserOperationLogQuery()
			.deploymentId(deploymentId)
			.entityType(EntityTypes.DEPLOYMENT)
			.operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
			.listPage(0, 1)
			.stream()
			.map(UserOperationLogEntry::getUserId)
			.findFirst()
			.orElse(null);
		String source = (deployment != null) ? deployment.getSource() : null;
		boolean application = ModelDeployment.DEPLOYMENT_NAME.equals(source);
		String deployer = (user != null) ? person(user) : (application ? APPLICATION : UNRECORDED);
		if (deployment == null) {
			return new Origin(user, deployer, null, "—", false);
		}
		String origin;
		if (application) {
			origin = FROM_APPLICATION;
		}
		else if (MODELER_SOURCE.equals(source)) {
			origin = MODELER_SOURCE;
		}
		else if (source != null && !source.isBlank()) {
			origin = source;
		}
		else if (deployment.getName() != null && !deployment.getName().isBlank()) {
			origin = deployment.getName();
		}
		else {
			origin = "—";
		}
		Date time = deployment.getDeploymentTime();
		return new Origin(user, deployer,
				(time != null) ? LocalDateTime.ofInstant(time.toInstant(), ZoneId.systemDefault()) : null, origin,
				application);
	}

	/** A person as the page names them: 系统管理员（admin）. */
	private String person(String userId) {
		User user = this.identity.createUserQuery().userId(userId).singleResult();
		if (user == null) {
			return userId;
		}
		String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
				+ (user.getLastName() == null ? "" : user.getLastName()))
			.trim();
		return name.isEmpty() ? userId : name + "（" + userId + "）";
	}

	/**
	 * Every Camunda Form definition: the engine has no public query for them (Tasklist
	 * finds them by reference only).
	 */
	private List<CamundaFormDefinition> formDefinitions() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		Command<List<CamundaFormDefinition>> all = (context) -> context.getDbEntityManager()
			.selectList("selectAllCamundaFormDefinitions");
		return configuration.getCommandExecutorTxRequired().execute(all);
	}

	/**
	 * A form's title: the first line of its first text, without its {@code ##} and the
	 * values filled in when it is shown ({@code {{stageLabel}}}); null when nothing is
	 * left.
	 */
	private String formTitle(Definition form) {
		String title = this.formTitles.computeIfAbsent(form.id(), (id) -> {
			try (InputStream in = this.repository.getResourceAsStream(form.deploymentId(), form.resourceName())) {
				return title(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException | RuntimeException ex) {
				// the resource is gone or unreadable: the key alone names the form
				return "";
			}
		});
		return title.isEmpty() ? null : title;
	}

	private static String title(String schema) {
		try {
			for (JsonNode component : json.readTree(schema).path("components")) {
				if ("text".equals(component.path("type").asText())) {
					String line = component.path("text").asText().strip().lines().findFirst().orElse("");
					String title = line.replaceFirst("^#+\\s*", "")
						.replaceAll("\\{\\{[^}]*}}", "")
						.replace("（）", "")
						.replace("()", "")
						.replace("*", "")
						.strip();
					return title;
				}
			}
		}
		catch (IOException ex) {
			// not a form-js schema: no title
		}
		return "";
	}

}
