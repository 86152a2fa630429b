package dk.carepath;

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
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
