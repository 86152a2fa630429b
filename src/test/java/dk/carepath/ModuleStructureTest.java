package dk.carepath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each feature package is a module that hides its internals, has no cycles, and depends only on the
 * modules its {@code package-info.java} allows. The module documentation in {@code docs/modules/} is
 * written from the same model by this test, so it cannot drift from the code.
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(CarepathApplication.class);

    @Test
    void modulesDependOnlyOnWhatTheyAllowAndKeepTheirInternalsToThemselves() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        sortDiagramLines(Path.of("docs/modules"));
    }

    /**
     * The Documenter writes a diagram's components and relations in an order that changes from run
     * to run; sorted, an unchanged structure gives unchanged files (and no merge conflicts).
     */
    static void sortDiagramLines(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                List<String> lines = Files.readAllLines(file);
                List<String> sorted = new ArrayList<>();
                List<String> run = new ArrayList<>();
                String runPrefix = null;
                for (String line : lines) {
                    String prefix = line.startsWith("Rel(") ? "Rel(" : line.trim().startsWith("Component(") ? "Component(" : null;
                    if (prefix == null || !prefix.equals(runPrefix)) {
                        run.sort(null);
                        sorted.addAll(run);
                        run.clear();
                    }
                    runPrefix = prefix;
                    if (prefix == null) sorted.add(line); else run.add(line);
                }
                run.sort(null);
                sorted.addAll(run);
                Files.write(file, sorted);
            }
        }
    }
}
