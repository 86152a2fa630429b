package dk.carepath.callrouting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ContactRegistrationRepository extends JpaRepository<ContactRegistration, Long> {

    Optional<ContactRegistration> findByCallId(UUID callId);

    boolean existsByCallId(UUID callId);

    @Query("""
            select new dk.carepath.callrouting.ContactCount(c.registeredAsContact, c.visitType, c.noteType, count(c))
            from ContactRegistration c, CallRecord r
            where r.id = c.callId and c.classifiedAt >= :from and c.classifiedAt < :to and r.municipalityId in :municipalities
            group by c.registeredAsContact, c.visitType, c.noteType
            order by c.registeredAsContact desc, c.visitType, c.noteType""")
    List<ContactCount> countBetween(@Param("from") Instant from, @Param("to") Instant to,
                                    @Param("municipalities") java.util.Collection<String> municipalities);
}
