package dk.carepath.notify;

import java.time.Clock;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox. A mail is claimed by a conditional update (so two nodes never send the same
 * mail at once), sent, then marked sent; a failure schedules the next attempt with exponential
 * back-off up to an hour. A database that fails after the SMTP server took a mail does not make it go
 * twice (the node marks it when the database is back). Only should a node die between sending and
 * marking does the claim expire and the mail go again: at-least-once, with a stable
 * {@code X-Carepath-Dedup-Key} header receivers can deduplicate on.
 */
@Component
class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    private static final Duration CLAIM = Duration.ofMinutes(5);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final OutboundMailRepository repository;
    private final JavaMailSender sender;
    private final TransactionTemplate tx;
    private final MailProperties properties;
    /** Mails the SMTP server took whose SENT mark the database did not (yet) take. */
    private final Set<UUID> sentButNotMarked = ConcurrentHashMap.newKeySet();
    private final ExecutorService immediate = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mail-outbox");
        t.setDaemon(true);
        return t;
    });

    private final Clock clock;

    MailOutbox(OutboundMailRepository repository, JavaMailSender sender, TransactionTemplate tx, MailProperties properties, Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.sender = sender;
        this.tx = tx;
        this.properties = properties;
    }

    /** After a commit: try at once, on a thread of our own so the committing caller does not wait for SMTP. */
    void sendSoon(UUID id) {
        immediate.execute(() -> trySend(id));
    }

    @Scheduled(fixedDelayString = "${carepath.mail.outbox-poll-interval:PT10S}")
    void sendDue() {
        try {
            markRemembered();
            List<UUID> due = tx.execute(s -> repository.findDue(clock.instant(), Limit.of(100)));
            if (due != null) {
                due.forEach(this::trySend);
            }
        } catch (RuntimeException e) {
            log.warn("mail outbox not polled this round: {}", firstLine(e.getMessage()));
        }
    }

    /**
     * @return true if this call sent the mail. Never throws: a database that cannot be reached leaves the
     * mail to a later round (the outbox thread and the poller must survive a database blip).
     */
    boolean trySend(UUID id) {
        if (sentButNotMarked.contains(id)) {
            return false;
        }
        try {
            return send(id);
        } catch (RuntimeException e) {
            log.warn("mail {} left for a later round: {}", id, firstLine(e.getMessage()));
            return false;
        }
    }

    private boolean send(UUID id) {
        Instant now = clock.instant();
        Integer claimed = tx.execute(s -> repository.claim(id, now, now.plus(CLAIM)));
        if (claimed == null || claimed == 0) {
            return false;
        }
        OutboundMail mail = tx.execute(s -> repository.findById(id).orElseThrow());
        try {
            sender.send(message(mail));
        } catch (MailException | MessagingException e) {
            failed(id, mail, e);
            return false;
        }
        markSent(id);
        return true;
    }

    /**
     * The SMTP server has taken the mail: it must not go again. Should the SENT mark fail (the database
     * just went away), this node remembers the mail and marks it as soon as the database answers, well
     * within the claim, so neither this node nor another sends it a second time.
     */
    private void markSent(UUID id) {
        Instant sentAt = clock.instant();
        try {
            tx.executeWithoutResult(s -> repository.markSent(id, sentAt));
        } catch (RuntimeException e) {
            sentButNotMarked.add(id);
            log.warn("mail {} was sent but could not be marked sent; will mark it when the database answers: {}", id,
                    firstLine(e.getMessage()));
        }
    }

    /** Marks what was sent while the database was away; runs before anything new is sent. */
    private void markRemembered() {
        for (UUID id : List.copyOf(sentButNotMarked)) {
            tx.executeWithoutResult(s -> repository.markSent(id, clock.instant()));
            sentButNotMarked.remove(id);
            log.info("mail {} marked sent after the database came back", id);
        }
    }

    private void failed(UUID id, OutboundMail mail, Exception e) {
        boolean giveUp = mail.attempts() >= properties.maxAttempts();
        Duration backoff = backoff(properties.firstRetry(), mail.attempts(), properties.maxRetryInterval());
        String reason = firstLine(e.getMessage());
        if (giveUp) {
            log.error("mail {} not sent after {} attempts, giving up: {}", id, mail.attempts(), reason);
        } else if (mail.attempts() == 1) {
            log.warn("mail {} not sent, will retry (next in {}): {}", id, backoff, reason);
        } else {
            log.info("mail {} not sent (attempt {}), next attempt in {}: {}", id, mail.attempts(), backoff, reason);
        }
        tx.executeWithoutResult(s -> repository.markFailed(id, giveUp ? MailStatus.FAILED : MailStatus.PENDING,
                clock.instant().plus(backoff), truncate(e.getMessage())));
    }

    /** first retry after {@code first}, then doubling, at most an hour apart */
    static Duration backoff(Duration first, int attempts) {
        return backoff(first, attempts, MAX_BACKOFF);
    }

    static Duration backoff(Duration first, int attempts, Duration max) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 12));
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private MimeMessage message(OutboundMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        message.setHeader("X-Carepath-Dedup-Key", mail.dedupKey());
        return message;
    }

    private static String firstLine(String text) {
        if (text == null) return "unknown error";
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String truncate(String text) {
        if (text == null) return null;
        return text.length() > 900 ? text.substring(0, 900) : text;
    }
}
