package dk.carepath.equipment;

import org.springframework.data.jpa.repository.JpaRepository;

interface KitEventRepository extends JpaRepository<KitEvent, Long> {
}
