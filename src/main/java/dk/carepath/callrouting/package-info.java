/**
 * Citizens' phone contact: call-backs in phone hours, contact registration (the citizen-call process).
 * <p>
 * Its allowed dependencies are checked by {@code ModuleStructureTest}: a new one is a design decision, made here; rules is named by the citizen-call model (the contact classification).
 */
@ApplicationModule(displayName = "Call routing", allowedDependencies = {"audit", "calendar", "citizen", "engine", "equipment", "pathway", "region", "rules", "security", "web"})
package dk.carepath.callrouting;

import org.springframework.modulith.ApplicationModule;
