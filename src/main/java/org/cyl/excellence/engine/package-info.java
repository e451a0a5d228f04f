/**
 * Engine plumbing: model deployment and the checks every deployment passes, the engine
 * after Flyway, PostgreSQL tuning, authorization look-ups, the form-validation answers of
 * the engine's REST APIs, task list variables, engine metrics; the administrators' page
 * 模型版本（现行）: which version of every model is in force, deployed by whom, from where. API:
 * ModelDeployment, DeploymentChecks (a process engine plugin), FormSchema (a Camunda
 * Form's fields, read by security), TaskListVariables, AuthorizationQueries,
 * TaskListQueries, FormValidationDiscoverable and FormValidationExceptionMapper (Jersey
 * instantiates them).
 */
@ApplicationModule(displayName = "引擎 · engine", allowedDependencies = {})
package org.cyl.excellence.engine;

import org.springframework.modulith.ApplicationModule;
