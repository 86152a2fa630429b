package dk.carepath.measurement;

import dk.carepath.pathway.MeasurementType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The measurement table, in plain SQL: intake writes thousands of rows a second, in batches, and
 * needs none of an ORM's bookkeeping.
 */
@Repository
class MeasurementStore {

    static final String COLUMNS = "id, source, sender_id, citizen_id, pathway_id, type, value1, value2, symptoms, unit, measured_at, "
            + "received_at, colour, colour_reason, colour_threshold, threshold_set_id, escalation, acknowledged_by, acknowledged_at";
    static final String INSERT = "insert into measurement (source, sender_id, citizen_id, pathway_id, type, value1, value2, symptoms, unit, "
            + "measured_at, received_at, colour, colour_reason, colour_threshold, threshold_set_id, escalation, escalation_attempts) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";

    /** What is stored for one new measurement. */
    record NewRow(MeasurementInput input, UUID pathwayId, ColourResult colour, EscalationState escalation, Instant receivedAt) {
    }

    private final JdbcTemplate jdbc;

    MeasurementStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts one row and returns its id; a duplicate (source, senderId) throws DuplicateKeyException. */
    long insert(NewRow row) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement(INSERT, new String[] {"id"});
            bind(ps, row);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** Inserts rows in one JDBC batch; their ids are then read by {@link #idsOf}. */
    void insertAll(List<NewRow> rows) {
        jdbc.batchUpdate(INSERT, rows, 500, MeasurementStore::bind);
    }

    /** The ids of a source's measurements with these sender ids, by sender id: all a batch needs to answer. */
    Map<String, Long> idsOf(String source, Collection<String> senderIds) {
        Map<String, Long> ids = new HashMap<>();
        if (!senderIds.isEmpty()) {
            jdbc.query("select sender_id, id from measurement where source = ? and sender_id = any(?)",
                    rs -> {
                        ids.put(rs.getString(1), rs.getLong(2));
                    }, source, senderIds.toArray(String[]::new));
        }
        return ids;
    }

    private static void bind(PreparedStatement ps, NewRow row) throws SQLException {
        MeasurementInput m = row.input();
        ps.setString(1, m.source());
        ps.setString(2, m.senderId());
        ps.setObject(3, m.citizenId());
        ps.setObject(4, row.pathwayId());
        ps.setString(5, m.type().name());
        ps.setBigDecimal(6, m.value());
        ps.setBigDecimal(7, m.value2());
        ps.setString(8, m.symptomText());
        ps.setString(9, m.unit());
        ps.setTimestamp(10, Timestamp.from(m.measuredAt()));
        ps.setTimestamp(11, Timestamp.from(row.receivedAt()));
        ColourResult c = row.colour();
        ps.setString(12, c.colour() == null ? null : c.colour().name());
        ps.setString(13, c.reason());
        ps.setString(14, c.threshold());
        if (c.thresholdSetId() == null) {
            ps.setNull(15, Types.BIGINT);
        } else {
            ps.setLong(15, c.thresholdSetId());
        }
        ps.setString(16, row.escalation().name());
    }

    /** The stored measurements of a source with these sender ids, by sender id. */
    Map<String, StoredMeasurement> bySenderIds(String source, Collection<String> senderIds) {
        Map<String, StoredMeasurement> found = new HashMap<>();
        if (senderIds.isEmpty()) {
            return found;
        }
        // an array parameter, not an IN list: PostgreSQL's generic plan for an IN list of 500 filtered every row
        // of the source after the index (seconds per batch); "= any(?)" keeps both columns in the index condition
        jdbc.query("select " + COLUMNS + " from measurement where source = ? and sender_id = any(?)",
                rs -> {
                    StoredMeasurement m = ROW.mapRow(rs, 0);
                    found.put(m.senderId(), m);
                }, source, senderIds.toArray(String[]::new));
        return found;
    }

    /** The measurement, its row locked until the transaction ends. */
    Optional<StoredMeasurement> findForUpdate(long id) {
        return jdbc.query("select " + COLUMNS + " from measurement where id = ? for update", ROW, id).stream().findFirst();
    }

    Optional<StoredMeasurement> find(long id) {
        return jdbc.query("select " + COLUMNS + " from measurement where id = ?", ROW, id).stream().findFirst();
    }

    /** The measurements of a type before this one, newest first, within the window. */
    List<StoredMeasurement> before(UUID pathwayId, MeasurementType type, Instant measuredAt, long excludeId, Instant since, int limit) {
        return jdbc.query("select " + COLUMNS + " from measurement where pathway_id = ? and type = ? and measured_at <= ? "
                        + "and measured_at >= ? and id <> ? and retracted_at is null order by measured_at desc, id desc limit " + limit, ROW,
                pathwayId, type.name(), Timestamp.from(measuredAt), Timestamp.from(since), excludeId);
    }

    List<StoredMeasurement> ofPathway(UUID pathwayId, Instant since, int limit) {
        return jdbc.query("select " + COLUMNS + " from measurement where pathway_id = ? and measured_at >= ? and retracted_at is null "
                + "order by measured_at desc, id desc limit " + limit, ROW, pathwayId, Timestamp.from(since));
    }

    /** The newest measurement time per type of a pathway. */
    Map<MeasurementType, Instant> latestPerType(UUID pathwayId) {
        Map<MeasurementType, Instant> latest = new HashMap<>();
        jdbc.query("select type, max(measured_at) as latest from measurement where pathway_id = ? and retracted_at is null group by type", rs -> {
            latest.put(MeasurementType.valueOf(rs.getString("type")), rs.getTimestamp("latest").toInstant());
        }, pathwayId);
        return latest;
    }

    /** Whether a measurement of the type was taken in (from, to]. */
    boolean measuredBetween(UUID pathwayId, MeasurementType type, Instant from, Instant to) {
        Integer n = jdbc.queryForObject("select count(*) from measurement where pathway_id = ? and type = ? "
                + "and measured_at > ? and measured_at <= ? and retracted_at is null", Integer.class, pathwayId, type.name(), Timestamp.from(from), Timestamp.from(to));
        return n != null && n > 0;
    }

    /** Measurements whose escalation is pending and not in flight: received before {@code before}; red and uncoloured first. */
    List<Escalations.Pending> pendingEscalations(Instant before, int limit) {
        return jdbc.query("select id, colour from measurement where escalation = '" + EscalationState.PENDING + "' and received_at < ? "
                        + "and escalation_attempts < 20 order by case when colour = 'RED' or colour is null then 0 else 1 end, received_at "
                        + "limit " + limit,
                (rs, n) -> new Escalations.Pending(rs.getLong("id"), rs.getString("colour") == null ? null : Colour.valueOf(rs.getString("colour"))),
                Timestamp.from(before));
    }

    void colour(long id, ColourResult colour) {
        jdbc.update("update measurement set colour = ?, colour_reason = ?, colour_threshold = ?, threshold_set_id = ? where id = ?",
                colour.colour().name(), colour.reason(), colour.threshold(), colour.thresholdSetId(), id);
    }

    /** Marks the escalation done; 0 when someone else did it first. */
    int escalated(long id) {
        return jdbc.update("update measurement set escalation = '" + EscalationState.DONE + "' where id = ? and escalation = '"
                + EscalationState.PENDING + "'", id);
    }

    void escalationFailed(long id) {
        jdbc.update("update measurement set escalation_attempts = escalation_attempts + 1 where id = ?", id);
    }

    int acknowledge(long id, String by, Instant at) {
        return jdbc.update("update measurement set acknowledged_by = ?, acknowledged_at = ? where id = ? and acknowledged_at is null",
                by, Timestamp.from(at), id);
    }

    /** Acknowledges the measurement only if it is of that pathway (a task never acknowledges another citizen's). */
    int acknowledge(long id, UUID pathwayId, String by, Instant at) {
        return jdbc.update("update measurement set acknowledged_by = ?, acknowledged_at = ? where id = ? and pathway_id = ? "
                + "and acknowledged_at is null", by, Timestamp.from(at), id, pathwayId);
    }

    int acknowledgeGreen(Collection<UUID> pathwayIds, String by, Instant at) {
        if (pathwayIds.isEmpty()) {
            return 0;
        }
        return jdbc.update("update measurement set acknowledged_by = ?, acknowledged_at = ? "
                        + "where pathway_id = any(?) and colour = 'GREEN' and acknowledged_at is null",
                by, Timestamp.from(at), pathwayIds.toArray(UUID[]::new));
    }

    /**
     * Per running pathway: its worst unacknowledged measurement (by colour rank, then oldest) and how
     * many are unacknowledged per colour.
     */
    List<TriageRow> triage() {
        String rank = "case m.colour when 'RED' then 1 when 'YELLOW' then 2 when 'CHECK' then 3 when 'GREEN' then 5 else 9 end";
        List<TriageRow> rows = new ArrayList<>();
        jdbc.query("""
                select * from (
                  select m.id, m.pathway_id, m.citizen_id, m.type, m.colour, m.colour_reason, m.value1, m.value2, m.measured_at,
                         row_number() over (partition by m.pathway_id order by %1$s, m.measured_at, m.id) as position,
                         sum(case when m.colour = 'RED' then 1 else 0 end) over (partition by m.pathway_id) as reds,
                         sum(case when m.colour = 'YELLOW' then 1 else 0 end) over (partition by m.pathway_id) as yellows,
                         sum(case when m.colour = 'CHECK' then 1 else 0 end) over (partition by m.pathway_id) as checks,
                         sum(case when m.colour = 'GREEN' then 1 else 0 end) over (partition by m.pathway_id) as greens
                    from measurement m
                    join pathway p on p.id = m.pathway_id and p.active_citizen_id is not null
                   where m.acknowledged_at is null and m.retracted_at is null and m.colour in ('RED', 'YELLOW', 'CHECK', 'GREEN')
                ) worst where position = 1
                """.formatted(rank), rs -> {
            rows.add(new TriageRow(rs.getObject("pathway_id", UUID.class), rs.getObject("citizen_id", UUID.class),
                    rs.getLong("id"), MeasurementType.valueOf(rs.getString("type")), Colour.valueOf(rs.getString("colour")),
                    rs.getString("colour_reason"), rs.getBigDecimal("value1"), rs.getBigDecimal("value2"),
                    rs.getTimestamp("measured_at").toInstant(), rs.getInt("reds"), rs.getInt("yellows"), rs.getInt("checks"),
                    rs.getInt("greens")));
        });
        return rows;
    }

    /** Per pathway and type: the newest measurement (acknowledged or not), for the triage's latest values. */
    List<StoredMeasurement> latestOf(Collection<UUID> pathwayIds) {
        if (pathwayIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + COLUMNS + " from (select m.*, row_number() over (partition by m.pathway_id, m.type "
                        + "order by m.measured_at desc, m.id desc) as position from measurement m where m.pathway_id = any(?) "
                        + "and m.retracted_at is null) latest "
                        + "where position = 1", ROW, (Object) pathwayIds.toArray(UUID[]::new));
    }

    /** Acknowledges every unacknowledged measurement of a pathway (a nurse has seen the citizen). */
    int acknowledgeAll(UUID pathwayId, String by, Instant at) {
        return jdbc.update("update measurement set acknowledged_by = ?, acknowledged_at = ? where pathway_id = ? and acknowledged_at is null",
                by, Timestamp.from(at), pathwayId);
    }

    // ---- a measurement's sender changes it: periods, corrections, retractions

    /** The start of the period a measurement covers (it was stored at the period's end). */
    void period(long id, Instant start) {
        jdbc.update("update measurement set period_start = ? where id = ?", start == null ? null : Timestamp.from(start), id);
    }

    /** When the sender retracted the measurement, if it did. */
    Optional<Instant> retractedAt(long id) {
        return jdbc.query("select retracted_at from measurement where id = ? and retracted_at is not null",
                (rs, n) -> rs.getTimestamp(1).toInstant(), id).stream().findFirst();
    }

    /** Whether a measurement still needs a nurse: stored, not retracted, not acknowledged. */
    boolean needsAttention(long id) {
        Integer n = jdbc.queryForObject("select count(*) from measurement where id = ? and retracted_at is null and acknowledged_at is null",
                Integer.class, id);
        return n != null && n > 0;
    }

    /** Keeps what the measurement is now in its history, before its sender changes it. */
    void history(StoredMeasurement m, String change, String by, Instant at) {
        Timestamp periodStart = jdbc.query("select period_start from measurement where id = ?", (rs, n) -> rs.getTimestamp(1), m.id())
                .stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
        jdbc.update("insert into measurement_history (measurement_id, change, changed_at, changed_by, value1, value2, symptoms, unit, "
                        + "measured_at, period_start, colour, colour_reason, colour_threshold, threshold_set_id, acknowledged_by, acknowledged_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", m.id(), change, Timestamp.from(at), by, m.value(), m.value2(),
                m.symptoms(), m.unit(), Timestamp.from(m.measuredAt()), periodStart, m.colour() == null ? null : m.colour().name(),
                m.colourReason(), m.colourThreshold(), m.thresholdSetId(), m.acknowledgedBy(),
                m.acknowledgedAt() == null ? null : Timestamp.from(m.acknowledgedAt()));
    }

    /** How many times the measurement was changed by its sender. */
    int revisions(long id) {
        Integer n = jdbc.queryForObject("select count(*) from measurement_history where measurement_id = ?", Integer.class, id);
        return n == null ? 0 : n;
    }

    /** What a measurement was before, oldest first: (change, value1, value2, colour). */
    List<Map<String, Object>> historyOf(long id) {
        return jdbc.queryForList("select change, value1, value2, symptoms, unit, measured_at, colour, changed_at from measurement_history "
                + "where measurement_id = ? order by id", id);
    }

    /**
     * The sender's correction replaces the measurement's value (its history keeps the old one): coloured
     * anew, unacknowledged again, escalated again when {@code escalation} is PENDING.
     */
    void replace(long id, MeasurementInput m, Instant periodStart, ColourResult colour, EscalationState escalation) {
        jdbc.update("update measurement set value1 = ?, value2 = ?, symptoms = ?, unit = ?, measured_at = ?, period_start = ?, colour = ?, "
                        + "colour_reason = ?, colour_threshold = ?, threshold_set_id = ?, escalation = ?, escalation_attempts = 0, "
                        + "acknowledged_by = null, acknowledged_at = null where id = ?",
                m.value(), m.value2(), m.symptomText(), m.unit(), Timestamp.from(m.measuredAt()),
                periodStart == null ? null : Timestamp.from(periodStart), colour.colour() == null ? null : colour.colour().name(),
                colour.reason(), colour.threshold(), colour.thresholdSetId(), escalation.name(), id);
    }

    /** The sender retracted it: out of triage, charts and rules; escalated once more when its alarms must be withdrawn. */
    void retract(long id, String reason, Instant at, boolean withdrawAlarms) {
        jdbc.update("update measurement set retracted_at = ?, retracted_reason = ?" + (withdrawAlarms ? ", escalation = '" + EscalationState.PENDING + "', "
                        + "escalation_attempts = 0" : "") + " where id = ? and retracted_at is null", Timestamp.from(at),
                reason.length() > 300 ? reason.substring(0, 300) : reason, id);
    }

    record TriageRow(UUID pathwayId, UUID citizenId, long measurementId, MeasurementType type, Colour colour, String reason,
                     java.math.BigDecimal value, java.math.BigDecimal value2, Instant measuredAt, int reds, int yellows,
                     int checks, int greens) {
    }

    static final RowMapper<StoredMeasurement> ROW = (ResultSet rs, int n) -> {
        String colour = rs.getString("colour");
        long ts = rs.getLong("threshold_set_id");
        Long thresholdSetId = rs.wasNull() ? null : ts;
        Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
        return new StoredMeasurement(rs.getLong("id"), rs.getString("source"), rs.getString("sender_id"),
                rs.getObject("citizen_id", UUID.class), rs.getObject("pathway_id", UUID.class),
                MeasurementType.valueOf(rs.getString("type")), rs.getBigDecimal("value1"), rs.getBigDecimal("value2"),
                rs.getString("symptoms"), rs.getString("unit"), rs.getTimestamp("measured_at").toInstant(),
                rs.getTimestamp("received_at").toInstant(), colour == null ? null : Colour.valueOf(colour),
                rs.getString("colour_reason"), rs.getString("colour_threshold"), thresholdSetId, EscalationState.valueOf(rs.getString("escalation")),
                rs.getString("acknowledged_by"), acknowledged == null ? null : acknowledged.toInstant());
    };
}
