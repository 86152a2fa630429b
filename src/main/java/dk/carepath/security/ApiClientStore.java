package dk.carepath.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table api_client. */
@Repository
class ApiClientStore {

    /** A stored client; {@code tokenHash} is null while revoked. */
    record Row(String id, String name, String role, String tokenHash, Instant tokenIssuedAt, String tokenIssuedBy,
               String createdBy, Instant createdAt, Instant revokedAt, String revokedBy, Instant lastUsedAt) {

        boolean active() {
            return tokenHash != null;
        }

        ApiClientView view() {
            return new ApiClientView(id, name, role, active(), tokenIssuedAt, tokenIssuedBy, createdBy, createdAt, revokedAt, revokedBy,
                    lastUsedAt);
        }

        @Override
        public String toString() {
            return "Row[" + id + ", " + role + (active() ? "" : ", revoked") + "]";
        }
    }

    private static final String COLUMNS = "id, name, role, token_hash, token_issued_at, token_issued_by, created_by, created_at, "
            + "revoked_at, revoked_by, last_used_at";

    private final JdbcTemplate jdbc;

    ApiClientStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(String id) {
        return jdbc.query("select " + COLUMNS + " from api_client where id = ?", ApiClientStore::row, id).stream().findFirst();
    }

    /** The client whose current token has this hash (found by the unique index). */
    Optional<Row> findActiveByHash(String tokenHash) {
        return jdbc.query("select " + COLUMNS + " from api_client where token_hash = ?", ApiClientStore::row, tokenHash)
                .stream().findFirst();
    }

    List<Row> all() {
        return jdbc.query("select " + COLUMNS + " from api_client order by id", ApiClientStore::row);
    }

    void insert(String id, String name, String role, String tokenHash, String by, Instant at) {
        jdbc.update("insert into api_client (id, name, role, token_hash, token_issued_at, token_issued_by, created_by, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)", id, name, role, tokenHash, Timestamp.from(at), by, by, Timestamp.from(at));
    }

    /** The new token replaces the old one (also a revoked one); false when there is no such client. */
    boolean replaceToken(String id, String tokenHash, String by, Instant at) {
        return jdbc.update("update api_client set token_hash = ?, token_issued_at = ?, token_issued_by = ?, revoked_at = null, "
                + "revoked_by = null where id = ?", tokenHash, Timestamp.from(at), by, id) == 1;
    }

    /** False when there is no such client or it is revoked already (the first revocation stays on record). */
    boolean revoke(String id, String by, Instant at) {
        return jdbc.update("update api_client set token_hash = null, revoked_at = ?, revoked_by = ? where id = ? and token_hash is not null",
                Timestamp.from(at), by, id) == 1;
    }

    void touch(String id, Instant at) {
        jdbc.update("update api_client set last_used_at = ? where id = ?", Timestamp.from(at), id);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("name"), rs.getString("role"), rs.getString("token_hash"),
                instant(rs, "token_issued_at"), rs.getString("token_issued_by"), rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "revoked_at"), rs.getString("revoked_by"), instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
