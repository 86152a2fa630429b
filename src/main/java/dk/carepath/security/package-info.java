/**
 * Roles, memberships, API clients, need-to-know access to citizen data.
 * <p>
 * Its allowed dependencies are checked by {@code ModuleStructureTest}: a new one is a design decision, made here.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {"audit", "region", "web"})
package dk.carepath.security;

import org.springframework.modulith.ApplicationModule;
