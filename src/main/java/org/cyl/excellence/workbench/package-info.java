/**
 * 工作台: the application's own place to work — the task page ({@code /tasks/{id}}), which
 * renders a task's deployed Camunda Form with form-js (served by the application) and
 * submits it through the engine as the person, under the same authorizations and
 * {@code security/EngineBoundary} as Tasklist. API: none (pages only).
 */
@ApplicationModule(displayName = "工作台 · workbench", allowedDependencies = { "security" })
package org.cyl.excellence.workbench;

import org.springframework.modulith.ApplicationModule;
