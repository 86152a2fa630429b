package dk.carepath.notify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface OutboundMailRepository extends JpaRepository<OutboundMail, UUID> {

    boolean existsByDedupKey(String dedupKey);

    java.util.Optional<OutboundMail> findByDedupKey(String dedupKey);

    List<OutboundMail> findByPathwayIdOrderByCreatedAt(UUID pathwayId);

    @Query("select m.id from OutboundMail m where (m.status = 'PENDING' and m.nextAttemptAt <= :now) "
            + "or (m.status = 'SENDING' and m.nextAttemptAt <= :now) order by m.nextAttemptAt")
    List<UUID> findDue(Instant now, Limit limit);

    /** Claims a due mail for one sender: exactly one concurrent caller gets 1. */
    @Modifying
    @Query("update OutboundMail m set m.status = 'SENDING', m.attempts = m.attempts + 1, m.nextAttemptAt = :claimExpiry "
            + "where m.id = :id and m.status in ('PENDING', 'SENDING') and m.nextAttemptAt <= :now")
    int claim(UUID id, Instant now, Instant claimExpiry);

    @Modifying
    @Query("update OutboundMail m set m.status = 'SENT', m.sentAt = :now, m.lastError = null where m.id = :id")
    void markSent(UUID id, Instant now);

    @Modifying
    @Query("update OutboundMail m set m.status = :status, m.nextAttemptAt = :nextAttempt, m.lastError = :error where m.id = :id")
    void markFailed(UUID id, MailStatus status, Instant nextAttempt, String error);

    long countByStatus(MailStatus status);
}
