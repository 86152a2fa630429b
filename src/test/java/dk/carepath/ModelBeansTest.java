package dk.carepath;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.support.CarepathTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.core.ApplicationModule;

/**
 * The module boundaries the compiler cannot see: every Spring bean a process model names (delegates,
 * listeners, expressions) belongs to the module that owns the process or to one that module may depend on
 * (its package-info), and every class a DRL imports to the module that evaluates the rules. A model that reaches into another module's beans would couple
 * the modules behind {@link ModuleStructureTest}'s back.
 */
@CarepathTest
class ModelBeansTest {

    /** process file → the module that owns it */
    static final Map<String, String> PROCESS_OWNERS = Map.of(
            "heart-failure-pathway.bpmn", "pathway",
            "citizen-call.bpmn", "callrouting",
            "equipment-fault.bpmn", "equipment");

    /** rule file → the module that evaluates it */
    static final Map<String, String> RULE_OWNERS = Map.of(
            "measurement-escalation.drl", "measurement",
            "missing-measurements.drl", "measurement");

    /**
     * Beans every model may name, with the reason: {@code team} is the routing vocabulary of all user
     * tasks (worklist.Team, docs/access.md), which the Modeler shows the process owner in every model.
     */
    static final Map<String, String> SHARED_BEANS = Map.of("team", "worklist");

    static final Pattern EXPRESSION_ROOT = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
    static final Pattern IMPORT = Pattern.compile("^import\\s+([\\w.]+);", Pattern.MULTILINE);

    @Autowired
    ApplicationContext context;

    @Test
    void everyBeanAProcessNamesBelongsToTheModuleThatOwnsTheProcess() throws IOException {
        List<String> foreign = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        try (var files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                String owner = PROCESS_OWNERS.get(file.getFileName().toString());
                assertThat(owner).as("owner of " + file + " (add it to PROCESS_OWNERS)").isNotNull();
                Matcher m = EXPRESSION_ROOT.matcher(Files.readString(file));
                while (m.find()) {
                    String name = m.group(1);
                    if (!context.containsBean(name)) {
                        continue; // a process variable
                    }
                    String module = moduleOf(AopUtils.getTargetClass(context.getBean(name)));
                    checked.add(file.getFileName() + ": " + name + " (" + module + ")");
                    if (!module.equals(owner) && !module.equals(SHARED_BEANS.get(name)) && !allowedDependencies(owner).contains(module)) {
                        foreign.add(file.getFileName() + " names ${" + name + "} of module " + module + ", which " + owner
                                + " may not depend on");
                    }
                }
            }
        }
        assertThat(checked).as("beans found in the models").isNotEmpty();
        assertThat(foreign).as("beans of another module named in a process model").isEmpty();
    }

    @Test
    void everyClassARuleImportsBelongsToTheModuleThatEvaluatesTheRules() throws IOException {
        List<String> foreign = new ArrayList<>();
        try (var files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                String owner = RULE_OWNERS.get(file.getFileName().toString());
                assertThat(owner).as("owner of " + file + " (add it to RULE_OWNERS)").isNotNull();
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String type = m.group(1);
                    if (type.startsWith("java.")) {
                        continue;
                    }
                    String module = ModuleStructureTest.MODULES.getModuleForPackage(type.substring(0, type.lastIndexOf('.')))
                            .map(ApplicationModule::getIdentifier).map(Object::toString).orElse("(none)");
                    if (!module.equals(owner)) {
                        foreign.add(file.getFileName() + " imports " + type + " of module " + module + ", evaluated by " + owner);
                    }
                }
            }
        }
        assertThat(foreign).isEmpty();
    }

    /** A model's bean is a dependency of the module owning the model: it must be one its package-info allows. */
    static Set<String> allowedDependencies(String module) {
        try {
            org.springframework.modulith.ApplicationModule declared = Class.forName("dk.carepath." + module + ".package-info")
                    .getAnnotation(org.springframework.modulith.ApplicationModule.class);
            return Set.of(declared.allowedDependencies());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("module " + module + " has no package-info.java with @ApplicationModule", e);
        }
    }

    static String moduleOf(Class<?> type) {
        // a bean defined as a lambda in a @Configuration class belongs to that class's module
        String name = type.getName().contains("$$Lambda") ? type.getName().substring(0, type.getName().indexOf("$$Lambda")) : type.getName();
        return ModuleStructureTest.MODULES.getModuleByType(name)
                .map(ApplicationModule::getIdentifier).map(Object::toString).orElse("(none: " + name + ")");
    }
}
