/**
 * RFC 9457 problem details, strict JSON, error pages: what every API and page shares.
 * <p>
 * Its allowed dependencies are checked by {@code ModuleStructureTest}: a new one is a design decision, made here.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = {})
package dk.carepath.web;

import org.springframework.modulith.ApplicationModule;
