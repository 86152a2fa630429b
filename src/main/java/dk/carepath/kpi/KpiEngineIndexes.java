package dk.carepath.kpi;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The indexes the KPI queries need on Camunda's history, which Camunda's own schema lacks: tasks by
 * definition and due date (reassessments), by activity instance and a variable by value (a red
 * measurement's review task). Camunda creates its ACT_* tables itself, after Flyway on a new
 * database, so these are made once it has started; on PostgreSQL without blocking the engine's
 * writes (concurrently).
 */
@Component
class KpiEngineIndexes {

    private static final Logger log = LoggerFactory.getLogger(KpiEngineIndexes.class);

    static final List<String> INDEXES = List.of(
            "kpi_hi_task_def_due on ACT_HI_TASKINST (TASK_DEF_KEY_, DUE_DATE_)",
            "kpi_hi_task_act_inst on ACT_HI_TASKINST (ACT_INST_ID_)",
            // partial: a btree entry holds at most ~2.7 kB, and text variables run to 4,000 characters (alarm summaries),
            // so an index over every TEXT_ would make the engine's history insert of a long one fail
            "kpi_hi_var_measurement on ACT_HI_VARINST (TEXT_) where NAME_ = 'measurementId'");

    private final JdbcTemplate jdbc;

    KpiEngineIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
        for (String index : INDEXES) {
            if (!postgres && index.contains(" where ")) {
                continue; // a partial index is PostgreSQL's; the embedded database answers without it
            }
            try {
                jdbc.execute("create index " + (postgres ? "concurrently " : "") + "if not exists " + index);
            } catch (org.springframework.dao.DataAccessException e) {
                // the KPIs answer without it, only slower; another node may be making it right now
                log.warn("KPI index {} not made: {}", index, e.getMessage());
            }
        }
    }
}
