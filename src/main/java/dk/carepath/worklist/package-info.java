/**
 * Task routing to organisation x role and contact person, Tasklist filters.
 * <p>
 * Its allowed dependencies are checked by {@code ModuleStructureTest}: a new one is a design decision, made here.
 */
@ApplicationModule(displayName = "Worklist", allowedDependencies = {"citizen", "engine", "pathway", "region", "security"})
package dk.carepath.worklist;

import org.springframework.modulith.ApplicationModule;
