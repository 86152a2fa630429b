package dk.carepath.kpi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The KPI answers of the last {@code carepath.kpi.cache-ttl} (default one minute; 0 turns it off), per
 * KPI and scope (the organisations and regions a manager oversees, her filters and the period): the
 * dashboard computes all 17 KPIs, and managers of one organisation see the same ones, so a second
 * look within the minute costs nothing. An answer is at most that old after it was computed (a measurement, task or phase
 * change shows on the dashboard within a minute); nothing invalidates it earlier, it expires. Two
 * requests for the same answer at once compute it once (the second waits for the first). At most
 * {@link #MAX_ENTRIES} answers are kept: beyond that the expired ones are dropped, then all. The answers
 * kept are figures and charts, a few kB each, not the pathways behind them (Kpis keeps those out: a
 * year's red-action has 200,000, and a benchmark asking many periods ran Carepath out of memory).
 */
@Component
class KpiCache {

    static final int MAX_ENTRIES = 1_000;

    private record Key(String what, Set<String> organisations, Set<String> regions, String region, String organisation,
                       LocalDate from, LocalDate to) {
    }

    /** an answer, being computed (it does not expire meanwhile) or computed, until its expiry */
    private static final class Entry {
        final CompletableFuture<Object> answer = new CompletableFuture<>();
        volatile Instant expires = Instant.MAX;
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    @Autowired
    KpiCache(@Value("${carepath.kpi.cache-ttl:PT1M}") Duration ttl) {
        this(ttl, Clock.systemUTC());
    }

    KpiCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** the answer {@code what} for the scope: remembered, or computed now */
    @SuppressWarnings("unchecked")
    <T> T get(String what, KpiScope scope, Supplier<T> compute) {
        if (ttl.isZero() || ttl.isNegative()) {
            return compute.get();
        }
        Key key = key(what, scope);
        Instant now = clock.instant();
        Entry mine = new Entry();
        Entry entry = entries.compute(key, (k, known) -> known != null && known.expires.isAfter(now) ? known : mine);
        if (entry == mine) {
            try {
                mine.answer.complete(compute.get());
                // its time to live counts from when it was computed: the dashboard's year takes seconds
                mine.expires = clock.instant().plus(ttl);
            } catch (RuntimeException | Error e) {
                entries.remove(key, entry); // a failure is not remembered
                mine.answer.completeExceptionally(e);
                throw e;
            }
            trim(now);
        }
        try {
            return (T) entry.answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * keeps an answer computed along with another (adherence and missing alarms), unless one is kept or being
     * computed: never waits (two threads each computing one of the pair would wait for each other)
     */
    void offer(String what, KpiScope scope, Object answer) {
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        Instant now = clock.instant();
        Entry offered = new Entry();
        offered.answer.complete(answer);
        offered.expires = now.plus(ttl);
        entries.compute(key(what, scope), (k, known) -> known != null && known.expires.isAfter(now) ? known : offered);
    }

    private static Key key(String what, KpiScope scope) {
        return new Key(what, Set.copyOf(scope.organisations()), Set.copyOf(scope.regions()), scope.region(), scope.organisation(),
                scope.from(), scope.to());
    }

    private void trim(Instant now) {
        if (entries.size() > MAX_ENTRIES) {
            entries.values().removeIf(e -> !e.expires.isAfter(now));
            if (entries.size() > MAX_ENTRIES) {
                entries.clear();
            }
        }
    }

    int size() {
        return entries.size();
    }
}
