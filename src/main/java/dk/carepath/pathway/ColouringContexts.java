package dk.carepath.pathway;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads {@link ColouringContext}s with plain SQL: measurement intake asks for thousands a second,
 * and the JPA view of a plan (with its whole threshold history) is far more than a colour needs.
 */
@Service
public class ColouringContexts {

    private static final String SELECT = """
            select p.id, p.citizen_id, p.phase, p.paused_until, mp.reference_weight_kg, ts.id as ts_id,
                   ts.pulse_red_high, ts.pulse_yellow_high, ts.pulse_yellow_low, ts.pulse_red_low,
                   ts.weight_red_high, ts.weight_yellow_high, ts.weight_yellow_low, ts.weight_red_low,
                   ts.systolic_red_high, ts.systolic_yellow_high, ts.systolic_yellow_low, ts.systolic_red_low,
                   ts.diastolic_red_high, ts.diastolic_yellow_high, ts.diastolic_yellow_low, ts.diastolic_red_low
              from pathway p
              left join monitoring_plan mp on mp.pathway_id = p.id
              left join threshold_set ts on ts.id = (select max(t2.id) from threshold_set t2 where t2.plan_id = mp.id)
            """;

    private final NamedParameterJdbcTemplate jdbc;

    ColouringContexts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The citizen's running pathway, if any. */
    public Optional<ColouringContext> forCitizen(UUID citizenId) {
        return jdbc.getJdbcOperations().query(SELECT + " where p.active_citizen_id = ?", (rs, n) -> map(rs), citizenId)
                .stream().findFirst();
    }

    /** The running pathways of these citizens, by citizen id; citizens without one are absent. */
    public Map<UUID, ColouringContext> forCitizens(Collection<UUID> citizenIds) {
        Map<UUID, ColouringContext> contexts = new HashMap<>();
        if (citizenIds.isEmpty()) {
            return contexts;
        }
        // one array parameter, not an IN list: the same plan for any number of ids, and no bind-parameter limit
        jdbc.getJdbcOperations().query(SELECT + " where p.active_citizen_id = any(?)",
                rs -> {
                    ColouringContext context = map(rs);
                    contexts.put(context.citizenId(), context);
                }, (Object) citizenIds.toArray(UUID[]::new));
        return contexts;
    }

    public Optional<ColouringContext> forPathway(UUID pathwayId) {
        List<ColouringContext> found = jdbc.query(SELECT + " where p.id = :id", Map.of("id", pathwayId), (rs, n) -> map(rs));
        return found.stream().findFirst();
    }

    /** Running pathways in the phases where measurements are expected. */
    public List<ColouringContext> monitored() {
        return jdbc.query(SELECT + " where p.active_citizen_id is not null and p.phase in (:phases)",
                Map.of("phases", List.of(Phase.STARTUP_MONITORING.name(), Phase.TITRATION.name(), Phase.REASSESSMENT.name())),
                (rs, n) -> map(rs));
    }

    /** The measurement schedules of these pathways (those with a plan), by pathway id. */
    public Map<UUID, PlanSchedule> schedules(Collection<UUID> pathwayIds) {
        Map<UUID, PlanSchedule> schedules = new HashMap<>();
        if (pathwayIds.isEmpty()) {
            return schedules;
        }
        jdbc.getJdbcOperations().query("""
                select p.id, p.monitoring_since, mp.measurement_time, pm.measurement_type, pm.frequency
                  from pathway p
                  join monitoring_plan mp on mp.pathway_id = p.id
                  join plan_measurement pm on pm.plan_id = mp.id
                 where p.id = any(?)
                """, rs -> {
            UUID id = rs.getObject("id", UUID.class);
            Timestamp since = rs.getTimestamp("monitoring_since");
            PlanSchedule schedule = schedules.computeIfAbsent(id, key -> {
                try {
                    return new PlanSchedule(key, since == null ? null : since.toInstant(),
                            rs.getObject("measurement_time", java.time.LocalTime.class), new java.util.EnumMap<>(MeasurementType.class));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            schedule.frequencies().put(MeasurementType.valueOf(rs.getString("measurement_type")), Frequency.valueOf(rs.getString("frequency")));
        }, (Object) pathwayIds.toArray(UUID[]::new));
        return schedules;
    }

    private static ColouringContext map(ResultSet rs) throws SQLException {
        long ts = rs.getLong("ts_id");
        Long thresholdSetId = rs.wasNull() ? null : ts;
        Thresholds thresholds = thresholdSetId == null ? null : new Thresholds(
                integer(rs, "pulse_red_high"), integer(rs, "pulse_yellow_high"), integer(rs, "pulse_yellow_low"), integer(rs, "pulse_red_low"),
                rs.getBigDecimal("weight_red_high"), rs.getBigDecimal("weight_yellow_high"), rs.getBigDecimal("weight_yellow_low"),
                rs.getBigDecimal("weight_red_low"),
                integer(rs, "systolic_red_high"), integer(rs, "systolic_yellow_high"), integer(rs, "systolic_yellow_low"),
                integer(rs, "systolic_red_low"),
                integer(rs, "diastolic_red_high"), integer(rs, "diastolic_yellow_high"), integer(rs, "diastolic_yellow_low"),
                integer(rs, "diastolic_red_low"));
        Timestamp paused = rs.getTimestamp("paused_until");
        BigDecimal reference = rs.getBigDecimal("reference_weight_kg");
        return new ColouringContext(rs.getObject("id", UUID.class), rs.getObject("citizen_id", UUID.class),
                Phase.valueOf(rs.getString("phase")), paused == null ? null : paused.toInstant(), reference, thresholdSetId, thresholds);
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
