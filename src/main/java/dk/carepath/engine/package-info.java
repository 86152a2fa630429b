/**
 * Camunda integration: task candidates, form rules, the engine REST API's guards and answers.
 * <p>
 * Its allowed dependencies are checked by {@code ModuleStructureTest}: a new one is a design decision, made here.
 */
@ApplicationModule(displayName = "Engine", allowedDependencies = {"audit", "region", "security", "web"})
package dk.carepath.engine;

import org.springframework.modulith.ApplicationModule;
