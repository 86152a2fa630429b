/**
 * The heart-failure pathway: referral, inclusion, monitoring plan, reassessment, handover, discharge.
 * <p>
 * Its allowed dependencies are checked by {@code ModuleStructureTest}: a new one is a design decision, made here; calendar and rules are named by the pathway model (due dates in clinic hours, decisions).
 */
@ApplicationModule(displayName = "Pathway", allowedDependencies = {"audit", "calendar", "citizen", "engine", "equipment", "notify", "region", "rules", "security", "web"})
package dk.carepath.pathway;

import org.springframework.modulith.ApplicationModule;
