package dk.carepath.citizen;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CitizenRepository extends JpaRepository<Citizen, UUID> {

    Optional<Citizen> findByCpr(String cpr);
}
