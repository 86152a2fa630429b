package dk.carepath.equipment;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface KitRepository extends JpaRepository<Kit, UUID> {

    Optional<Kit> findByKitNumber(String kitNumber);

    Optional<Kit> findByCitizenId(UUID citizenId);
}
