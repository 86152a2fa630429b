package dk.carepath.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.region.RegionPack;
import dk.carepath.region.RegionPackProblem;
import dk.carepath.region.RegionPacks;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A region's default thresholds: checked against the measurement types, and where a new plan starts. */
class RegionThresholdsTest {

    static RegionPack pack(String folder, String from, String to) throws Exception {
        String yaml = Files.readString(Path.of("regions/" + folder + "/region.yaml"));
        assertThat(yaml).contains(from);
        return RegionPacks.read("regions/" + folder + "/region.yaml", folder,
                new ByteArrayInputStream(yaml.replace(from, to).getBytes(StandardCharsets.UTF_8)), ZoneId.of("Europe/Copenhagen")).pack();
    }

    @Test
    void nordjyllandsPlansStartWithAYellowPulseFrom95() throws Exception {
        RegionPack nord = pack("nord", "pulse:", "pulse:");
        assertThat(new RegionThresholds().check("regions/nord/region.yaml", nord)).isEmpty();
        Thresholds thresholds = RegionThresholds.of(nord);
        assertThat(thresholds.get("pulseYellowHigh")).isEqualByComparingTo("95");
        assertThat(thresholds.get("weightRedHigh")).isEqualByComparingTo("3.0");
        assertThat(MonitoringPlanForm.defaults(nord)).containsEntry("pulseYellowHigh", 95).containsEntry("reassessmentIntervalWeeks", 12);
    }

    @Test
    void thresholdsThatDoNotRiseAreRefusedInDanish() throws Exception {
        List<RegionPackProblem> problems = new RegionThresholds().check("regions/nord/region.yaml",
                pack("nord", "pulse: [40, 45, 95, 110]", "pulse: [40, 95, 45, 110]"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("thresholds.pulse");
            assertThat(p.danish()).contains("grænserne skal stige");
        });
    }

    @Test
    void anUnknownValueAndAWrongCountAreRefused() throws Exception {
        List<RegionPackProblem> problems = new RegionThresholds().check("regions/midt/region.yaml",
                pack("midt", "  pulse: [40, 45, 90, 100]", "  puls: [40, 45, 90, 100]\n  systolic: [90, 100]"));
        assertThat(problems).extracting(RegionPackProblem::field).containsExactlyInAnyOrder("thresholds.puls", "thresholds.systolic");
        assertThat(problems.get(0).english() + problems.get(1).english()).contains("known: [weight, pulse, systolic, diastolic]", "four values");
    }
}
