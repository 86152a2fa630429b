package dk.carepath.pathway;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReferralRepository extends JpaRepository<Referral, UUID> {

    Optional<Referral> findByPathwayId(UUID pathwayId);
}
