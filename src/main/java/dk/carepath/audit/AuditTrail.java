package dk.carepath.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.data.domain.Limit;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access log of citizen data [002 Bilag 2]: every read and change through the Carepath API, the
 * engine REST API and the Camunda webapps, and every change the process makes on a user's behalf, is
 * recorded with the acting user. A change is
 * recorded in the transaction of the change; a read in a transaction of its own, so a read that
 * fails later is still logged.
 */
@Service
public class AuditTrail {

    private final AuditEntryRepository repository;
    private final IdentityService identity;

    private final Clock clock;

    AuditTrail(AuditEntryRepository repository, IdentityService identity, Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.identity = identity;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void read(String resource, UUID citizenId, UUID pathwayId, String detail) {
        save(AuditAction.READ, resource, citizenId, pathwayId, detail);
    }

    /** whose data a read listed: a citizen, and the pathway if the read was of one */
    public record Subject(UUID citizenId, UUID pathwayId) {
    }

    /**
     * A read that listed several citizens (a KPI's drill-down to the pathways behind a figure): one
     * entry per citizen, so each citizen's access log shows it; in one transaction of its own.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void readEach(String resource, java.util.Collection<Subject> subjects, String detail) {
        String actor = currentActor();
        Instant now = clock.instant();
        repository.saveAll(subjects.stream()
                .map(s -> new AuditEntry(now, actor, AuditAction.READ, resource, s.citizenId(), s.pathwayId(), detail)).toList());
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void changed(AuditAction action, String resource, UUID citizenId, UUID pathwayId, String detail) {
        save(action, resource, citizenId, pathwayId, detail);
    }

    /**
     * An access made outside the Carepath API (Tasklist, Cockpit, the engine REST API), whose user
     * the caller knows; recorded in a transaction of its own.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordBy(String actor, AuditAction action, String resource, UUID citizenId, UUID pathwayId, String detail) {
        repository.save(new AuditEntry(clock.instant(), actor, action, resource, citizenId, pathwayId, detail));
    }

    @Transactional(readOnly = true)
    public List<AuditRecord> forCitizen(UUID citizenId, int limit) {
        return repository.findByCitizenIdOrderByOccurredAtDesc(citizenId, Limit.of(limit)).stream().map(AuditEntry::record).toList();
    }

    @Transactional(readOnly = true)
    public List<AuditRecord> byActor(String actor, int limit) {
        return repository.findByActorOrderByOccurredAtDesc(actor, Limit.of(limit)).stream().map(AuditEntry::record).toList();
    }

    /** What a user did with citizen data in a period, and when she last did anything at all. */
    public record Usage(String actor, long reads, long changes, long citizens, Instant lastUse) {
    }

    /** One kind of access in a period: resource, action, how often, how many citizens. */
    public record ResourceCount(String resource, AuditAction action, long entries, long citizens) {
    }

    /** The access log's summary for these users in [{@code from}, {@code to}), for the authorisation review. */
    @Transactional(readOnly = true)
    public java.util.Map<String, Usage> usage(java.util.Collection<String> actors, Instant from, Instant to) {
        java.util.Map<String, Usage> usage = new java.util.LinkedHashMap<>();
        if (actors.isEmpty()) {
            return usage;
        }
        java.util.Map<String, Instant> last = new java.util.HashMap<>();
        repository.lastUse(actors).forEach(row -> last.put((String) row[0], (Instant) row[1]));
        actors.forEach(a -> usage.put(a, new Usage(a, 0, 0, 0, last.get(a))));
        for (Object[] row : repository.usage(actors, from, to)) {
            String actor = (String) row[0];
            usage.put(actor, new Usage(actor, ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                    ((Number) row[3]).longValue(), last.get(actor)));
        }
        return usage;
    }

    @Transactional(readOnly = true)
    public List<ResourceCount> byResource(java.util.Collection<String> actors, Instant from, Instant to) {
        if (actors.isEmpty()) {
            return List.of();
        }
        return repository.byResource(actors, from, to).stream().map(row -> new ResourceCount((String) row[0],
                AuditAction.valueOf((String) row[1]), ((Number) row[2]).longValue(), ((Number) row[3]).longValue())).toList();
    }

    private void save(AuditAction action, String resource, UUID citizenId, UUID pathwayId, String detail) {
        repository.save(new AuditEntry(clock.instant(), currentActor(), action, resource, citizenId, pathwayId, detail));
    }

    /** The Spring Security user of an API call, the Camunda user of a task action, else the system. */
    public String currentActor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getName() != null && !"anonymousUser".equals(auth.getName())) {
            return auth.getName();
        }
        Authentication camunda = identity.getCurrentAuthentication();
        if (camunda != null && camunda.getUserId() != null) {
            return camunda.getUserId();
        }
        return "system";
    }
}
