/**
 * The access log: who read or changed which citizen's data.
 * <p>
 * Its allowed dependencies are checked by {@code ModuleStructureTest}: a new one is a design decision, made here.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = {})
package dk.carepath.audit;

import org.springframework.modulith.ApplicationModule;
