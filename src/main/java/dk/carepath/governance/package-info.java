/**
 * Authorisation reviews and the managers' view of the access log.
 * <p>
 * Its allowed dependencies are checked by {@code ModuleStructureTest}: a new one is a design decision, made here.
 */
@ApplicationModule(displayName = "Governance", allowedDependencies = {"audit", "region", "security", "web"})
package dk.carepath.governance;

import org.springframework.modulith.ApplicationModule;
