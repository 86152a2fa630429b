package dk.carepath.region;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The versions of the region packs that process owners changed through the API (table region_pack_version). */
@Repository
class RegionPackVersions {

    /** A version: 0 is the shipped file, which is not stored. */
    record Version(String region, int version, String yaml, String changedBy, Instant changedAt, String reason) {
    }

    private final JdbcTemplate jdbc;

    RegionPackVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Version> of(String region) {
        return jdbc.query("select region_id, version, yaml, changed_by, changed_at, reason from region_pack_version where region_id = ? "
                + "order by version", (rs, n) -> new Version(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getString(6)), region);
    }

    Optional<Version> latest(String region) {
        List<Version> all = of(region);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** @throws org.springframework.dao.DuplicateKeyException when another change of the region came first */
    void add(Version version) {
        jdbc.update("insert into region_pack_version (region_id, version, yaml, changed_by, changed_at, reason) values (?, ?, ?, ?, ?, ?)",
                version.region(), version.version(), version.yaml(), version.changedBy(), Timestamp.from(version.changedAt()), version.reason());
    }
}
