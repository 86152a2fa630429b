/**
 * The mail outbox and the correspondence sent to municipalities, GPs and citizens.
 * <p>
 * Its allowed dependencies are checked by {@code ModuleStructureTest}: a new one is a design decision, made here.
 */
@ApplicationModule(displayName = "Notify", allowedDependencies = {})
package dk.carepath.notify;

import org.springframework.modulith.ApplicationModule;
