/**
 * The nurses' own pages: triage (one row per citizen, worst colour first, acknowledgements) and the
 * citizen page (charts against the thresholds, PRO answers, plan, journal, kit, contact person, materials), and the
 * library page (phrases and materials).
 * Pages only: the data comes from the features' public APIs, which check need to know and audit.
 * <p>
 * Its allowed dependencies are checked by {@code ModuleStructureTest}: a new one is a design decision, made here.
 */
@ApplicationModule(displayName = "Triage", allowedDependencies = {"audit", "citizen", "equipment", "library", "measurement", "pathway", "region", "security", "web"})
package dk.carepath.triage;

import org.springframework.modulith.ApplicationModule;
