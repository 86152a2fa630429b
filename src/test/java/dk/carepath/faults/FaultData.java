package dk.carepath.faults;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the fault tests send and what they read back from the database afterwards. */
final class FaultData {

    /** A pulse above the default red threshold (100/min). */
    static final int RED_PULSE = 115;

    private final String jdbcUrl;

    FaultData(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    static String pulse(String senderId, UUID citizen, int value, Instant at) {
        return "{\"senderId\":\"" + senderId + "\",\"citizenId\":\"" + citizen + "\",\"type\":\"PULSE\",\"value\":" + value
                + ",\"unit\":\"/min\",\"measuredAt\":\"" + at + "\"}";
    }

    /** Send until the node acknowledges (a resend of an unacknowledged measurement is how a real sender retries). */
    static boolean acknowledged(HttpResponse<String> response) {
        return response.statusCode() == 201 || response.statusCode() == 200;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, FaultEnvironment.user(), FaultEnvironment.password());
    }

    List<UUID> citizensInTitration() throws SQLException {
        List<UUID> citizens = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select citizen_id from pathway where phase = 'TITRATION' order by citizen_id")) {
            while (r.next()) {
                citizens.add(r.getObject(1, UUID.class));
            }
        }
        return citizens;
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Until no stored measurement waits for its escalation any more. */
    void awaitEscalations(Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        long pending = -1;
        while (Instant.now().isBefore(until)) {
            pending = count("select count(*) from measurement where escalation = 'PENDING'");
            if (pending == 0) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(pending + " measurements still PENDING after " + timeout);
    }

    /**
     * measurement id → how many red tasks (open or done) cover it: a red joins the open red task of its citizen
     * ({@code coveredMeasurements} on the task's execution) or makes a new one.
     */
    Map<Long, Integer> redTasksPerMeasurement() throws SQLException {
        Map<Long, Integer> tasks = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select v.text_ from act_hi_taskinst t join act_hi_varinst v on v.execution_id_ = t.execution_id_ "
                     + "and v.name_ = 'coveredMeasurements' where t.task_def_key_ = 'Task_ReviewRedMeasurement'")) {
            while (r.next()) {
                for (String id : r.getString(1).split(",")) {
                    tasks.merge(Long.parseLong(id.trim()), 1, Integer::sum);
                }
            }
        }
        return tasks;
    }

    /** Open red tasks per pathway that has any: never more than one. */
    Map<String, Integer> openRedTasksPerPathway() throws SQLException {
        Map<String, Integer> open = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select e.business_key_, count(*) from act_ru_task t join act_ru_execution e "
                     + "on e.id_ = t.proc_inst_id_ where t.task_def_key_ = 'Task_ReviewRedMeasurement' group by e.business_key_")) {
            while (r.next()) {
                open.put(r.getString(1), r.getInt(2));
            }
        }
        return open;
    }

    /** The run's red measurements, by id. */
    List<Long> reds(String senderPrefix) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select id from measurement where colour = 'RED' and sender_id like '" + senderPrefix + "%'")) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids;
    }

    /** Seconds from receiving a red measurement of the senders to the nurse task it made (its first), ascending. */
    List<Double> redToTaskSeconds(String senderPrefix) throws SQLException {
        List<Double> seconds = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select extract(epoch from (t.start_time_ - m.received_at)) from measurement m "
                     + "join act_hi_varinst v on v.name_ = 'measurementId' and v.text_ = cast(m.id as varchar) "
                     + "join act_hi_taskinst t on t.execution_id_ = v.execution_id_ and t.task_def_key_ = 'Task_ReviewRedMeasurement' "
                     + "where m.colour = 'RED' and m.sender_id like '" + senderPrefix + "%' order by 1")) {
            while (r.next()) {
                seconds.add(r.getDouble(1));
            }
        }
        return seconds;
    }

    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
