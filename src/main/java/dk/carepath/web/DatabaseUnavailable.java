package dk.carepath.web;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database cannot be reached (PostgreSQL restarting, the network between): a 503 the client may
 * retry, not a server error. Every layer that meets such a failure (the API, the engine's REST API,
 * the login) answers the same problem at once, without waiting for a connection longer than the
 * pool's connection timeout.
 */
public final class DatabaseUnavailable {

    public static final URI TYPE = URI.create("https://carepath.dk/problems/database-unavailable");
    public static final int RETRY_AFTER_SECONDS = 5;
    public static final String DETAIL = "Carepath's database cannot be reached just now; the request may not have been "
            + "carried out. Send it again shortly (a measurement sent twice is stored once).";

    private DatabaseUnavailable() {
    }

    /** Whether the error, or one of its causes, says the database could not be reached. */
    public static boolean in(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth++ < 30; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessResourceException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql && connectionLost(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQL state class 08 (connection exception) and PostgreSQL's 57P01–57P03 (shutting down, cannot connect now). */
    static boolean connectionLost(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }

    /** The problem detail's JSON, for layers that write the answer themselves. */
    public static String json() {
        return "{\"type\":\"" + TYPE + "\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"" + DETAIL + "\"}";
    }
}
