package dk.carepath.pathway;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PathwayRepository extends JpaRepository<Pathway, UUID> {

    Optional<Pathway> findByActiveCitizenId(UUID citizenId);

    List<Pathway> findByCitizenIdOrderByCreatedAtDesc(UUID citizenId);

    List<Pathway> findByPhaseOrderByUpdatedAt(Phase phase);

    /** the running pathways whose clinic, monitoring or treatment is one of these organisations', newest first */
    @org.springframework.data.jpa.repository.Query("select p from Pathway p where p.activeCitizenId is not null and (p.clinicId in :organisations"
            + " or p.monitoringOrganisationId in :organisations or p.treatmentOrganisationId in :organisations) order by p.createdAt desc")
    List<Pathway> running(@org.springframework.data.repository.query.Param("organisations") java.util.Collection<String> organisationIds,
                          org.springframework.data.domain.Limit limit);
}
