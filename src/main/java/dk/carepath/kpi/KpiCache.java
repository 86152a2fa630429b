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
 * look within the minute costs nothing. An answer is at most that old (a measurement, task or phase
 * change shows on the dashboard within a minute); nothing invalidates it earlier, it expires. Two
 * requests for the same answer at once compute it once (the second waits for the first). At most
 * {@link #MAX_ENTRIES} answers are kept: beyond that the expired ones are dropped, then all.
 */
@Component
class KpiCache {

    static final int MAX_ENTRIES = 2_000;

    private record Key(String what, Set<String> organisations, Set<String> regions, String region, String organisation,
                       LocalDate from, LocalDate to) {
    }

    private record Entry(CompletableFuture<Object> answer, Instant expires) {
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
        Key key = new Key(what, Set.copyOf(scope.organisations()), Set.copyOf(scope.regions()), scope.region(), scope.organisation(),
                scope.from(), scope.to());
        Instant now = clock.instant();
        CompletableFuture<Object> mine = new CompletableFuture<>();
        Entry entry = entries.compute(key, (k, known) -> known != null && known.expires().isAfter(now) ? known
                : new Entry(mine, now.plus(ttl)));
        if (entry.answer() == mine) {
            try {
                mine.complete(compute.get());
            } catch (RuntimeException | Error e) {
                entries.remove(key, entry); // a failure is not remembered
                mine.completeExceptionally(e);
                throw e;
            }
            trim(now);
        }
        try {
            return (T) entry.answer().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void trim(Instant now) {
        if (entries.size() > MAX_ENTRIES) {
            entries.values().removeIf(e -> !e.expires().isAfter(now));
            if (entries.size() > MAX_ENTRIES) {
                entries.clear();
            }
        }
    }

    int size() {
        return entries.size();
    }
}
