package org.cyl.excellence.organization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.WritableIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes Camunda's users, groups and memberships what the organisation model says. Runs on
 * start and after every import; running it twice changes nothing the second time.
 * <p>
 * Managed are the groups {@code org*} and the global groups of {@link Groups}:
 * memberships in them that the model does not give are removed, also from users the model
 * does not know (a user created by hand in Camunda Admin keeps the groups an
 * administrator gives it outside that set). A new user gets the configured initial
 * password; an existing user's password is never touched.
 */
@Service
public class IdentitySync {

	private static final Logger log = LoggerFactory.getLogger(IdentitySync.class);

	/** Identity writes per engine command. */
	static final int CHUNK = 500;

	private static final Map<String, String> GLOBAL_GROUPS = Map.of(Groups.ADMINISTRATORS, "系统管理员", Groups.USERS,
			"全体用户", Groups.MANAGERS, "管理者", Groups.COMMITTEES, "团委委员", Groups.GENERAL_BRANCH_COMMITTEES, "团总支委员");

	private final IdentityService identityService;

	private final OrganizationRepository repository;

	/** Reads Camunda's memberships at once (the identity service asks group by group). */
	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	/** Runs the writes, {@value #CHUNK} per engine command ({@link #write}). */
	private final CommandExecutor commands;

	private final String initialPassword;

	private final String adminUser;

	private final String adminPassword;

	IdentitySync(IdentityService identityService, OrganizationRepository repository, IdentityProperties identity,
			JdbcClient jdbc, JdbcTemplate batch, ProcessEngine engine) {
		this.identityService = identityService;
		this.jdbc = jdbc;
		this.batch = batch;
		this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getCommandExecutorTxRequired();
		this.repository = repository;
		this.initialPassword = identity.initialPassword();
		this.adminUser = identity.adminUser();
		this.adminPassword = identity.adminPassword();
	}

	/** What one run changed. */
	public record Report(int usersCreated, int usersUpdated, int groupsCreated, int groupsUpdated, int membershipsAdded,
			int membershipsRemoved) {

		public boolean changedAnything() {
			return this.usersCreated + this.usersUpdated + this.groupsCreated + this.groupsUpdated
					+ this.membershipsAdded + this.membershipsRemoved > 0;
		}

	}

	@Transactional
	public Report sync() {
		List<Organization> orgs = this.repository.findAllOrganizations();
		Map<String, String> wantedGroups = new LinkedHashMap<>(GLOBAL_GROUPS);
		for (Organization org : orgs) {
			for (String role : Groups.roleKeysOf(org.type())) {
				wantedGroups.put(Groups.of(org.code(), role), org.name() + "·" + Groups.roleLabel(role));
			}
		}
		Map<String, Set<String>> wantedMemberships = wantedMemberships();

		List<Consumer<WritableIdentityProvider>> writes = new ArrayList<>();
		int[] groups = syncGroups(wantedGroups, writes);
		int[] users = syncUsers(writes);
		write(writes);
		writes.clear();
		int[] memberships = syncMemberships(wantedGroups.keySet(), wantedMemberships, writes);
		write(writes);
		Report report = new Report(users[0], users[1], groups[0], groups[1], memberships[0], memberships[1]);
		if (report.changedAnything()) {
			log.info("Identity synchronised with the organisation model: {}", report);
		}
		return report;
	}

	/** group id → user ids, as the organisation model says. */
	private Map<String, Set<String>> wantedMemberships() {
		Map<String, Set<String>> wanted = new HashMap<>();
		for (Account account : this.repository.findAllAccounts()) {
			add(wanted, Groups.USERS, account.username());
		}
		for (String[] member : this.repository.memberAccounts()) {
			add(wanted, Groups.of(member[1], Groups.MEMBER), member[0]);
		}
		Map<String, OrganizationType> types = new HashMap<>();
		this.repository.findAllOrganizations().forEach((o) -> types.put(o.code(), o.type()));
		for (RoleAssignment role : this.repository.findAllRoles()) {
			if (role.role() == Role.COMMITTEE && (types.get(role.orgCode()) == OrganizationType.COMMITTEE
					|| types.get(role.orgCode()) == OrganizationType.HIGHER_COMMITTEE)) {
				add(wanted, Groups.COMMITTEES, role.username());
			}
			if (role.role() == Role.COMMITTEE && types.get(role.orgCode()) == OrganizationType.GENERAL_BRANCH) {
				add(wanted, Groups.GENERAL_BRANCH_COMMITTEES, role.username());
			}
			switch (role.role()) {
				case ADMIN -> add(wanted, Groups.ADMINISTRATORS, role.username());
				case MANAGER -> {
					add(wanted, Groups.MANAGERS, role.username());
					add(wanted, Groups.of(role.orgCode(), role.role()), role.username());
				}
				default -> add(wanted, Groups.of(role.orgCode(), role.role()), role.username());
			}
		}
		return wanted;
	}

	private static void add(Map<String, Set<String>> map, String group, String user) {
		map.computeIfAbsent(group, (g) -> new HashSet<>()).add(user);
	}

	private int[] syncGroups(Map<String, String> wanted, List<Consumer<WritableIdentityProvider>> writes) {
		int[] counts = new int[2];
		Map<String, Group> existing = new HashMap<>();
		for (Group group : this.identityService.createGroupQuery().list()) {
			existing.put(group.getId(), group);
		}
		for (Map.Entry<String, String> entry : wanted.entrySet()) {
			Group group = existing.get(entry.getKey());
			String type = GLOBAL_GROUPS.containsKey(entry.getKey()) ? "SYSTEM" : "WORKFLOW";
			if (group != null && Objects.equals(group.getName(), entry.getValue())
					&& Objects.equals(group.getType(), type)) {
				continue;
			}
			counts[(group == null) ? 0 : 1]++;
			Group existingGroup = group;
			writes.add((identity) -> {
				Group saved = (existingGroup != null) ? existingGroup : identity.createNewGroup(entry.getKey());
				saved.setName(entry.getValue());
				saved.setType(type);
				identity.saveGroup(saved);
			});
		}
		return counts;
	}

	private int[] syncUsers(List<Consumer<WritableIdentityProvider>> writes) {
		int[] counts = new int[2];
		Map<String, User> existing = new HashMap<>();
		for (User user : this.identityService.createUserQuery().list()) {
			existing.put(user.getId(), user);
		}
		for (Account account : this.repository.findAllAccounts()) {
			User user = existing.get(account.username());
			if (user != null && Objects.equals(user.getFirstName(), account.displayName())
					&& Objects.equals(user.getLastName(), "") && Objects.equals(user.getEmail(), account.email())) {
				continue;
			}
			counts[(user == null) ? 0 : 1]++;
			String password = account.username().equals(this.adminUser) ? this.adminPassword : this.initialPassword;
			writes.add((identity) -> {
				User saved = user;
				if (saved == null) {
					saved = identity.createNewUser(account.username());
					saved.setPassword(password);
				}
				// a Chinese name is not split into first and last name: Tasklist shows
				// "first last"
				saved.setFirstName(account.displayName());
				saved.setLastName("");
				saved.setEmail(account.email());
				identity.saveUser(saved);
			});
		}
		return counts;
	}

	private int[] syncMemberships(Set<String> managedGroups, Map<String, Set<String>> wanted,
			List<Consumer<WritableIdentityProvider>> writes) {
		int[] counts = new int[2];
		// every membership in one read, not a query per group: a province has tens of
		// thousands of groups
		Map<String, Set<String>> memberships = new HashMap<>();
		this.jdbc.sql("select GROUP_ID_, USER_ID_ from ACT_ID_MEMBERSHIP").query((rs) -> {
			if (managedGroups.contains(rs.getString(1))) {
				add(memberships, rs.getString(1), rs.getString(2));
			}
		});
		List<String[]> added = new ArrayList<>();
		for (String group : new TreeSet<>(managedGroups)) {
			Set<String> want = wanted.getOrDefault(group, Set.of());
			Set<String> have = memberships.getOrDefault(group, Set.of());
			for (String user : want) {
				if (!have.contains(user)) {
					added.add(new String[] { user, group });
					counts[0]++;
				}
			}
			for (String user : have) {
				if (!want.contains(user)) {
					writes.add((identity) -> identity.deleteMembership(user, group));
					counts[1]++;
				}
			}
		}
		// a membership is a row of two ids with no authorization of its own (Camunda's
		// default provider grants none): inserted as one batch, where the identity
		// service reads the user and the group for each (60,000 of each for a province)
		this.batch.batchUpdate("insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values (?, ?)", added, CHUNK,
				(ps, membership) -> {
					ps.setString(1, membership[0]);
					ps.setString(2, membership[1]);
				});
		return counts;
	}

	/**
	 * Runs the writes in engine commands of {@value #CHUNK}: each command's inserts are
	 * flushed as one JDBC batch, where the identity service spends a command, an
	 * authorization check and a flush on every user, group and membership — 19 s of an
	 * import of 3,000 branches (docs/benchmarks.md). The writes are the identity
	 * service's own (its provider: passwords hashed, the default authorizations of a new
	 * user or group created); the authorization check is left out as the callers are the
	 * application's start and an administrator's import. In the caller's transaction.
	 */
	private void write(List<Consumer<WritableIdentityProvider>> writes) {
		for (int from = 0; from < writes.size(); from += CHUNK) {
			List<Consumer<WritableIdentityProvider>> chunk = writes.subList(from,
					Math.min(writes.size(), from + CHUNK));
			this.commands.execute((Command<Void>) (context) -> {
				context.disableAuthorizationCheck();
				try {
					WritableIdentityProvider identity = context.getWritableIdentityProvider();
					chunk.forEach((write) -> write.accept(identity));
				}
				finally {
					context.enableAuthorizationCheck();
				}
				return null;
			});
		}
	}

}
