/**
 * The managers' KPIs (docs/kpis.md): scoped queries over the features' tables and the engine's history, the
 * KPI API and dashboard, and the operational metrics.
 * <p>
 * Its allowed dependencies are checked by {@code ModuleStructureTest}: a new one is a design decision, made here.
 * It reads other modules' tables in SQL (read-only reporting), which the module test cannot see; docs/kpis.md
 * lists each table it reads.
 */
@ApplicationModule(displayName = "KPI", allowedDependencies = {"audit", "notify", "pathway", "region", "security", "web"})
package dk.carepath.kpi;

import org.springframework.modulith.ApplicationModule;
