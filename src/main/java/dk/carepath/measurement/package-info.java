/**
 * Home measurements: intake (JSON, FHIR), colours, escalations, missing measurements, triage.
 * <p>
 * Its allowed dependencies are checked by {@code ModuleStructureTest}: a new one is a design decision, made here.
 */
@ApplicationModule(displayName = "Measurement", allowedDependencies = {"audit", "citizen", "equipment", "notify", "pathway", "region", "rules", "security", "web"})
package dk.carepath.measurement;

import org.springframework.modulith.ApplicationModule;
