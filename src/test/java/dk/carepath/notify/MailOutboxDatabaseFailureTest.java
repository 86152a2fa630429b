package dk.carepath.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox when the database fails around a send (unit test: the repository is an in-memory stand-in
 * whose updates fail on demand; the SMTP side counts what it was given). The fault test against a real
 * PostgreSQL restart is {@code dk.carepath.faults.PostgresRestartFaultIT}.
 */
class MailOutboxDatabaseFailureTest {

    final FakeOutbox db = new FakeOutbox();
    final List<MimeMessage> sent = new ArrayList<>();
    final MailOutbox outbox = new MailOutbox(db.repository(), new CountingSender(sent), new TransactionTemplate(new NoTransactions()),
            new MailProperties("telehjerte@carepath.local", Duration.ofSeconds(10), 50, Duration.ofSeconds(10), Duration.ofHours(1)), java.time.Clock.systemUTC());

    @Test
    void shouldNotSendAgainAMailWhoseSentMarkFailed() throws Exception {
        UUID id = db.add();
        db.failMarkSent.set(1);

        assertThat(outbox.trySend(id)).isTrue();
        // the poller comes round while the claim has expired (or another node looks): the mail is not sent again
        db.expireClaims();
        outbox.trySend(id);
        outbox.sendDue();

        assertThat(sent).hasSize(1);
        assertThat(db.status(id)).isEqualTo("SENT");
    }

    @Test
    void shouldSurviveADatabaseThatCannotBeReachedAndSendWhenItIsBack() throws Exception {
        UUID id = db.add();
        db.down = true;

        assertThat(outbox.trySend(id)).isFalse(); // no exception escapes: the outbox thread lives on
        outbox.sendDue();
        assertThat(sent).isEmpty();

        db.down = false;
        outbox.sendDue();
        assertThat(sent).hasSize(1);
        assertThat(db.status(id)).isEqualTo("SENT");
    }

    /** Status per mail, as the real table keeps it; claim and findDue follow the real queries' conditions. */
    static class FakeOutbox {
        final java.util.Map<UUID, String> status = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.Map<UUID, Instant> claimUntil = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.Map<UUID, OutboundMail> mails = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicInteger failMarkSent = new AtomicInteger();
        volatile boolean down;

        UUID add() {
            OutboundMail mail = new OutboundMail(new Letter("key-" + UUID.randomUUID(), null, "TEST", null, "a@test.example.dk",
                    "TeleHjerte: test", "Brødtekst"), Instant.now());
            mails.put(mail.id(), mail);
            status.put(mail.id(), "PENDING");
            claimUntil.put(mail.id(), Instant.now());
            return mail.id();
        }

        String status(UUID id) {
            return status.get(id);
        }

        void expireClaims() {
            claimUntil.replaceAll((id, until) -> Instant.now().minusSeconds(1));
        }

        OutboundMailRepository repository() {
            return (OutboundMailRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {OutboundMailRepository.class},
                    (proxy, method, args) -> {
                        if (down) {
                            throw new DataAccessResourceFailureException("Connection refused");
                        }
                        return switch (method.getName()) {
                            case "claim" -> claim((UUID) args[0], (Instant) args[1], (Instant) args[2]);
                            case "findById" -> Optional.ofNullable(mails.get((UUID) args[0]));
                            case "findDue" -> status.entrySet().stream()
                                    .filter(e -> e.getValue().equals("PENDING") || (e.getValue().equals("SENDING")
                                            && claimUntil.get(e.getKey()).isBefore(Instant.now())))
                                    .map(java.util.Map.Entry::getKey).toList();
                            case "markSent" -> {
                                if (failMarkSent.getAndDecrement() > 0) {
                                    throw new DataAccessResourceFailureException("An I/O error occurred while sending to the backend");
                                }
                                status.put((UUID) args[0], "SENT");
                                yield null;
                            }
                            case "markFailed" -> {
                                status.put((UUID) args[0], args[1].toString());
                                yield null;
                            }
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            case "toString" -> "FakeOutbox";
                            default -> throw new UnsupportedOperationException(method.getName());
                        };
                    });
        }

        private int claim(UUID id, Instant now, Instant until) {
            String s = status.get(id);
            if ("PENDING".equals(s) || ("SENDING".equals(s) && claimUntil.get(id).isBefore(now))) {
                status.put(id, "SENDING");
                claimUntil.put(id, until);
                return 1;
            }
            return 0;
        }
    }

    static class CountingSender extends JavaMailSenderImpl {
        private final List<MimeMessage> sent;

        CountingSender(List<MimeMessage> sent) {
            this.sent = sent;
            setSession(Session.getInstance(new Properties()));
        }

        @Override
        public void send(MimeMessage message) {
            sent.add(message);
        }
    }

    static class NoTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
