package dk.carepath.equipment;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface KitFaultRepository extends JpaRepository<KitFault, UUID> {

    boolean existsByCitizenIdAndStatus(UUID citizenId, FaultStatus status);

    Optional<KitFault> findFirstByCitizenIdAndStatus(UUID citizenId, FaultStatus status);
}
