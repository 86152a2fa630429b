package dk.carepath.library;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PhraseRepository extends JpaRepository<Phrase, Long> {

    List<Phrase> findByOrganisationIdInOrderByTitleAscIdAsc(Collection<String> organisationIds);

    long countByOrganisationId(String organisationId);
}
