package dk.carepath.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.support.CarepathTest;
import dk.carepath.support.TestMail;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against a real SMTP server (GreenMail) that is up, down, and back. */
@CarepathTest
class MailOutboxTest {

    @Autowired
    Correspondence correspondence;
    @Autowired
    OutboundMailRepository outbox;
    @Autowired
    TransactionTemplate tx;

    @AfterEach
    void serverUp() {
        TestMail.server();
    }

    static Letter letter(String key, String to) {
        return new Letter(key, null, "TEST", null, to, "TeleHjerte: test " + key, "Brødtekst med æøå for " + key);
    }

    @Test
    void shouldSendQueuedMailAfterCommit() {
        String key = "after-commit-" + UUID.randomUUID();
        tx.executeWithoutResult(s -> correspondence.queue(letter(key, "a@test.example.dk")));

        var mails = TestMail.await(TestMail.containing(key), 1, Duration.ofSeconds(10));
        assertThat(TestMail.body(mails.get(0))).contains("æøå");
        assertThat(statusOf(key)).isEqualTo(MailStatus.SENT);
    }

    @Test
    void shouldNotSendMailWhoseCauseRolledBack() throws InterruptedException {
        String key = "rolled-back-" + UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            correspondence.queue(letter(key, "b@test.example.dk"));
            s.setRollbackOnly();
        });
        Thread.sleep(1500);
        assertThat(TestMail.all(TestMail.containing(key))).isEmpty();
        assertThat(outbox.existsByDedupKey(key)).isFalse();
    }

    @Test
    void shouldSendTheSameLetterOnceWhenQueuedTwice() {
        String key = "twice-" + UUID.randomUUID();
        Boolean first = tx.execute(s -> correspondence.queue(letter(key, "c@test.example.dk")));
        Boolean second = tx.execute(s -> correspondence.queue(letter(key, "c@test.example.dk")));
        assertThat(first).isTrue();
        assertThat(second).isFalse();

        TestMail.await(TestMail.containing(key), 1, Duration.ofSeconds(10));
        sleep(1500);
        assertThat(TestMail.all(TestMail.containing(key))).hasSize(1);
    }

    @Test
    void shouldKeepMailWhileSmtpServerIsDownAndSendItOnceWhenItIsBack() {
        String key = "server-down-" + UUID.randomUUID();
        TestMail.stop();
        try {
            tx.executeWithoutResult(s -> correspondence.queue(letter(key, "d@test.example.dk")));

            awaitAttempts(key, 2);
            // kept for the next attempt (which may be under way right now), neither sent nor given up
            assertThat(statusOf(key)).isIn(MailStatus.PENDING, MailStatus.SENDING);
        } finally {
            // the other tests of this JVM need the server back, whatever happened here
            TestMail.restart();
        }
        TestMail.await(TestMail.containing(key), 1, Duration.ofSeconds(20));
        // the server has it; the SENT mark commits an instant later
        for (int i = 0; i < 50 && statusOf(key) != MailStatus.SENT; i++) {
            sleep(100);
        }
        assertThat(statusOf(key)).isEqualTo(MailStatus.SENT);
        sleep(1500);
        assertThat(TestMail.all(TestMail.containing(key))).hasSize(1);
    }

    @Test
    void backsOffExponentiallyUpToAnHour() {
        assertThat(MailOutbox.backoff(Duration.ofSeconds(10), 1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(MailOutbox.backoff(Duration.ofSeconds(10), 3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(MailOutbox.backoff(Duration.ofSeconds(10), 40)).isEqualTo(Duration.ofHours(1));
    }

    private MailStatus statusOf(String key) {
        return tx.execute(s -> outbox.findByDedupKey(key).orElseThrow().entry().status());
    }

    private void awaitAttempts(String key, int attempts) {
        for (int i = 0; i < 100; i++) {
            int made = tx.execute(s -> outbox.findByDedupKey(key).map(OutboundMail::attempts).orElse(0));
            if (made >= attempts) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("the outbox never tried " + attempts + " times");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
