package dk.carepath.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The KPI answers' cache: per answer and scope, for its time to live, computed once when asked twice at once. */
class KpiCacheTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    Instant now = Instant.parse("2026-12-02T10:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    static KpiScope scope(String organisation, LocalDate from) {
        return new KpiScope(Set.of(organisation), Set.of(), null, null, from, from.plusDays(83), ZONE, Instant.now());
    }

    @Test
    void anAnswerIsKeptForItsTimeToLiveThenComputedAnew() {
        KpiCache cache = new KpiCache(Duration.ofMinutes(1), clock);
        AtomicInteger computed = new AtomicInteger();
        KpiScope scope = scope("c1", LocalDate.of(2026, 9, 1));
        assertThat(cache.<Integer>get("phases", scope, computed::incrementAndGet)).isEqualTo(1);
        now = now.plusSeconds(59);
        assertThat(cache.<Integer>get("phases", scope, computed::incrementAndGet)).as("59 s later: remembered").isEqualTo(1);
        now = now.plusSeconds(1);
        assertThat(cache.<Integer>get("phases", scope, computed::incrementAndGet)).as("a minute later: anew").isEqualTo(2);
    }

    @Test
    void theTimeToLiveCountsFromWhenTheAnswerWasComputed() {
        KpiCache cache = new KpiCache(Duration.ofMinutes(1), clock);
        AtomicInteger computed = new AtomicInteger();
        KpiScope scope = scope("c1", LocalDate.of(2026, 9, 1));
        cache.get("dashboard-year", scope, () -> {
            now = now.plusSeconds(90); // a slow answer: longer than the time to live
            return computed.incrementAndGet();
        });
        now = now.plusSeconds(30);
        assertThat(cache.<Integer>get("dashboard-year", scope, computed::incrementAndGet)).as("30 s after it was computed").isEqualTo(1);
    }

    @Test
    void anotherKpiScopeOrPeriodIsAnotherAnswer() {
        KpiCache cache = new KpiCache(Duration.ofMinutes(1), clock);
        AtomicInteger computed = new AtomicInteger();
        LocalDate from = LocalDate.of(2026, 9, 1);
        cache.get("phases", scope("c1", from), computed::incrementAndGet);
        cache.get("referrals", scope("c1", from), computed::incrementAndGet);
        cache.get("phases", scope("c2", from), computed::incrementAndGet);
        cache.get("phases", scope("c1", from.plusDays(1)), computed::incrementAndGet);
        // the same scope with another "now" (a later request) is the same answer
        cache.get("phases", new KpiScope(Set.of("c1"), Set.of(), null, null, from, from.plusDays(83), ZONE, Instant.now().plusSeconds(5)),
                computed::incrementAndGet);
        assertThat(computed).hasValue(4);
    }

    @Test
    void twoRequestsAtOnceComputeOnceAndAFailureIsNotRemembered() throws Exception {
        KpiCache cache = new KpiCache(Duration.ofMinutes(1), clock);
        KpiScope scope = scope("c1", LocalDate.of(2026, 9, 1));
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> cache.get("workload", scope, () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return computed.incrementAndGet();
        }));
        first.start();
        started.await();
        Integer[] second = new Integer[1];
        Thread waiting = new Thread(() -> second[0] = cache.get("workload", scope, computed::incrementAndGet));
        waiting.start();
        Thread.sleep(100);
        release.countDown();
        first.join();
        waiting.join();
        assertThat(second[0]).isEqualTo(1);
        assertThat(computed).hasValue(1);

        assertThatThrownBy(() -> cache.get("calls", scope, () -> {
            throw new IllegalStateException("database gone");
        })).hasMessage("database gone");
        assertThat(cache.<String>get("calls", scope, () -> "answered")).isEqualTo("answered");
    }

    @Test
    void anAnswerOfferedAlongWithAnotherIsKeptUnlessOneIs() {
        KpiCache cache = new KpiCache(Duration.ofMinutes(1), clock);
        KpiScope scope = scope("c1", LocalDate.of(2026, 9, 1));
        cache.offer("missing-alarms", scope, "offered");
        assertThat(cache.<String>get("missing-alarms", scope, () -> "computed")).isEqualTo("offered");
        cache.offer("missing-alarms", scope, "offered again");
        assertThat(cache.<String>get("missing-alarms", scope, () -> "computed")).isEqualTo("offered");
    }

    @Test
    void aTimeToLiveOfZeroKeepsNothing() {
        KpiCache cache = new KpiCache(Duration.ZERO, clock);
        AtomicInteger computed = new AtomicInteger();
        KpiScope scope = scope("c1", LocalDate.of(2026, 9, 1));
        cache.get("phases", scope, computed::incrementAndGet);
        cache.get("phases", scope, computed::incrementAndGet);
        assertThat(computed).hasValue(2);
        assertThat(cache.size()).isZero();
    }
}
