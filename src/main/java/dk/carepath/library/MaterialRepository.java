package dk.carepath.library;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MaterialRepository extends JpaRepository<Material, Long> {

    /** the catalogue of these organisations: their own materials and the generic ones */
    @Query("select m from Material m where m.organisationId is null or m.organisationId in :organisations order by m.title, m.id")
    List<Material> catalogue(@Param("organisations") Collection<String> organisationIds);

    boolean existsByTitleAndOrganisationIdIsNull(String title);
}
