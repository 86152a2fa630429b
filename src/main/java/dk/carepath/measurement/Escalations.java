package dk.carepath.measurement;

import java.time.Clock;
import dk.carepath.pathway.JournalKind;
import dk.carepath.measurement.escalation.AlarmFact;
import dk.carepath.measurement.escalation.MeasurementFact;
import dk.carepath.measurement.escalation.RaiseAlarm;
import dk.carepath.measurement.escalation.TellCitizen;
import dk.carepath.pathway.ColouringContext;
import dk.carepath.pathway.ColouringContexts;
import dk.carepath.pathway.HeartFailurePathway.Messages;
import dk.carepath.pathway.PathwayMessages;
import dk.carepath.pathway.Pathways;
import dk.carepath.rules.DroolsRules;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a measurement is stored and coloured, the escalation rules (rules/measurement-escalation.drl)
 * decide what it sets off: advice to the citizen, an alarm into the pathway (a message to the
 * process). Runs right after the intake's commit on threads of its own; a measurement whose
 * escalation failed (the engine, a rule, the database) stays PENDING and is retried by a poller, so
 * nothing is lost and the sender never waits for the process engine. Each escalation runs in one
 * transaction: the alarm, the process message, the queued mail and the DONE mark commit together.
 */
@Service
class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);
    static final Duration WINDOW = Duration.ofHours(72);

    private final MeasurementMetrics metrics;
    private final MeasurementStore store;
    private final AlarmStore alarms;
    private final ColouringContexts contexts;
    private final Colouring colouring;
    private final DroolsRules rules;
    private final PathwayMessages messages;
    private final Pathways pathways;
    private final CitizenAdvice advice;
    private final TransactionTemplate tx;
    private final ZoneId zone;
    static final int QUEUE_CAPACITY = 100_000;
    /** Measurements in the executor's queue, which the poller leaves to it. */
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    private final AtomicLong arrival = new AtomicLong();
    private final ThreadPoolExecutor executor = executor(2);

    private final Clock clock;

    Escalations(MeasurementStore store, AlarmStore alarms, ColouringContexts contexts, Colouring colouring, DroolsRules rules,
                PathwayMessages messages, Pathways pathways, CitizenAdvice advice, TransactionTemplate tx,
                @Value("${carepath.zone}") ZoneId zone, MeasurementMetrics metrics, Clock clock) {
        this.clock = clock;
        this.metrics = metrics;
        this.store = store;
        this.alarms = alarms;
        this.contexts = contexts;
        this.colouring = colouring;
        this.rules = rules;
        this.messages = messages;
        this.pathways = pathways;
        this.advice = advice;
        this.tx = tx;
        this.zone = zone;
    }

    /** A measurement whose escalation is pending, with the colour it got (null: the rules failed to colour it). */
    record Pending(long id, Colour colour) {
        /** Red, and what could not be coloured, goes before yellow and CHECK. */
        boolean urgent() {
            return colour == null || colour == Colour.RED;
        }
    }

    /** Escalates soon, on the escalation threads, urgent ones first; a full queue leaves it to the poller. */
    void soon(Collection<Pending> pending) {
        for (Pending p : pending) {
            if (executor.getQueue().size() >= QUEUE_CAPACITY) {
                log.debug("escalation queue full; measurement {} waits for the poller", p.id());
                continue;
            }
            queued.add(p.id());
            try {
                executor.execute(new Queued(p.id(), p.urgent(), arrival.incrementAndGet(), () -> {
                    try {
                        escalate(p.id());
                    } finally {
                        queued.remove(p.id());
                    }
                }));
            } catch (RejectedExecutionException e) {
                queued.remove(p.id());
                log.debug("escalation executor stopped; measurement {} waits for the poller", p.id());
            }
        }
    }

    /**
     * Threads that take {@link Queued} escalations by their order, not their arrival: on a busy morning a
     * red measurement's nurse task must not wait behind thousands of yellow advice mails.
     */
    static ThreadPoolExecutor executor(int threads) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new PriorityBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "escalation");
            t.setDaemon(true);
            return t;
        });
    }

    /** An escalation waiting for a thread: urgent before the rest, then in order of arrival. */
    record Queued(long id, boolean urgent, long sequence, Runnable work) implements Runnable, Comparable<Queued> {
        @Override
        public void run() {
            work.run();
        }

        @Override
        public int compareTo(Queued other) {
            return urgent != other.urgent ? (urgent ? -1 : 1) : Long.compare(sequence, other.sequence);
        }
    }

    /**
     * Pending escalations that no thread has queued (a failed attempt, a full queue, a restart) go
     * to the escalation threads, in the order they take them; the poller itself only looks.
     */
    @Scheduled(fixedDelayString = "${carepath.measurement.escalation-retry-interval:PT30S}")
    void retryPending() {
        int room = QUEUE_CAPACITY - executor.getQueue().size();
        if (room <= 0) {
            return;
        }
        List<Pending> pending;
        try {
            pending = store.pendingEscalations(clock.instant().minusSeconds(20), Math.min(room, 10_000));
        } catch (RuntimeException e) {
            log.warn("pending escalations not polled this round: {}", e.getMessage());
            return;
        }
        soon(pending.stream().filter(p -> !queued.contains(p.id())).toList());
    }

    /** @return true if this call did the escalation */
    boolean escalate(long id) {
        for (int attempt = 1; ; attempt++) {
            try {
                Boolean done = tx.execute(status -> escalateInTransaction(id));
                return Boolean.TRUE.equals(done);
            } catch (RuntimeException e) {
                if (attempt < CONCURRENT_CHANGE_ATTEMPTS && concurrentChange(e)) {
                    // another escalation of the same pathway (another red, on this node or another) changed the process
                    // instance first: try again at once rather than after the poller's round, so the nurse's task is not late
                    log.debug("escalation of measurement {} met a concurrent change of its pathway, attempt {}", id, attempt);
                    pause(attempt);
                    continue;
                }
                return failed(id, e);
            }
        }
    }

    static final int CONCURRENT_CHANGE_ATTEMPTS = 5;

    static boolean concurrentChange(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof OptimisticLockingException || t instanceof OptimisticLockingFailureException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean failed(long id, RuntimeException e) {
        log.warn("escalation of measurement {} failed, will retry: {}", id, e.getMessage());
        try {
            tx.executeWithoutResult(status -> store.escalationFailed(id));
        } catch (RuntimeException unreachable) {
            // the database is away: the row stays PENDING and the poller takes it when it is back
            log.debug("attempt of measurement {} not counted: {}", id, unreachable.getMessage());
        }
        return false;
    }

    private boolean escalateInTransaction(long id) {
        // the row lock makes a second escalation of the same measurement wait, then find it done
        StoredMeasurement m = store.findForUpdate(id).orElse(null);
        if (m == null || m.escalation() != EscalationState.PENDING) {
            return false;
        }
        Instant retracted = store.retractedAt(id).orElse(null);
        if (retracted != null) {
            // retracted by its sender: its alarms are withdrawn, and no rule looks at it again
            withdrawUnjustifiedAlarms(m, true, clock.instant());
            if (store.escalated(id) == 0) {
                throw new IllegalStateException("measurement " + id + " was escalated by someone else meanwhile");
            }
            return true;
        }
        ColouringContext context = contexts.forPathway(m.pathwayId()).orElse(null);
        if (m.colour() == null) {
            if (context == null || !context.hasPlan()) {
                throw new IllegalStateException("measurement " + id + " cannot be coloured: no plan");
            }
            ColourResult colour = colouring.colour(new MeasurementInput(m.source(), m.senderId(), m.citizenId(), m.type(), m.value(),
                    m.value2(), m.symptoms() == null ? List.of() : List.of(m.symptoms().split(",")), m.unit(), m.measuredAt()), context);
            if (colour.colour() == null) {
                throw new IllegalStateException("colouring measurement " + id + " failed again");
            }
            store.colour(id, colour);
            m = store.find(id).orElseThrow();
        }
        // corrected by its sender to another colour: the alarms the old colour raised no longer stand
        withdrawUnjustifiedAlarms(m, false, clock.instant());
        int revision = store.revisions(id);
        List<Object> facts = new ArrayList<>();
        facts.add(new MeasurementFact(m.id(), m.type().name(), m.colour().name(), 0, 0));
        int sequence = 1;
        for (StoredMeasurement earlier : store.before(m.pathwayId(), m.type(), m.measuredAt(), m.id(), m.measuredAt().minus(WINDOW), 4)) {
            facts.add(new MeasurementFact(earlier.id(), earlier.type().name(), earlier.colour() == null ? "NONE" : earlier.colour().name(),
                    sequence++, hoursBetween(earlier.measuredAt(), m.measuredAt())));
        }
        Instant now = clock.instant();
        for (AlarmStore.Alarm alarm : alarms.since(m.pathwayId(), now.minus(WINDOW))) {
            facts.add(new AlarmFact(alarm.kind(), alarm.type(), hoursBetween(alarm.raisedAt(), now)));
        }
        String summary = Summaries.of(m, zone);
        for (Object conclusion : rules.conclude(facts, Object.class)) {
            if (conclusion instanceof TellCitizen tell) {
                if (advice.mail(m, Colour.valueOf(tell.getAdvice()), summary, revision)) {
                    pathways.record(m.pathwayId(), JournalKind.CITIZEN_ADVICE, "Borger orienteret: " + Summaries.danish(Colour.valueOf(tell.getAdvice()))
                            + " måling", tell.getRule());
                }
            } else if (conclusion instanceof RaiseAlarm alarm) {
                raise(m, alarm, summary, now);
            }
        }
        if (store.escalated(id) == 0) {
            throw new IllegalStateException("measurement " + id + " was escalated by someone else meanwhile");
        }
        metrics.escalated(m.receivedAt());
        return true;
    }

    private void raise(StoredMeasurement m, RaiseAlarm alarm, String summary, Instant now) {
        String message = switch (alarm.getKind()) {
            case "MEASUREMENT_RED" -> Messages.MEASUREMENT_RED;
            case "MEASUREMENT_YELLOW_PERSISTENT" -> Messages.MEASUREMENT_YELLOW_PERSISTENT;
            default -> throw new IllegalStateException("unknown alarm " + alarm.getKind());
        };
        String text = alarm.getKind().equals("MEASUREMENT_YELLOW_PERSISTENT")
                ? "Tre gule målinger i træk: " + summary : summary;
        if (!alarms.raise(m.pathwayId(), alarm.getKind(), alarm.getType(), "measurement:" + m.id(), now, m.id(), null, text)) {
            return;
        }
        metrics.alarm(alarm.getKind());
        pathways.record(m.pathwayId(), JournalKind.ALARM, alarm.getKind().equals("MEASUREMENT_RED") ? "Rød måling" : "Vedvarende gule målinger",
                text + " [" + alarm.getRule() + "]");
        // into the open task of the same alarm if there is one, else a new task (at most one open task per alarm kind)
        PathwayMessages.AlarmDelivery delivery = messages.raiseAlarm(m.pathwayId(), message,
                Map.of("measurementId", String.valueOf(m.id()), "measurementSummary", text));
        if (delivery != PathwayMessages.AlarmDelivery.NOT_DELIVERED && alarm.getKind().equals("MEASUREMENT_RED")) {
            metrics.redTask(m.receivedAt()); // in a task: a new one, or the open one it joined
        }
        if (delivery == PathwayMessages.AlarmDelivery.NOT_DELIVERED) {
            // the pathway is not (or no longer) in monitoring: the alarm stands in the triage list, no task is made
            log.info("{} for pathway {} not delivered: the pathway does not take it in its phase", message, m.pathwayId());
        }
    }

    /**
     * Withdraws the alarms this measurement raised that it no longer calls for: all of them when it was
     * retracted; a red alarm when it is no longer red, a persistent-yellow one when it is no longer
     * yellow. The open task leaves it; a task left with nothing that needs a nurse is closed.
     */
    private void withdrawUnjustifiedAlarms(StoredMeasurement m, boolean retracted, Instant now) {
        for (AlarmStore.Alarm alarm : alarms.ofMeasurement(m.id())) {
            boolean stands = !retracted && switch (alarm.kind()) {
                case "MEASUREMENT_RED" -> m.colour() == Colour.RED;
                case "MEASUREMENT_YELLOW_PERSISTENT" -> m.colour() == Colour.YELLOW;
                default -> true;
            };
            if (stands) {
                continue;
            }
            String reason = retracted ? "Afsenderen har trukket målingen tilbage (entered-in-error): " + Summaries.of(m, zone)
                    : "Afsenderen har rettet målingen: " + Summaries.of(m, zone);
            alarms.withdraw(alarm.id(), reason, now);
            String message = switch (alarm.kind()) {
                case "MEASUREMENT_RED" -> Messages.MEASUREMENT_RED;
                case "MEASUREMENT_YELLOW_PERSISTENT" -> Messages.MEASUREMENT_YELLOW_PERSISTENT;
                default -> null;
            };
            if (message != null) {
                List<String> closed = messages.withdrawMeasurement(m.pathwayId(), message, m.id(), reason, store::needsAttention);
                log.info("alarm {} of measurement {} withdrawn; tasks closed: {}", alarm.kind(), m.id(), closed);
            }
        }
    }

    static double hoursBetween(Instant earlier, Instant later) {
        return Duration.between(earlier, later).toMinutes() / 60.0;
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
