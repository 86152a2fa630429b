/**
 * Regions and their organisations (clinics, municipalities, GP practices, service centers).
 * <p>
 * Its allowed dependencies are checked by {@code ModuleStructureTest}: a new one is a design decision, made here.
 */
@ApplicationModule(displayName = "Region", allowedDependencies = {"audit", "calendar", "web"})
package dk.carepath.region;

import org.springframework.modulith.ApplicationModule;
