package dk.carepath.library;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MaterialAssignmentRepository extends JpaRepository<MaterialAssignment, Long> {

    List<MaterialAssignment> findByCitizenIdOrderByAssignedAtDescIdDesc(UUID citizenId);

    Optional<MaterialAssignment> findByMaterialIdAndCitizenId(Long materialId, UUID citizenId);

    List<MaterialAssignment> findByMaterialId(Long materialId);
}
