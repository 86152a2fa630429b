package dk.carepath.pathway;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PathwayRepository extends JpaRepository<Pathway, UUID> {

    Optional<Pathway> findByActiveCitizenId(UUID citizenId);

    List<Pathway> findByCitizenIdOrderByCreatedAtDesc(UUID citizenId);

    List<Pathway> findByPhaseOrderByUpdatedAt(Phase phase);
}
