package dk.carepath.governance;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SignOffRepository extends JpaRepository<SignOff, Long> {

    List<SignOff> findByOrganisationIdOrderBySignedAtDesc(String organisationId);
}
