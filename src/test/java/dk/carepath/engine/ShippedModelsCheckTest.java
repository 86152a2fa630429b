package dk.carepath.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.region.ModelChecker;
import dk.carepath.region.RegionPacks;
import dk.carepath.support.CarepathTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The build runs the one checker the server runs ({@link ModelChecker}, which every deployment passes) over every
 * set of files that ships: the shared models, forms and rules together, and each region pack's set as it would be
 * deployed (the shared files, each replaced by the pack's file of the same name where it has one), with the pack's
 * region.yaml through {@link RegionPacks}. Nothing may be found.
 */
@CarepathTest
class ShippedModelsCheckTest {

    static final List<String> MODEL_FILES = List.of(".bpmn", ".form", ".dmn");

    @Autowired
    ModelChecker checker;

    /** the files of a folder's models, forms and rules (not its subfolders), by file name */
    static Map<String, byte[]> files(Path folder) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.sorted().toList()) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file) && MODEL_FILES.stream().anyMatch(name::endsWith)) {
                    files.put(name, Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    static Map<String, byte[]> shared() throws IOException {
        Map<String, byte[]> set = new LinkedHashMap<>();
        for (String folder : List.of("processes", "forms", "rules")) {
            set.putAll(files(Path.of(folder)));
        }
        return set;
    }

    static List<Path> packs() throws IOException {
        try (Stream<Path> list = Files.list(Path.of("regions"))) {
            return list.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void theSharedModelsFormsAndRulesPassTheCheck() throws IOException {
        Map<String, byte[]> set = shared();
        assertThat(set.keySet()).contains("heart-failure-pathway.bpmn", "citizen-call.bpmn", "equipment-fault.bpmn",
                "nursing-assessment.form", "inclusion-eligibility.dmn", "contact-registration.dmn", "measurement-colour.dmn");
        assertThat(checker.check(null, set)).isEmpty();
    }

    @Test
    void eachRegionPackPassesTheCheckAsItWouldBeDeployed() throws IOException {
        List<Path> packs = packs();
        assertThat(packs).extracting(p -> p.getFileName().toString()).contains("midt", "nord", "syd");
        for (Path pack : packs) {
            String file = "regions/" + pack.getFileName() + "/region.yaml";
            RegionPacks.Read read;
            try (InputStream yaml = Files.newInputStream(pack.resolve("region.yaml"))) {
                read = RegionPacks.read(file, pack.getFileName().toString(), yaml, ZoneId.of("Europe/Copenhagen"));
            }
            assertThat(read.problems()).as(file).isEmpty();
            Map<String, byte[]> set = shared();
            Map<String, byte[]> own = files(pack);
            set.putAll(own); // the pack's file replaces the shared one of its name
            // where a pack has its own models (its tenant's deployment), its tenant's deployed models count; else it runs the shared ones
            assertThat(checker.check(own.isEmpty() ? null : read.pack().id(), set)).as(pack.toString()).isEmpty();
        }
    }
}
