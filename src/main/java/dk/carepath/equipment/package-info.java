/**
 * Tele-kits, faults, swaps and collection (the equipment-fault process).
 * <p>
 * Its allowed dependencies are checked by {@code ModuleStructureTest}: a new one is a design decision, made here.
 */
@ApplicationModule(displayName = "Equipment", allowedDependencies = {"audit", "calendar", "citizen", "engine", "notify", "region", "security", "web"})
package dk.carepath.equipment;

import org.springframework.modulith.ApplicationModule;
