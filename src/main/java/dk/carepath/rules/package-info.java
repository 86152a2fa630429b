/**
 * The Drools runtime (DMN and DRL) shared by every feature.
 * <p>
 * Its allowed dependencies are checked by {@code ModuleStructureTest}: a new one is a design decision, made here.
 */
@ApplicationModule(displayName = "Rules", allowedDependencies = {"engine"})
package dk.carepath.rules;

import org.springframework.modulith.ApplicationModule;
