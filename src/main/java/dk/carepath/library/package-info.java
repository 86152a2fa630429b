/**
 * The nurses' library: each organisation's phrases, which a nurse inserts into a note (in Tasklist's
 * forms), and the material catalogue (PDF documents, links to allowed domains) whose items are
 * assigned to citizens. Phrases are their organisation's members'; an assignment is citizen data,
 * seen by those who may see the citizen, and audited. docs/workbench.md.
 * <p>
 * Its allowed dependencies are checked by {@code ModuleStructureTest}: a new one is a design decision, made here.
 */
@ApplicationModule(displayName = "Library", allowedDependencies = {"audit", "region", "security", "web"})
package dk.carepath.library;

import org.springframework.modulith.ApplicationModule;
