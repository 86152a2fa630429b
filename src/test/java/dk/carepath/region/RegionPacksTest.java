package dk.carepath.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The region packs a process owner writes: the shipped ones are complete, and each kind of mistake
 * is refused with the file, the field and what to do, in English and Danish.
 */
class RegionPacksTest {

    static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

    static String midt() throws IOException {
        return Files.readString(Path.of("regions/midt/region.yaml"));
    }

    static RegionPacks.Read read(String folder, String yaml) {
        return RegionPacks.read("regions/" + folder + "/region.yaml", folder, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), CPH);
    }

    /** the midt pack with one text replaced, which must be in it */
    static RegionPacks.Read midtWith(String from, String to) throws IOException {
        String yaml = midt();
        assertThat(yaml).contains(from);
        return read("midt", yaml.replace(from, to));
    }

    static RegionPackProblem only(RegionPacks.Read read) {
        assertThat(read.usable()).isFalse();
        assertThat(read.problems()).hasSize(1);
        return read.problems().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"midt", "syd", "nord"})
    void theShippedPacksAreComplete(String folder) throws IOException {
        RegionPacks.Read read = read(folder, Files.readString(Path.of("regions/" + folder + "/region.yaml")));
        assertThat(read.problems()).isEmpty();
        assertThat(read.pack().id()).isEqualTo(folder.toUpperCase());
    }

    @Test
    void theNorthernPackHasTeleCareNordItsMunicipalitiesPhoneHoursAndNoMitId() throws IOException {
        RegionPack nord = read("nord", Files.readString(Path.of("regions/nord/region.yaml"))).pack();
        assertThat(nord.serviceCenter().name()).isEqualTo("TeleCare Nord");
        assertThat(nord.serviceCenter().supportPhone()).isEqualTo("98 45 84 84");
        assertThat(nord.serviceCenter().logistics()).isEqualTo("ATEA");
        assertThat(nord.mitIdRequired()).isFalse();
        assertThat(nord.municipalMonitoringAfterStart()).isTrue();
        assertThat(nord.municipalities()).containsKeys("default", "kommune-851", "kommune-813", "kommune-860");
        assertThat(nord.thresholds().get("pulse").get(2)).isEqualByComparingTo("95");
    }

    @Test
    void anUnknownFieldIsNamedWithTheKnownOnes() throws IOException {
        RegionPackProblem p = only(midtWith("service-level: PT4H", "service-levle: PT4H"));
        assertThat(p.file()).isEqualTo("regions/midt/region.yaml");
        assertThat(p.field()).isEqualTo("service-center.service-levle");
        assertThat(p.english()).contains("unknown field 'service-levle'", "service-level");
        assertThat(p.danish()).contains("ukendt felt");
    }

    @Test
    void aMissingSupportPhoneIsRequired() throws IOException {
        RegionPackProblem p = only(midtWith("  support-phone: \"+45 7020 3048\"\n", ""));
        assertThat(p.field()).isEqualTo("service-center.support-phone");
        assertThat(p.danish()).contains("skal udfyldes");
    }

    @Test
    void badlyWrittenHoursNameTheSetting() throws IOException {
        RegionPackProblem p = only(midtWith("MONDAY: \"08:00-15:30\"", "MONDAY: \"8-12\""));
        assertThat(p.field()).isEqualTo("clinics.opening-hours");
        assertThat(p.danish()).contains("ugyldig", "08:00-15:30");
    }

    @Test
    void phoneHoursAreOnWeekdaysOnly() throws IOException {
        RegionPackProblem p = only(midtWith("phone-hours: {MONDAY: \"08:00-15:00\",", "phone-hours: {SATURDAY: \"09:00-11:00\", MONDAY: \"08:00-15:00\","));
        assertThat(p.field()).isEqualTo("municipalities.default.phone-hours");
        assertThat(p.english()).contains("weekdays only");
    }

    @Test
    void defaultPhoneHoursAreRequired() throws IOException {
        RegionPackProblem p = only(midtWith("municipalities:\n  default:", "municipalities:\n  kommune-751:"));
        assertThat(p.field()).isEqualTo("municipalities.default");
    }

    @Test
    void phoneHoursOfAnUnknownMunicipalityAreRefused() throws IOException {
        RegionPackProblem p = only(midtWith("municipalities:\n  default:", "municipalities:\n  kommune-999:\n    phone-hours: {MONDAY: \"08:00-12:00\"}\n  default:"));
        assertThat(p.field()).isEqualTo("municipalities.kommune-999");
        assertThat(p.danish()).contains("ikke en kommune");
    }

    @Test
    void theServiceCenterMustBeAServiceCenterOfTheRegion() throws IOException {
        RegionPackProblem p = only(midtWith("  organisation: fsc-midt", "  organisation: kommune-751"));
        assertThat(p.field()).isEqualTo("service-center.organisation");
    }

    @Test
    void aServiceLevelIsHoursOrWorkingDays() throws IOException {
        RegionPackProblem p = only(midtWith("service-level: PT4H", "service-level: P1M"));
        assertThat(p.field()).isEqualTo("service-center.service-level");
        assertThat(p.danish()).contains("arbejdsdage");
    }

    @Test
    void anOrganisationTwiceIsRefused() throws IOException {
        RegionPackProblem p = only(midtWith("{id: kommune-746, kind: MUNICIPALITY", "{id: kommune-751, kind: MUNICIPALITY"));
        assertThat(p.field()).isEqualTo("organisations[4].id");
        assertThat(p.english()).contains("appears twice");
    }

    @Test
    void anUnknownKindOfOrganisationNamesTheKinds() throws IOException {
        RegionPackProblem p = only(midtWith("kind: GP_PRACTICE", "kind: GP"));
        assertThat(p.field()).isEqualTo("organisations[5].kind");
        assertThat(p.english()).contains("GP_PRACTICE", "SERVICE_CENTER");
    }

    @Test
    void theIdIsTheFoldersNameInCapitals() throws IOException {
        RegionPackProblem p = only(read("nord", midt()));
        assertThat(p.field()).isEqualTo("id");
        assertThat(p.english()).contains("NORD");
    }

    @Test
    void monitoringAfterStartIsTheClinicOrTheMunicipality() throws IOException {
        RegionPackProblem p = only(midtWith("monitoring-after-start: CLINIC", "monitoring-after-start: GP"));
        assertThat(p.field()).isEqualTo("monitoring-after-start");
    }

    @Test
    void invalidYamlNamesTheLine() throws IOException {
        RegionPackProblem p = only(midtWith("name: Region Midtjylland\n", "name: \"Region Midtjylland\n"));
        assertThat(p.english()).contains("not valid YAML");
        assertThat(p.field()).startsWith("line ");
    }

    @Test
    void anIncompletePackListsEveryProblemAtOnce() {
        RegionPacks.Read read = read("tom", "id: TOM\nname: Tom region\n");
        List<String> fields = read.problems().stream().map(RegionPackProblem::field).toList();
        assertThat(fields).contains("organisations", "clinics.opening-hours", "municipalities.default", "service-center", "out-of-hours",
                "inclusion.mit-id-required", "monitoring-after-start", "reassessment-interval-weeks", "thresholds");
        assertThat(read.problems()).allSatisfy(p -> assertThat(p.danish()).isNotBlank());
    }
}
