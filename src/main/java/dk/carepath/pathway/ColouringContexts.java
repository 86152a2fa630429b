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
            select p.id, p.citizen_id, p.phase, p.paused_until, mp.reference_weight_kg,
                   (select max(t2.id) from threshold_set t2 where t2.plan_id = mp.id) as ts_id,
                   (select max(d.deployment_id_) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_
                     where e.business_key_ = cast(p.id as varchar(64)) and e.parent_id_ is null
                       and d.key_ = 'heart-failure-pathway') as deployment_id
              from pathway p
              left join monitoring_plan mp on mp.pathway_id = p.id
            """;

    /** How many threshold sets are remembered; beyond that the memory starts afresh. */
    static final int MEMORY = 50_000;

    private final NamedParameterJdbcTemplate jdbc;
    /**
     * Threshold sets by id. A set is never changed once written (a change is a new set), so a
     * remembered one stays true; most citizens share a handful of sets' values but each has its own id.
     */
    private final Map<Long, Thresholds> sets = new java.util.concurrent.ConcurrentHashMap<>();

    ColouringContexts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The citizen's running pathway, if any. */
    public Optional<ColouringContext> forCitizen(UUID citizenId) {
        return withThresholds(jdbc.getJdbcOperations().query(SELECT + " where p.active_citizen_id = ?", (rs, n) -> map(rs), citizenId))
                .stream().findFirst();
    }

    /** The running pathways of these citizens, by citizen id; citizens without one are absent. */
    public Map<UUID, ColouringContext> forCitizens(Collection<UUID> citizenIds) {
        Map<UUID, ColouringContext> contexts = new HashMap<>();
        if (citizenIds.isEmpty()) {
            return contexts;
        }
        // one array parameter, not an IN list: the same plan for any number of ids, and no bind-parameter limit
        List<ColouringContext> found = jdbc.getJdbcOperations().query(SELECT + " where p.active_citizen_id = any(?)",
                (rs, n) -> map(rs), (Object) citizenIds.toArray(UUID[]::new));
        withThresholds(found).forEach(context -> contexts.put(context.citizenId(), context));
        return contexts;
    }

    public Optional<ColouringContext> forPathway(UUID pathwayId) {
        List<ColouringContext> found = jdbc.query(SELECT + " where p.id = :id", Map.of("id", pathwayId), (rs, n) -> map(rs));
        return withThresholds(found).stream().findFirst();
    }

    /** Running pathways in the phases where measurements are expected. */
    public List<ColouringContext> monitored() {
        return withThresholds(jdbc.query(SELECT + " where p.active_citizen_id is not null and p.phase in (:phases)",
                Map.of("phases", List.of(Phase.STARTUP_MONITORING.name(), Phase.TITRATION.name(), Phase.REASSESSMENT.name())),
                (rs, n) -> map(rs)));
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

    /** the contexts with their threshold sets, read in one query for those not remembered */
    private List<ColouringContext> withThresholds(List<ColouringContext> contexts) {
        Map<Long, Thresholds> found = new HashMap<>();
        List<Long> unknown = new java.util.ArrayList<>();
        contexts.stream().map(ColouringContext::thresholdSetId).filter(java.util.Objects::nonNull).distinct().forEach(id -> {
            Thresholds known = sets.get(id);
            if (known == null) unknown.add(id); else found.put(id, known);
        });
        if (!unknown.isEmpty()) {
            Map<Long, Map<String, BigDecimal>> read = new HashMap<>();
            jdbc.getJdbcOperations().query("select threshold_set_id, name, amount from threshold_value where threshold_set_id = any(?)",
                    rs -> {
                        read.computeIfAbsent(rs.getLong("threshold_set_id"), k -> new HashMap<>()).put(rs.getString("name"), rs.getBigDecimal("amount"));
                    }, (Object) unknown.toArray(Long[]::new));
            if (sets.size() + unknown.size() > MEMORY) {
                sets.clear();
            }
            for (Long id : unknown) {
                Thresholds thresholds = new Thresholds(read.getOrDefault(id, Map.of()));
                sets.put(id, thresholds);
                found.put(id, thresholds);
            }
        }
        return contexts.stream().map(c -> c.thresholdSetId() == null ? c : new ColouringContext(c.pathwayId(), c.citizenId(), c.phase(),
                c.pausedUntil(), c.referenceWeightKg(), c.thresholdSetId(), found.get(c.thresholdSetId()), c.deploymentId())).toList();
    }

    private static ColouringContext map(ResultSet rs) throws SQLException {
        long ts = rs.getLong("ts_id");
        Long thresholdSetId = rs.wasNull() ? null : ts;
        Timestamp paused = rs.getTimestamp("paused_until");
        BigDecimal reference = rs.getBigDecimal("reference_weight_kg");
        return new ColouringContext(rs.getObject("id", UUID.class), rs.getObject("citizen_id", UUID.class),
                Phase.valueOf(rs.getString("phase")), paused == null ? null : paused.toInstant(), reference, thresholdSetId, null,
                rs.getString("deployment_id"));
    }
}
