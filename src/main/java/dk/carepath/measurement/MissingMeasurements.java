package dk.carepath.measurement;

import java.time.Clock;
import dk.carepath.pathway.JournalKind;
import dk.carepath.equipment.KitRegistry;
import dk.carepath.measurement.escalation.AlarmFact;
import dk.carepath.measurement.escalation.DeadlineFact;
import dk.carepath.measurement.escalation.MissedDayFact;
import dk.carepath.measurement.escalation.PathwayStateFact;
import dk.carepath.measurement.escalation.RaiseAlarm;
import dk.carepath.measurement.escalation.RepeatedMisses;
import dk.carepath.pathway.ColouringContext;
import dk.carepath.pathway.ColouringContexts;
import dk.carepath.pathway.Frequency;
import dk.carepath.pathway.HeartFailurePathway.Messages;
import dk.carepath.pathway.MeasurementType;
import dk.carepath.pathway.PathwayMessages;
import dk.carepath.pathway.Pathways;
import dk.carepath.pathway.PlanSchedule;
import dk.carepath.rules.DroolsRules;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds expected measurements that did not arrive (MISSING, OpenTele's "blue"). Each measurement
 * type of a plan has deadlines: every {@link Frequency#maxDaysBetween()} days from the day monitoring
 * began, at the plan's measurement time plus a grace period. At a deadline, a type with no
 * measurement since the previous deadline is missing — unless the rules of
 * rules/missing-measurements.drl suppress it (a pause, a kit known to be faulty). Each missed
 * deadline raises one alarm: {@code Measurements_Missing} into the pathway, which joins the citizen's open
 * missing-measurement task if there is one (one open task per citizen, listing every missed deadline); when
 * the citizen has missed on five days within fourteen, with {@code repeatedMisses} so that discharge for
 * non-adherence is considered.
 */
@Component
public class MissingMeasurements {

    private static final Logger log = LoggerFactory.getLogger(MissingMeasurements.class);

    private final ColouringContexts contexts;
    private final KitRegistry kits;
    private final MeasurementStore store;
    private final AlarmStore alarms;
    private final DroolsRules rules;
    private final PathwayMessages messages;
    private final Pathways pathways;
    private final TransactionTemplate tx;
    private final ZoneId zone;
    private final Duration grace;

    private final Clock clock;

    MissingMeasurements(ColouringContexts contexts, KitRegistry kits, MeasurementStore store, AlarmStore alarms, DroolsRules rules,
                        PathwayMessages messages, Pathways pathways, TransactionTemplate tx, @Value("${carepath.zone}") ZoneId zone,
                        @Value("${carepath.measurement.missing-grace:PT2H}") Duration grace, Clock clock) {
        this.clock = clock;
        this.contexts = contexts;
        this.kits = kits;
        this.store = store;
        this.alarms = alarms;
        this.rules = rules;
        this.messages = messages;
        this.pathways = pathways;
        this.tx = tx;
        this.zone = zone;
        this.grace = grace;
    }

    @Scheduled(fixedDelayString = "${carepath.measurement.missing-check-interval:PT15M}", initialDelayString = "PT1M")
    void check() {
        long start = System.nanoTime();
        List<ColouringContext> monitored = contexts.monitored();
        int raised = check(monitored, clock.instant());
        // one line a round: operators see that the monitor runs and how long it takes for how many pathways
        log.info("missing measurements: checked {} monitored pathways in {} ms, {} alarms raised", monitored.size(),
                (System.nanoTime() - start) / 1_000_000, raised);
    }

    /** Checks every monitored pathway's latest passed deadlines. @return how many alarms were raised */
    int checkAt(Instant now) {
        return check(contexts.monitored(), now);
    }

    /** Checks these pathways only (if monitored), as at {@code now}. @return how many alarms were raised */
    public int checkAt(Instant now, java.util.Collection<UUID> pathwayIds) {
        Set<UUID> wanted = new java.util.HashSet<>(pathwayIds);
        return check(contexts.monitored().stream().filter(c -> wanted.contains(c.pathwayId())).toList(), now);
    }

    private int check(List<ColouringContext> monitored, Instant now) {
        Map<UUID, PlanSchedule> schedules = contexts.schedules(monitored.stream().map(ColouringContext::pathwayId).toList());
        int raised = 0;
        for (ColouringContext context : monitored) {
            PlanSchedule schedule = schedules.get(context.pathwayId());
            if (schedule == null || schedule.monitoringSince() == null) {
                continue;
            }
            try {
                Integer n = tx.execute(status -> checkPathway(context, schedule, now));
                raised += n == null ? 0 : n;
            } catch (RuntimeException e) {
                log.warn("missing-measurement check of pathway {} failed, next round tries again: {}", context.pathwayId(), e.getMessage());
            }
        }
        noteMeasurementsReceived(monitored.stream().map(ColouringContext::pathwayId).collect(Collectors.toSet()));
        return raised;
    }

    /**
     * A measurement of a missing type that came after its missed deadline, while the deadline's task is open: the
     * nurse sees it on the task ("modtaget siden"), and the task stays hers to complete — nothing is closed for her.
     * Done here, in the monitor's round, so that the intake of a (green) measurement never touches the engine.
     */
    private void noteMeasurementsReceived(Set<UUID> monitored) {
        Map<UUID, List<AlarmStore.Alarm>> open = alarms.openMissing().stream().filter(a -> monitored.contains(a.pathwayId()))
                .collect(Collectors.groupingBy(AlarmStore.Alarm::pathwayId));
        open.forEach((pathwayId, missedDeadlines) -> {
            Map<MeasurementType, Instant> firstMissed = new EnumMap<>(MeasurementType.class);
            for (AlarmStore.Alarm alarm : missedDeadlines) {
                if (alarm.deadline() != null) {
                    firstMissed.merge(MeasurementType.valueOf(alarm.type()), alarm.deadline(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            Map<MeasurementType, Instant> latest = store.latestPerType(pathwayId);
            String note = firstMissed.entrySet().stream()
                    .filter(e -> latest.containsKey(e.getKey()) && latest.get(e.getKey()).isAfter(e.getValue()))
                    .map(e -> e.getKey().danish() + " modtaget " + Summaries.when(latest.get(e.getKey()), zone))
                    .collect(Collectors.joining("; "));
            if (note.isEmpty()) {
                return;
            }
            try {
                tx.executeWithoutResult(status -> messages.noteOnOpenMissingTask(pathwayId, note));
            } catch (RuntimeException e) {
                log.warn("note of measurements received for pathway {} not made, next round tries again: {}", pathwayId, e.getMessage());
            }
        });
    }

    /** The latest deadline of a type at or before {@code now}, and the one before it (or the monitoring start). */
    record Window(Instant from, Instant deadline) {
    }

    Window window(PlanSchedule schedule, Frequency frequency, Instant now) {
        LocalDate start = schedule.monitoringSince().atZone(zone).toLocalDate();
        int step = frequency.maxDaysBetween();
        ZonedDateTime first = start.plusDays(step).atTime(schedule.measurementTime()).atZone(zone).plus(grace);
        if (first.toInstant().isAfter(now)) {
            return null;
        }
        ZonedDateTime deadline = first;
        while (!deadline.plusDays(step).toInstant().isAfter(now)) {
            deadline = deadline.plusDays(step);
        }
        Instant from = deadline.equals(first) ? schedule.monitoringSince() : deadline.minusDays(step).toInstant();
        return new Window(from, deadline.toInstant());
    }

    private int checkPathway(ColouringContext context, PlanSchedule schedule, Instant now) {
        Map<MeasurementType, Instant> latest = store.latestPerType(context.pathwayId());
        Map<MeasurementType, Window> missed = new EnumMap<>(MeasurementType.class);
        List<Object> facts = new ArrayList<>();
        schedule.frequencies().forEach((type, frequency) -> {
            Window window = window(schedule, frequency, now);
            if (window == null) {
                return;
            }
            boolean received = latest.containsKey(type) && latest.get(type).isAfter(window.from());
            if (!received && !alarms.exists(context.pathwayId(), "MEASUREMENTS_MISSING", type.name(), key(window))) {
                missed.put(type, window);
                facts.add(new DeadlineFact(type.name(), false));
            }
        });
        if (missed.isEmpty()) {
            return 0;
        }
        facts.add(new PathwayStateFact(context.paused(now), kits.hasKnownFault(context.citizenId())));
        List<AlarmStore.Alarm> recent = alarms.since(context.pathwayId(), now.minus(Duration.ofDays(14)));
        LocalDate today = now.atZone(zone).toLocalDate();
        Set<Integer> missedDays = new TreeSet<>();
        for (AlarmStore.Alarm alarm : recent) {
            if (alarm.kind().equals("MEASUREMENTS_MISSING") && alarm.deadline() != null) {
                missedDays.add((int) (today.toEpochDay() - alarm.deadline().atZone(zone).toLocalDate().toEpochDay()));
            }
            facts.add(new AlarmFact(alarm.kind(), alarm.type(), Duration.between(alarm.raisedAt(), now).toMinutes() / 60.0));
        }
        missedDays.forEach(day -> facts.add(new MissedDayFact(day)));

        List<Object> conclusions = rules.conclude(facts, Object.class);
        List<MeasurementType> alarmed = new ArrayList<>();
        boolean repeated = false;
        for (Object conclusion : conclusions) {
            if (conclusion instanceof RaiseAlarm alarm) {
                MeasurementType type = MeasurementType.valueOf(alarm.getType());
                Window window = missed.get(type);
                if (alarms.raise(context.pathwayId(), "MEASUREMENTS_MISSING", type.name(), key(window), now, null, window.deadline(),
                        describe(type, schedule, window, latest.get(type)))) {
                    alarmed.add(type);
                }
            } else if (conclusion instanceof RepeatedMisses) {
                repeated = true;
            }
        }
        if (alarmed.isEmpty()) {
            return 0;
        }
        String summary = alarmed.stream().map(type -> describe(type, schedule, missed.get(type), latest.get(type)))
                .collect(Collectors.joining("\n"));
        if (repeated) {
            alarms.raise(context.pathwayId(), "REPEATED_MISSES", "ALL", "day:" + today, now, null, null,
                    "Manglende målinger på mindst 5 dage inden for 14");
            summary += "\nMålinger er manglet på mindst 5 af de seneste 14 dage.";
        }
        pathways.record(context.pathwayId(), JournalKind.ALARM, repeated ? "Gentagne manglende målinger" : "Manglende målinger", summary);
        Map<String, Object> payload = new HashMap<>();
        payload.put("missingSummary", summary);
        payload.put("repeatedMisses", false);
        // what the task shows at a glance, and the alarms its completion acknowledges
        payload.put("missingTypes", alarmed.stream().map(MeasurementType::danish).collect(Collectors.joining(", ")));
        payload.put("missingSince", Summaries.when(alarmed.stream().map(type -> missed.get(type).deadline()).min(Instant::compareTo)
                .orElseThrow(), zone));
        payload.put("missedDeadlines", alarmed.size());
        payload.put("coveredAlarms", alarmed.stream().map(type -> alarms.idOf(context.pathwayId(), "MEASUREMENTS_MISSING", type.name(),
                key(missed.get(type)))).filter(java.util.Objects::nonNull).map(String::valueOf).collect(Collectors.joining(",")));
        // one open task per citizen for missing measurements: a further missed deadline joins the open one (the pathway row
        // locked, as for red alarms); repeated misses also ask the clinic to consider discharge, in a task of its own
        boolean delivered;
        if (repeated) {
            boolean joined = messages.joinOpenAlarm(context.pathwayId(), Messages.MEASUREMENTS_MISSING, payload);
            payload.put("repeatedMisses", true);
            delivered = messages.trySend(context.pathwayId(), Messages.MEASUREMENTS_MISSING, payload) || joined;
        } else {
            delivered = messages.raiseAlarm(context.pathwayId(), Messages.MEASUREMENTS_MISSING, payload)
                    != PathwayMessages.AlarmDelivery.NOT_DELIVERED;
        }
        if (!delivered) {
            log.info("missing measurements of pathway {} not delivered: the pathway does not take them in its phase", context.pathwayId());
        }
        return alarmed.size();
    }

    private String describe(MeasurementType type, PlanSchedule schedule, Window window, Instant last) {
        return type.danish() + " ikke modtaget til fristen " + Summaries.when(window.deadline(), zone)
                + " (plan: " + schedule.frequencies().get(type).danish().toLowerCase() + " kl. " + schedule.measurementTime() + ")"
                + (last == null ? "; ingen målinger endnu" : "; seneste " + Summaries.when(last, zone));
    }

    private static String key(Window window) {
        return "deadline:" + window.deadline();
    }
}
