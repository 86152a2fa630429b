package dk.carepath.measurement;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The halves of blood pressures sent as Observations of their own (table measurement_part): each
 * with its sender's id, waiting for its other half, then pointing at the blood-pressure measurement
 * the two became.
 */
@Repository
class MeasurementParts {

    record Part(long id, String source, String senderId, UUID citizenId, UUID pathwayId, FhirCodes.Half half, BigDecimal value,
                String unit, Instant measuredAt, String basedOn, Instant receivedAt, Long measurementId, Instant retractedAt) {
    }

    private static final String COLUMNS = "id, source, sender_id, citizen_id, pathway_id, part, value1, unit, measured_at, based_on, "
            + "received_at, measurement_id, retracted_at";

    private final JdbcTemplate jdbc;

    MeasurementParts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Part> bySender(String source, String senderId) {
        return jdbc.query("select " + COLUMNS + " from measurement_part where source = ? and sender_id = ?", ROW, source, senderId)
                .stream().findFirst();
    }

    /** The parts of a measurement (both halves of a pair). */
    List<Part> ofMeasurement(long measurementId) {
        return jdbc.query("select " + COLUMNS + " from measurement_part where measurement_id = ? order by part desc", ROW, measurementId);
    }

    /**
     * The other half waiting for this one: the same sender and citizen, the same time and ServiceRequest
     * (basedOn, or none on both), not yet paired nor retracted, received since {@code since}; locked.
     */
    Optional<Part> waitingMate(String source, UUID citizenId, FhirCodes.Half half, Instant measuredAt, String basedOn, Instant since) {
        FhirCodes.Half other = half == FhirCodes.Half.SYSTOLIC ? FhirCodes.Half.DIASTOLIC : FhirCodes.Half.SYSTOLIC;
        return jdbc.query("select " + COLUMNS + " from measurement_part where source = ? and citizen_id = ? and part = ? "
                        + "and measured_at = ? and measurement_id is null and retracted_at is null and received_at >= ? "
                        + "and " + (basedOn == null ? "based_on is null" : "based_on = ?") + " order by id limit 1 for update",
                ROW, basedOn == null
                        ? new Object[] {source, citizenId, other.name(), Timestamp.from(measuredAt), Timestamp.from(since)}
                        : new Object[] {source, citizenId, other.name(), Timestamp.from(measuredAt), Timestamp.from(since), basedOn})
                .stream().findFirst();
    }

    /** Halves whose other half did not come in time: received before {@code before}, unpaired, not retracted. */
    List<Part> expired(Instant before, int limit) {
        return jdbc.query("select " + COLUMNS + " from measurement_part where measurement_id is null and retracted_at is null "
                + "and received_at < ? order by id limit " + limit, ROW, Timestamp.from(before));
    }

    Optional<Part> findForUpdate(long id) {
        return jdbc.query("select " + COLUMNS + " from measurement_part where id = ? for update", ROW, id).stream().findFirst();
    }

    long insert(MeasurementInput m, FhirCodes.Half half, UUID pathwayId, String basedOn, Instant receivedAt, Long measurementId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("insert into measurement_part (source, sender_id, citizen_id, pathway_id, "
                    + "part, value1, unit, measured_at, based_on, received_at, measurement_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            ps.setString(1, m.source());
            ps.setString(2, m.senderId());
            ps.setObject(3, m.citizenId());
            ps.setObject(4, pathwayId);
            ps.setString(5, half.name());
            ps.setBigDecimal(6, value(m, half));
            ps.setString(7, m.unit());
            ps.setTimestamp(8, Timestamp.from(m.measuredAt()));
            ps.setString(9, basedOn);
            ps.setTimestamp(10, Timestamp.from(receivedAt));
            if (measurementId == null) {
                ps.setNull(11, java.sql.Types.BIGINT);
            } else {
                ps.setLong(11, measurementId);
            }
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** The value of the half a blood-pressure input carries. */
    static BigDecimal value(MeasurementInput m, FhirCodes.Half half) {
        return half == FhirCodes.Half.SYSTOLIC ? m.value() : m.value2();
    }

    void pair(long partId, long measurementId) {
        jdbc.update("update measurement_part set measurement_id = ? where id = ?", measurementId, partId);
    }

    /** The sender's correction of a half. */
    void correct(long partId, BigDecimal value, String unit, Instant measuredAt) {
        jdbc.update("update measurement_part set value1 = ?, unit = ?, measured_at = ? where id = ?", value, unit, Timestamp.from(measuredAt),
                partId);
    }

    void retract(long partId, Instant at) {
        jdbc.update("update measurement_part set retracted_at = ? where id = ? and retracted_at is null", Timestamp.from(at), partId);
    }

    private static final RowMapper<Part> ROW = (ResultSet rs, int n) -> {
        long measurement = rs.getLong("measurement_id");
        Long measurementId = rs.wasNull() ? null : measurement;
        Timestamp retracted = rs.getTimestamp("retracted_at");
        return new Part(rs.getLong("id"), rs.getString("source"), rs.getString("sender_id"), rs.getObject("citizen_id", UUID.class),
                rs.getObject("pathway_id", UUID.class), FhirCodes.Half.valueOf(rs.getString("part")), rs.getBigDecimal("value1"),
                rs.getString("unit"), rs.getTimestamp("measured_at").toInstant(), rs.getString("based_on"),
                rs.getTimestamp("received_at").toInstant(), measurementId, retracted == null ? null : retracted.toInstant());
    };
}
