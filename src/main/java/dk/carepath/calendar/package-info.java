/**
 * Opening, phone and support hours, Danish public holidays, due dates.
 * <p>
 * Its allowed dependencies are checked by {@code ModuleStructureTest}: a new one is a design decision, made here.
 */
@ApplicationModule(displayName = "Calendar", allowedDependencies = {})
package dk.carepath.calendar;

import org.springframework.modulith.ApplicationModule;
