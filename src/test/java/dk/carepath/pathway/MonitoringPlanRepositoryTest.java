package dk.carepath.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A repository slice (JPA and Flyway only, on the tests' database, rolled back): a plan's threshold
 * history is kept by threshold name, one row each, and read back equal, with an unset blood
 * pressure absent rather than zero.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
class MonitoringPlanRepositoryTest {

    @Autowired
    MonitoringPlanRepository plans;
    @Autowired
    EntityManager entities;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void keepsEveryThresholdVersionByNameAndReadsItBackEqual() {
        UUID pathway = pathway();
        MonitoringPlan plan = new MonitoringPlan(pathway);
        Instant now = Instant.parse("2026-12-02T08:00:00Z");
        plan.apply(new PlanSettings(Map.of(MeasurementType.WEIGHT, Frequency.DAILY, MeasurementType.PULSE, Frequency.DAILY),
                LocalTime.of(8, 0), new BigDecimal("82.5"), Thresholds.DEFAULT, 14, 7, 10, LocalDate.of(2027, 6, 1)), "karl", now);
        Thresholds individual = Thresholds.DEFAULT
                .with(MeasurementType.BLOOD_PRESSURE.quantities().get(0), decimals("90", "100", "140", "160"))
                .with(MeasurementType.BLOOD_PRESSURE.quantities().get(1), decimals("50", "60", "90", "100"))
                .with(MeasurementType.WEIGHT.primary(), decimals("-2.5", "-1.5", "1.5", "2.5"));
        assertThat(plan.setThresholds(individual, "karl", "Individuelle grænser", now.plusSeconds(60))).isTrue();
        assertThat(plan.setThresholds(individual, "karl", "Samme igen", now.plusSeconds(120))).as("the same thresholds are no new version").isFalse();
        plans.saveAndFlush(plan);
        entities.clear();

        MonitoringPlanView read = plans.findByPathwayId(pathway).orElseThrow().view();
        assertThat(read.thresholdHistory()).hasSize(2);
        assertThat(read.thresholdHistory().get(0).thresholds()).isEqualTo(Thresholds.DEFAULT);
        assertThat(read.currentThresholds().thresholds()).isEqualTo(individual);
        assertThat(read.thresholdHistory().get(0).thresholds().get("systolicRedHigh")).isNull();
        assertThat(read.currentThresholds().thresholds().get("weightRedLow")).isEqualTo(new BigDecimal("-2.5"));
        assertThat(jdbc.queryForObject("select count(*) from threshold_value where threshold_set_id = ?", Integer.class,
                read.currentThresholds().id())).isEqualTo(16);
        assertThat(jdbc.queryForObject("select count(*) from threshold_value where threshold_set_id = ?", Integer.class,
                read.thresholdHistory().get(0).id())).as("the defaults have no blood pressure").isEqualTo(8);
    }

    private UUID pathway() {
        UUID citizen = UUID.randomUUID();
        UUID pathway = UUID.randomUUID();
        jdbc.update("insert into organisation (id, kind, name, region, version) values "
                + "('kommune-slice', 'MUNICIPALITY', 'Slice Kommune', 'MIDT', 0), ('clinic-slice', 'CLINIC', 'Slice Klinik', 'MIDT', 0)");
        jdbc.update("insert into citizen (id, cpr, name, municipality_id, created_at, version) values (?, ?, 'Slice Borger', 'kommune-slice', ?, 0)",
                citizen, String.valueOf(1000000000L + Math.abs(citizen.getMostSignificantBits() % 8999999999L)), java.sql.Timestamp.from(Instant.now()));
        jdbc.update("insert into pathway (id, citizen_id, active_citizen_id, region, clinic_id, phase, treatment_responsible, "
                + "monitoring_responsible, municipal_course_active, extended, reassessment_overdue, created_at, updated_at, version) "
                + "values (?, ?, ?, 'MIDT', 'clinic-slice', 'TITRATION', 'CLINIC', 'CLINIC', false, false, false, ?, ?, 0)",
                pathway, citizen, citizen, java.sql.Timestamp.from(Instant.now()), java.sql.Timestamp.from(Instant.now()));
        return pathway;
    }

    private static List<BigDecimal> decimals(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
