package dk.carepath.measurement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Alarms raised into pathways (table pathway_alarm): each one once, by its dedup key. */
@Repository
class AlarmStore {

    record Alarm(long id, UUID pathwayId, String kind, String type, String dedupKey, Instant raisedAt, Long measurementId,
                 Instant deadline, String summary, String acknowledgedBy, Instant acknowledgedAt) {
    }

    private final JdbcTemplate jdbc;

    AlarmStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(UUID pathwayId, String kind, String type, String dedupKey) {
        Integer n = jdbc.queryForObject("select count(*) from pathway_alarm where pathway_id = ? and kind = ? and measurement_type = ? "
                + "and dedup_key = ?", Integer.class, pathwayId, kind, type, dedupKey);
        return n != null && n > 0;
    }

    /** The id of an alarm by its dedup key, or null. */
    Long idOf(UUID pathwayId, String kind, String type, String dedupKey) {
        return jdbc.query("select id from pathway_alarm where pathway_id = ? and kind = ? and measurement_type = ? and dedup_key = ?",
                (rs, n) -> rs.getLong(1), pathwayId, kind, type, dedupKey).stream().findFirst().orElse(null);
    }

    /**
     * Records the alarm; false when it was raised before. An alarm that was withdrawn (its measurement
     * corrected to another colour) and is called for again (corrected back) stands again.
     */
    boolean raise(UUID pathwayId, String kind, String type, String dedupKey, Instant at, Long measurementId, Instant deadline,
                  String summary) {
        if (exists(pathwayId, kind, type, dedupKey)) {
            return jdbc.update("update pathway_alarm set withdrawn_at = null, withdrawn_reason = null, raised_at = ?, summary = ?, "
                    + "acknowledged_by = null, acknowledged_at = null where pathway_id = ? and kind = ? and measurement_type = ? "
                    + "and dedup_key = ? and withdrawn_at is not null", Timestamp.from(at), summary, pathwayId, kind, type, dedupKey) > 0;
        }
        jdbc.update("insert into pathway_alarm (pathway_id, kind, measurement_type, dedup_key, raised_at, measurement_id, deadline, summary) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)", pathwayId, kind, type, dedupKey, Timestamp.from(at), measurementId,
                deadline == null ? null : Timestamp.from(deadline), summary);
        return true;
    }

    /** The alarms a measurement raised that stand (not withdrawn). */
    List<Alarm> ofMeasurement(long measurementId) {
        return jdbc.query("select * from pathway_alarm where measurement_id = ? and withdrawn_at is null order by id", AlarmStore::alarm,
                measurementId);
    }

    /** Withdraws an alarm whose measurement no longer calls for it; it stays recorded, with the reason. */
    void withdraw(long id, String reason, Instant at) {
        jdbc.update("update pathway_alarm set withdrawn_at = ?, withdrawn_reason = ? where id = ? and withdrawn_at is null",
                Timestamp.from(at), reason.length() > 300 ? reason.substring(0, 300) : reason, id);
    }

    private static Alarm alarm(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp deadline = rs.getTimestamp("deadline");
        Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
        long measurement = rs.getLong("measurement_id");
        Long measurementId = rs.wasNull() ? null : measurement;
        return new Alarm(rs.getLong("id"), rs.getObject("pathway_id", UUID.class), rs.getString("kind"),
                rs.getString("measurement_type"), rs.getString("dedup_key"), rs.getTimestamp("raised_at").toInstant(),
                measurementId, deadline == null ? null : deadline.toInstant(), rs.getString("summary"),
                rs.getString("acknowledged_by"), acknowledged == null ? null : acknowledged.toInstant());
    }

    /** The alarms of a pathway raised since then that stand (a withdrawn one counts for nothing). */
    List<Alarm> since(UUID pathwayId, Instant since) {
        return jdbc.query("select * from pathway_alarm where pathway_id = ? and raised_at >= ? and withdrawn_at is null "
                + "order by raised_at desc", (rs, n) -> {
            Timestamp deadline = rs.getTimestamp("deadline");
            Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
            long measurement = rs.getLong("measurement_id");
            Long measurementId = rs.wasNull() ? null : measurement;
            return new Alarm(rs.getLong("id"), rs.getObject("pathway_id", UUID.class), rs.getString("kind"),
                    rs.getString("measurement_type"), rs.getString("dedup_key"), rs.getTimestamp("raised_at").toInstant(),
                    measurementId, deadline == null ? null : deadline.toInstant(), rs.getString("summary"),
                    rs.getString("acknowledged_by"), acknowledged == null ? null : acknowledged.toInstant());
        }, pathwayId, Timestamp.from(since));
    }

    /** The pathway an alarm was raised on. */
    java.util.Optional<UUID> pathwayOf(long id) {
        return jdbc.query("select pathway_id from pathway_alarm where id = ?", (rs, n) -> rs.getObject(1, UUID.class), id)
                .stream().findFirst();
    }

    /** Unacknowledged missing-measurement alarms of running pathways, oldest first. */
    List<Alarm> openMissing() {
        return jdbc.query("select a.* from pathway_alarm a join pathway p on p.id = a.pathway_id and p.active_citizen_id is not null "
                + "where a.kind = 'MEASUREMENTS_MISSING' and a.acknowledged_at is null order by a.raised_at", (rs, n) -> {
            Timestamp deadline = rs.getTimestamp("deadline");
            return new Alarm(rs.getLong("id"), rs.getObject("pathway_id", UUID.class), rs.getString("kind"),
                    rs.getString("measurement_type"), rs.getString("dedup_key"), rs.getTimestamp("raised_at").toInstant(),
                    null, deadline == null ? null : deadline.toInstant(), rs.getString("summary"), null, null);
        });
    }

    /** Acknowledges a pathway's open missing-measurement alarms. */
    int acknowledgeMissing(UUID pathwayId, String by, Instant at) {
        return jdbc.update("update pathway_alarm set acknowledged_by = ?, acknowledged_at = ? where pathway_id = ? "
                + "and kind = 'MEASUREMENTS_MISSING' and acknowledged_at is null", by, Timestamp.from(at), pathwayId);
    }

    int acknowledge(long id, String by, Instant at) {
        return jdbc.update("update pathway_alarm set acknowledged_by = ?, acknowledged_at = ? where id = ? and acknowledged_at is null",
                by, Timestamp.from(at), id);
    }
}
