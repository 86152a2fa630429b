package dk.carepath.pathway;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MonitoringPlanRepository extends JpaRepository<MonitoringPlan, UUID> {

    Optional<MonitoringPlan> findByPathwayId(UUID pathwayId);
}
