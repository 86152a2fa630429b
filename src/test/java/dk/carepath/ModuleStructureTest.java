package dk.carepath;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each feature package is a module that hides its internals; no cycles between them. */
class ModuleStructureTest {

    @Test
    void modulesKeepTheirInternalsToThemselves() {
        ApplicationModules.of(CarepathApplication.class).verify();
    }
}
