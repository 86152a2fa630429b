package dk.carepath.measurement;

import java.time.Clock;
import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import dk.carepath.citizen.CitizenView;
import dk.carepath.citizen.Citizens;
import dk.carepath.pathway.MeasurementType;
import dk.carepath.pathway.PathwayView;
import dk.carepath.pathway.Pathways;
import dk.carepath.security.CitizenAccess;
import dk.carepath.security.CitizenData;
import dk.carepath.web.ProblemException;
import org.springframework.http.HttpStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The nurses' triage list: citizens by their worst unacknowledged colour (red, yellow, check,
 * missing, green), then by the age of that measurement, oldest first. Acknowledging records who and
 * when; all green measurements can be acknowledged at once. Each user sees and acknowledges the
 * citizens her organisation monitors or treats, nobody else's.
 */
@Service
public class Triage {

    /**
     * One citizen in the triage list: the worst unacknowledged measurement (or missing-measurement
     * alarm), the counts per colour, and the newest value of each type with its colour against the
     * citizen's thresholds.
     */
    public record Entry(UUID pathwayId, UUID citizenId, String citizen, String cpr, String contactPerson, Colour worst,
                        Long measurementId, Long alarmId, MeasurementType type, String summary, Instant at,
                        int red, int yellow, int check, int missing, int green, List<Latest> latest) {
    }

    /** The newest measurement of a type: its value, its colour and the threshold that decided it. */
    public record Latest(MeasurementType type, long measurementId, java.math.BigDecimal value, java.math.BigDecimal value2,
                         String symptoms, Colour colour, String threshold, Instant measuredAt, boolean acknowledged) {
    }

    private final MeasurementStore store;
    private final AlarmStore alarms;
    private final Citizens citizens;
    private final Pathways pathways;
    private final AuditTrail audit;
    private final CitizenAccess access;
    private final ZoneId zone;

    private final Clock clock;

    Triage(MeasurementStore store, AlarmStore alarms, Citizens citizens, Pathways pathways, AuditTrail audit,
           CitizenAccess access, @Value("${carepath.zone}") ZoneId zone, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.alarms = alarms;
        this.citizens = citizens;
        this.pathways = pathways;
        this.audit = audit;
        this.access = access;
        this.zone = zone;
    }

    /**
     * @param contactPerson when given: only citizens with this contact person or with none, so that
     *                      a citizen without a contact person is never overlooked [001]
     */
    @Transactional(readOnly = true)
    public List<Entry> list(String contactPerson) {
        Map<UUID, MeasurementStore.TriageRow> worst = new HashMap<>();
        store.triage().forEach(row -> worst.put(row.pathwayId(), row));
        Map<UUID, List<AlarmStore.Alarm>> missing = new HashMap<>();
        alarms.openMissing().forEach(a -> missing.computeIfAbsent(a.pathwayId(), k -> new ArrayList<>()).add(a));
        Set<UUID> pathwayIds = new HashSet<>(worst.keySet());
        pathwayIds.addAll(missing.keySet());
        // the citizens whose monitoring or treatment the user's organisations hold now
        Set<String> mine = access.organisationsSeeing(CitizenData.CLINICAL);
        Map<UUID, PathwayView> views = new HashMap<>(pathways.findAll(pathwayIds));
        views.values().removeIf(p -> !mine.contains(p.monitoringOrganisationId()) && !mine.contains(p.treatmentOrganisationId()));
        pathwayIds.retainAll(views.keySet());
        Map<UUID, CitizenView> people = citizens.findAll(views.values().stream().map(PathwayView::citizenId).toList());
        Map<UUID, List<Latest>> latest = new HashMap<>();
        store.latestOf(pathwayIds).stream().sorted(Comparator.comparing(StoredMeasurement::type))
                .forEach(m -> latest.computeIfAbsent(m.pathwayId(), k -> new ArrayList<>()).add(new Latest(m.type(), m.id(), m.value(),
                        m.value2(), m.symptoms(), m.colour(), m.colourThreshold(), m.measuredAt(), m.acknowledgedAt() != null)));
        List<Entry> entries = new ArrayList<>();
        for (UUID id : pathwayIds) {
            PathwayView pathway = views.get(id);
            if (pathway == null || contactPerson != null && pathway.contactPerson() != null && !pathway.contactPerson().equals(contactPerson)) {
                continue;
            }
            CitizenView citizen = people.get(pathway.citizenId());
            MeasurementStore.TriageRow row = worst.get(id);
            List<AlarmStore.Alarm> open = missing.getOrDefault(id, List.of());
            AlarmStore.Alarm oldestMissing = open.isEmpty() ? null : open.get(0);
            boolean missingIsWorst = oldestMissing != null && (row == null || Colour.MISSING.rank() < row.colour().rank());
            entries.add(missingIsWorst
                    ? new Entry(id, pathway.citizenId(), citizen.name(), citizen.cpr().masked(), pathway.contactPerson(), Colour.MISSING,
                    null, oldestMissing.id(), MeasurementType.valueOf(oldestMissing.type()), oldestMissing.summary(),
                    oldestMissing.raisedAt(), count(row, Colour.RED), count(row, Colour.YELLOW), count(row, Colour.CHECK), open.size(),
                    count(row, Colour.GREEN), latest.getOrDefault(id, List.of()))
                    : new Entry(id, pathway.citizenId(), citizen.name(), citizen.cpr().masked(), pathway.contactPerson(), row.colour(),
                    row.measurementId(), null, row.type(), row.reason(), row.measuredAt(), row.reds(), row.yellows(), row.checks(),
                    open.size(), row.greens(), latest.getOrDefault(id, List.of())));
        }
        entries.sort(Comparator.comparingInt((Entry e) -> e.worst().rank()).thenComparing(Entry::at));
        audit.read("triage", null, null, entries.size() + " citizens");
        return entries;
    }

    public record Acknowledgement(long id, String acknowledgedBy, Instant acknowledgedAt) {
    }

    @Transactional
    public Acknowledgement acknowledge(long measurementId) {
        StoredMeasurement m = store.find(measurementId)
                .filter(found -> access.may(found.citizenId(), CitizenData.CLINICAL))
                .orElseThrow(() -> ProblemException.notFound("no measurement " + measurementId));
        if (m.acknowledgedAt() != null) {
            return new Acknowledgement(m.id(), m.acknowledgedBy(), m.acknowledgedAt());
        }
        String by = audit.currentActor();
        Instant at = clock.instant();
        store.acknowledge(measurementId, by, at);
        audit.changed(AuditAction.UPDATE, "measurement", m.citizenId(), m.pathwayId(), "acknowledged measurement " + measurementId);
        return new Acknowledgement(m.id(), by, at);
    }

    /** Acknowledges every unacknowledged green measurement of these pathways. @return how many */
    @Transactional
    public int acknowledgeGreen(List<UUID> pathwayIds) {
        Map<UUID, PathwayView> views = pathways.findAll(pathwayIds);
        for (int i = 0; i < pathwayIds.size(); i++) {
            PathwayView pathway = views.get(pathwayIds.get(i));
            if (pathway == null || !access.may(pathway.citizenId(), CitizenData.CLINICAL)) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "pathwayIds[" + i + "]", "no pathway with id " + pathwayIds.get(i));
            }
        }
        int n = store.acknowledgeGreen(pathwayIds, audit.currentActor(), clock.instant());
        views.values().forEach(p -> audit.changed(AuditAction.UPDATE, "measurement", p.citizenId(), p.id(), "acknowledged all green"));
        return n;
    }

    /**
     * Acknowledges everything of one citizen's pathway at once: every unacknowledged measurement,
     * whatever its colour, and the open missing-measurement alarms. @return how many
     */
    @Transactional
    public int acknowledgeCitizen(UUID pathwayId) {
        PathwayView pathway = pathways.find(pathwayId).filter(p -> access.may(p.citizenId(), CitizenData.CLINICAL))
                .orElseThrow(() -> ProblemException.notFound("no pathway with id " + pathwayId));
        String by = audit.currentActor();
        Instant at = clock.instant();
        int n = store.acknowledgeAll(pathwayId, by, at) + alarms.acknowledgeMissing(pathwayId, by, at);
        audit.changed(AuditAction.UPDATE, "measurement", pathway.citizenId(), pathwayId, "acknowledged all (" + n + ")");
        return n;
    }

    @Transactional
    public Acknowledgement acknowledgeAlarm(long alarmId) {
        alarms.pathwayOf(alarmId).flatMap(pathways::find).filter(p -> access.may(p.citizenId(), CitizenData.CLINICAL))
                .orElseThrow(() -> ProblemException.notFound("no alarm " + alarmId));
        String by = audit.currentActor();
        Instant at = clock.instant();
        if (alarms.acknowledge(alarmId, by, at) == 0) {
            throw ProblemException.conflict("alarm " + alarmId + " does not exist or is already acknowledged");
        }
        return new Acknowledgement(alarmId, by, at);
    }

    /** A pathway's measurements of the last days, newest first, for the nurse's view. */
    @Transactional(readOnly = true)
    public List<StoredMeasurement> measurements(UUID pathwayId, int days) {
        PathwayView pathway = pathways.find(pathwayId).filter(p -> access.may(p.citizenId(), CitizenData.CLINICAL))
                .orElseThrow(() -> ProblemException.notFound("no pathway with id " + pathwayId));
        audit.read("measurements", pathway.citizenId(), pathwayId, "last " + days + " days");
        return store.ofPathway(pathwayId, clock.instant().minus(java.time.Duration.ofDays(days)), 2000);
    }

    private static int count(MeasurementStore.TriageRow row, Colour colour) {
        if (row == null) {
            return 0;
        }
        return switch (colour) {
            case RED -> row.reds();
            case YELLOW -> row.yellows();
            case CHECK -> row.checks();
            case GREEN -> row.greens();
            default -> 0;
        };
    }

    /** A Danish one-line summary of the measurement ("Puls 120 slag/min – rød (...), målt 03.02.2026 kl. 07:42"). */
    public String summary(StoredMeasurement m) {
        return Summaries.of(m, zone);
    }
}
