package dk.carepath.pathway;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MonitoringPlanRepository extends JpaRepository<MonitoringPlan, UUID> {

    Optional<MonitoringPlan> findByPathwayId(UUID pathwayId);

    @org.springframework.data.jpa.repository.Query("select mp.pathwayId from MonitoringPlan mp, Pathway p "
            + "where p.id = mp.pathwayId and p.activeCitizenId is not null and (:clinicId is null or p.clinicId = :clinicId)")
    java.util.List<UUID> runningWithPlan(String clinicId);
}
