package dk.carepath.region;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationRepository extends JpaRepository<Organisation, String> {

    List<Organisation> findByKindOrderByName(OrganisationKind kind);

    List<Organisation> findByRegionOrderByName(String region);

    List<Organisation> findByKindAndRegionOrderByName(OrganisationKind kind, String region);

    boolean existsByKindAndRegion(OrganisationKind kind, String region);
}
