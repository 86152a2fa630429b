package dk.carepath.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues correspondence and citizen notices in the mail outbox, in the transaction of their cause:
 * if the cause rolls back, no mail; if it commits, the mail is sent after the commit and retried
 * until the SMTP server takes it. The public API of the notify module.
 */
@Service
public class Correspondence {

    private final OutboundMailRepository repository;
    private final MailOutbox outbox;

    private final Clock clock;

    Correspondence(OutboundMailRepository repository, MailOutbox outbox, Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.outbox = outbox;
    }

    /** Queues the letter unless one with the same dedup key was queued before. @return true if queued now */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean queue(Letter letter) {
        if (repository.existsByDedupKey(letter.dedupKey())) {
            return false;
        }
        OutboundMail mail = repository.save(new OutboundMail(letter, clock.instant()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    outbox.sendSoon(mail.id());
                }
            });
        }
        return true;
    }

    @Transactional(readOnly = true)
    public List<CorrespondenceEntry> log(UUID pathwayId) {
        return repository.findByPathwayIdOrderByCreatedAt(pathwayId).stream().map(OutboundMail::entry).toList();
    }
}
