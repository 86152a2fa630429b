package dk.carepath.measurement;

import java.time.Clock;
import dk.carepath.pathway.MeasurementType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Operational metrics of measurement work, for Prometheus ({@code /actuator/prometheus}, docs/kpis.md):
 * measurements received by type and colour, escalations by alarm kind and their latency, and the time
 * from a red measurement's arrival to the nurse's task (a histogram, with the two-hour mark).
 */
@Component
class MeasurementMetrics {

    private final MeterRegistry registry;
    private final Timer escalationLatency;
    private final Timer redToTask;

    private final Clock clock;

    MeasurementMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.registry = registry;
        this.escalationLatency = Timer.builder("carepath.escalation.latency")
                .description("time from a measurement's arrival until its escalation rules have run")
                .publishPercentileHistogram().register(registry);
        this.redToTask = Timer.builder("carepath.red.to.task")
                .description("time from a red measurement's arrival until the monitoring nurse's task exists")
                .publishPercentileHistogram().serviceLevelObjectives(Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(2))
                .register(registry);
    }

    void received(MeasurementType type, Colour colour) {
        Counter.builder("carepath.measurements.received").description("measurements stored, by type and colour")
                .tag("type", type.name()).tag("colour", colour == null ? "UNCOLOURED" : colour.name())
                .register(registry).increment();
    }

    void escalated(Instant receivedAt) {
        escalationLatency.record(Duration.between(receivedAt, clock.instant()));
    }

    void alarm(String kind) {
        Counter.builder("carepath.escalations").description("alarms raised into a pathway by the escalation rules, by kind")
                .tag("kind", kind).register(registry).increment();
    }

    void redTask(Instant receivedAt) {
        redToTask.record(Duration.between(receivedAt, clock.instant()));
    }
}
