/**
 * The citizen register: CPR, contact details, municipality and GP.
 * <p>
 * Its allowed dependencies are checked by {@code ModuleStructureTest}: a new one is a design decision, made here.
 */
@ApplicationModule(displayName = "Citizen", allowedDependencies = {"audit", "security", "web"})
package dk.carepath.citizen;

import org.springframework.modulith.ApplicationModule;
