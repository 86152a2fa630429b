package dk.carepath;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a module offers is what others use: a public top-level type of a module's base package has a user
 * outside its package in main code (a dependency, or a call to a method whose generic signature names it,
 * e.g. {@code List<KitEventView> historyOf(…)}), or a reason below. {@code tools/module_api.py} shows who
 * uses what, tests and resources included. Uses of a nested type count for its top-level type; compile-time
 * constants leave no trace in bytecode, so a type used only for them needs a reason.
 */
class ModuleApiTest {

    /** Public for a user the bytecode of main code does not show. */
    static final Map<String, String> PUBLIC_FOR = Map.ofEntries(
            Map.entry("dk.carepath.calendar.ClinicHours", "bean the models' due dates call by reflection"),
            Map.entry("dk.carepath.calendar.DueDates", "superclass of the ClinicHours and SupportHours beans the models call"),
            Map.entry("dk.carepath.citizen.PhoneNumber", "its constants validate phone numbers in pathway and callrouting"),
            Map.entry("dk.carepath.calendar.DanishHolidays", "callrouting.CallApiTest"),
            Map.entry("dk.carepath.callrouting.CitizenCallActivities", "bean of citizen-call.bpmn"),
            Map.entry("dk.carepath.equipment.EquipmentFault", "bean of equipment-fault.bpmn"),
            Map.entry("dk.carepath.equipment.EquipmentFaultActivities", "bean of equipment-fault.bpmn"),
            Map.entry("dk.carepath.pathway.PathwayActivities", "bean of heart-failure-pathway.bpmn"),
            Map.entry("dk.carepath.engine.LostRaceMapper", "JAX-RS provider Jersey instantiates by class"),
            Map.entry("dk.carepath.kpi.KpiFormat", "Thymeleaf T(dk.carepath.kpi.KpiFormat) in the KPI pages"),
            Map.entry("dk.carepath.measurement.EscalationState", "triage.TriageChartsTest"),
            Map.entry("dk.carepath.measurement.MissingMeasurements", "callrouting.CitizenCallEndToEndTest"),
            Map.entry("dk.carepath.pathway.Party", "region.RegionPathwaysTest"),
            Map.entry("dk.carepath.region.RegionPacks", "engine and pathway tests"),
            // Being changed by another session (issue 9); narrowed after that lands.
            Map.entry("dk.carepath.region.RegionChanges", "to narrow"),
            Map.entry("dk.carepath.region.RegionModels", "to narrow"),
            Map.entry("dk.carepath.region.UnknownOrganisationException", "to narrow"),
            Map.entry("dk.carepath.security.ActorAuthorizations", "to narrow"),
            Map.entry("dk.carepath.security.ApiAccess", "to narrow"));

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dk.carepath");

    @Test
    void everyPublicTypeOfAModuleIsUsedOutsideItsPackageOrSaysWhy() {
        List<String> unused = MAIN.stream()
                .filter(c -> c.isTopLevelClass() && c.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(c -> c.getPackageName().split("\\.").length == 3)
                .filter(c -> !c.getSimpleName().equals("package-info"))
                .filter(c -> !usedOutside(c) && !PUBLIC_FOR.containsKey(c.getName()))
                .map(JavaClass::getName).sorted().toList();
        assertThat(unused).as("public types nothing outside their package uses: make them package-private").isEmpty();
    }

    @Test
    void everyReasonStillNamesAPublicType() {
        assertThat(PUBLIC_FOR.keySet()).allSatisfy(name ->
                assertThat(MAIN.get(name).getModifiers()).as(name).contains(JavaModifier.PUBLIC));
    }

    static boolean usedOutside(JavaClass type) {
        String pkg = type.getPackageName();
        boolean direct = MAIN.stream()
                .filter(c -> c.equals(type) || c.getName().startsWith(type.getName() + "$"))
                .flatMap(c -> c.getDirectDependenciesToSelf().stream())
                .anyMatch(d -> !d.getOriginClass().getPackageName().equals(pkg));
        boolean throughGenerics = MAIN.stream()
                .filter(c -> c.getPackageName().equals(pkg))
                .flatMap(c -> c.getMethods().stream())
                .filter(m -> m.getReturnType().getAllInvolvedRawTypes().contains(type))
                .anyMatch(m -> m.getCallsOfSelf().stream()
                        .anyMatch(call -> !call.getOriginOwner().getPackageName().equals(pkg)));
        return direct || throughGenerics;
    }
}
