/**
 * The embedded default's demo organisations, users and citizens.
 * <p>
 * Its allowed dependencies are checked by {@code ModuleStructureTest}: a new one is a design decision, made here.
 */
@ApplicationModule(displayName = "Demo", allowedDependencies = {"callrouting", "equipment", "library", "measurement", "pathway", "region", "security"})
package dk.carepath.demo;

import org.springframework.modulith.ApplicationModule;
