package dk.carepath.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.data.domain.Limit;
import org.springframework.test.context.ActiveProfiles;

/**
 * A repository slice (JPA and Flyway only, on the tests' database, rolled back): the outbox's queries
 * decide which mail is sent by whom, so they are checked on the real database. Due are the pending
 * mails whose time has come and the claimed ones whose claim has run out (a node that died while
 * sending); one claim wins; a sent or failed mail is never due again.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
class OutboundMailRepositoryTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Autowired
    OutboundMailRepository outbox;
    @Autowired
    EntityManager entities;

    UUID mail(String key, Instant at) {
        OutboundMail mail = new OutboundMail(new Letter(key + "-" + UUID.randomUUID(), null, "test", null, "a@example.dk",
                "Emne", "Tekst"), at);
        outbox.saveAndFlush(mail);
        return mail.id();
    }

    @Test
    void dueAreThePendingWhoseTimeHasComeAndTheClaimedWhoseClaimRanOutOldestFirst() {
        UUID late = mail("late", NOW.minusSeconds(600));
        UUID now = mail("now", NOW);
        UUID future = mail("future", NOW.plusSeconds(1));
        UUID deadClaim = mail("dead-claim", NOW.minusSeconds(900));
        UUID liveClaim = mail("live-claim", NOW.minusSeconds(900));
        UUID sent = mail("sent", NOW.minusSeconds(900));
        UUID failed = mail("failed", NOW.minusSeconds(900));
        assertThat(outbox.claim(deadClaim, NOW.minusSeconds(800), NOW.minusSeconds(300))).isEqualTo(1);
        assertThat(outbox.claim(liveClaim, NOW.minusSeconds(800), NOW.plusSeconds(300))).isEqualTo(1);
        outbox.markSent(sent, NOW.minusSeconds(800));
        outbox.markFailed(failed, MailStatus.FAILED, NOW.minusSeconds(800), "550 no such user");
        entities.clear();

        List<UUID> due = outbox.findDue(NOW, Limit.of(100)).stream()
                .filter(id -> List.of(late, now, future, deadClaim, liveClaim, sent, failed).contains(id)).toList();
        // by the time each is due: late at -600 s, the dead claim when its claim ran out (-300 s), now
        assertThat(due).containsExactly(late, deadClaim, now);
        assertThat(outbox.findDue(NOW, Limit.of(1))).hasSize(1);
    }

    @Test
    void oneOfTwoClaimsOfADueMailWinsAndCountsTheAttempt() {
        UUID id = mail("race", NOW.minusSeconds(60));
        Instant expiry = NOW.plus(Duration.ofMinutes(5));
        assertThat(outbox.claim(id, NOW, expiry)).isEqualTo(1);
        assertThat(outbox.claim(id, NOW, expiry)).as("the second claimer: the mail's time is the first claim's expiry").isZero();
        assertThat(outbox.claim(id, expiry, expiry.plusSeconds(300))).as("after the claim ran out").isEqualTo(1);
        entities.clear();
        assertThat(outbox.findById(id).orElseThrow().attempts()).isEqualTo(2);

        outbox.markSent(id, expiry.plusSeconds(1));
        entities.clear();
        assertThat(outbox.claim(id, expiry.plusSeconds(3600), expiry.plusSeconds(3900))).as("a sent mail is never claimed").isZero();
        assertThat(outbox.findById(id).orElseThrow().entry().status()).isEqualTo(MailStatus.SENT);
    }
}
