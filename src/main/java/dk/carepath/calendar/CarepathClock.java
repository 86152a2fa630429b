package dk.carepath.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Carepath's one clock: every "now" (journals, audit rows, measurement times and deadlines, mail retries,
 * tokens) comes from the {@link Clock} bean, and that follows the process engine's clock, so a test that
 * moves the engine's clock ({@code ClockUtil.setCurrentTime}) moves all of Carepath with its timers. In
 * production the engine's clock is the system clock.
 */
@Configuration(proxyBeanMethods = false)
class CarepathClock {

    @Bean
    Clock clock(@Value("${carepath.zone}") ZoneId zone) {
        return new EngineClock(zone);
    }

    /** The engine's clock as a {@link Clock}, in the deployment's zone. */
    static final class EngineClock extends Clock {

        private final ZoneId zone;

        EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new EngineClock(other);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
