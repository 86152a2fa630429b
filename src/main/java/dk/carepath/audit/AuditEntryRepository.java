package dk.carepath.audit;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findByCitizenIdOrderByOccurredAtDesc(UUID citizenId, Limit limit);

    List<AuditEntry> findByActorOrderByOccurredAtDesc(String actor, Limit limit);
}
