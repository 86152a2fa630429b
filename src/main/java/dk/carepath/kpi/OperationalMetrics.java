package dk.carepath.kpi;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Operational gauges for Prometheus, read at each scrape: the mail outbox's backlog and failures,
 * the job executor's backlog and failed jobs, open incidents. (Measurements, escalations and the
 * red-to-task latency are counted where they happen, in the measurement module.)
 */
@Component
class OperationalMetrics {

    OperationalMetrics(MeterRegistry registry, JdbcTemplate jdbc, ManagementService management, RuntimeService runtime) {
        gauge(registry, "carepath.mail.outbox", "mail waiting in the outbox, by status", "status", "PENDING",
                () -> jdbc.queryForObject("select count(*) from outbound_mail where status in ('PENDING', 'SENDING')", Long.class));
        gauge(registry, "carepath.mail.outbox", "mail waiting in the outbox, by status", "status", "FAILED",
                () -> jdbc.queryForObject("select count(*) from outbound_mail where status = 'FAILED'", Long.class));
        gauge(registry, "carepath.jobs.due", "jobs due for the job executor (timers, async continuations, letters)", null, null,
                () -> management.createJobQuery().executable().count());
        gauge(registry, "carepath.jobs.failed", "jobs whose retries are used up", null, null,
                () -> management.createJobQuery().noRetriesLeft().count());
        gauge(registry, "carepath.incidents.open", "open incidents (Cockpit)", null, null, () -> runtime.createIncidentQuery().count());
    }

    private static void gauge(MeterRegistry registry, String name, String description, String tag, String value, Supplier<Number> read) {
        Gauge.Builder<Supplier<Number>> gauge = Gauge.builder(name, () -> {
            try {
                return read.get();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).description(description);
        if (tag != null) {
            gauge.tag(tag, value);
        }
        gauge.register(registry);
    }
}
