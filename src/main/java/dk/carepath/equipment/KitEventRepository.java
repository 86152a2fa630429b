package dk.carepath.equipment;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface KitEventRepository extends JpaRepository<KitEvent, Long> {

    List<KitEvent> findByKitIdOrderByOccurredAtAscIdAsc(UUID kitId);

    List<KitEvent> findByCitizenIdOrderByOccurredAtAscIdAsc(UUID citizenId);
}
