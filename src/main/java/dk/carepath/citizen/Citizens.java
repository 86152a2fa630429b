package dk.carepath.citizen;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The citizen register: the public API of this module. */
@Service
@Transactional
public class Citizens {

    private final CitizenRepository repository;

    private final Clock clock;

    Citizens(CitizenRepository repository, Clock clock) {
        this.clock = clock;
        this.repository = repository;
    }

    /** Registers a citizen, or updates the contact details of one already known by CPR number. */
    public CitizenView registerOrUpdate(NewCitizen details) {
        Citizen citizen = repository.findByCpr(details.cpr().value())
                .map(known -> {
                    known.update(details.name(), details.phone(), details.email(), details.address(), details.municipalityId(),
                            details.gpPracticeId());
                    return known;
                })
                .orElseGet(() -> repository.save(new Citizen(details.cpr(), details.name(), details.phone(),
                        details.email(), details.address(), details.municipalityId(), details.gpPracticeId(), clock.instant())));
        return citizen.view();
    }

    @Transactional(readOnly = true)
    public Optional<CitizenView> find(UUID id) {
        return repository.findById(id).map(Citizen::view);
    }

    @Transactional(readOnly = true)
    public CitizenView require(UUID id) {
        return find(id).orElseThrow(() -> new UnknownCitizenException(id));
    }

    /** The citizens with these ids, by id (unknown ids are absent). */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, CitizenView> findAll(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, CitizenView> found = new java.util.HashMap<>();
        repository.findAllById(ids).forEach(c -> found.put(c.id(), c.view()));
        return found;
    }

    @Transactional(readOnly = true)
    public Optional<CitizenView> findByCpr(CprNumber cpr) {
        return repository.findByCpr(cpr.value()).map(Citizen::view);
    }
}
