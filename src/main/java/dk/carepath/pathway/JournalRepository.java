package dk.carepath.pathway;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface JournalRepository extends JpaRepository<JournalEntry, Long> {

    List<JournalEntry> findByPathwayIdOrderByOccurredAtAscIdAsc(UUID pathwayId);
}
