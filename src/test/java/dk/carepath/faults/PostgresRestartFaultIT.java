package dk.carepath.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted (a server of the test's own, stopped and started for real) while measurements
 * come in and advice mails go out: while it is down every client gets a 503 problem at once, health says
 * DOWN at once; nothing acknowledged is lost, no mail goes twice, and Carepath recovers by itself.
 */
class PostgresRestartFaultIT {

    @Test
    void shouldAnswer503AtOnceWhileThePostgresServerIsDownAndRecoverWithoutLosingOrDoublingAnything() throws Exception {
        int smtp = FaultEnvironment.freePort();
        GreenMail mail = FaultEnvironment.mailServer(smtp);
        mail.start();
        try (PrivatePostgres postgres = new PrivatePostgres()) {
            postgres.start();
            String db = postgres.createDatabase("carepath");
            FaultData data = new FaultData(db);
            try (CarepathNode node = new CarepathNode("restart-node", db, smtp, "--carepath.demo.extra-monitored-citizens=6")) {
                node.start();
                node.awaitReady(Duration.ofMinutes(5));
                List<UUID> citizens = data.citizensInTitration();
                String run = "restart-" + UUID.randomUUID().toString().substring(0, 8) + "-";
                Instant start = Instant.now().minus(Duration.ofHours(12));

                // a sender that keeps sending, and resends what was not acknowledged
                Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
                Queue<String> answersWhileDown = new ConcurrentLinkedQueue<>();
                List<Long> refusalMillis = java.util.Collections.synchronizedList(new ArrayList<>());
                AtomicBoolean down = new AtomicBoolean();
                AtomicBoolean sending = new AtomicBoolean(true);
                AtomicInteger next = new AtomicInteger();
                Thread sender = new Thread(() -> {
                    Queue<Integer> retry = new ConcurrentLinkedQueue<>();
                    while (true) {
                        Integer i = retry.poll();
                        if (i == null) {
                            if (!sending.get()) {
                                break;
                            }
                            i = next.getAndIncrement();
                        }
                        // yellow and red ones send the citizen advice mails, so mails are on their way when the database goes
                        int value = i % 4 == 0 ? FaultData.RED_PULSE : i % 4 == 1 ? 95 : 70;
                        long began = System.nanoTime();
                        try {
                            HttpResponse<String> answer = node.post("/api/measurements",
                                    FaultData.pulse(run + i, citizens.get(i % citizens.size()), value, start.plusSeconds(i)), CarepathNode.TABLET);
                            if (FaultData.acknowledged(answer)) {
                                acknowledged.add(i);
                            } else {
                                retry.add(i);
                                if (down.get()) {
                                    answersWhileDown.add(answer.statusCode() + " " + answer.headers().firstValue("Retry-After").orElse("-")
                                            + " " + answer.body());
                                    refusalMillis.add((System.nanoTime() - began) / 1_000_000);
                                }
                                KillDuringIngestFaultIT.sleep(250);
                            }
                        } catch (Exception e) {
                            retry.add(i);
                            answersWhileDown.add("no answer: " + e);
                        }
                    }
                }, "sender");
                sender.start();
                Thread.sleep(5000);

                postgres.stop();
                down.set(true);
                Thread.sleep(1000);
                long healthBegan = System.nanoTime();
                HttpResponse<String> health = node.get("/actuator/health", null);
                long healthMillis = (System.nanoTime() - healthBegan) / 1_000_000;
                // a client whose login the node has not seen yet, and the engine's REST API
                HttpResponse<String> unknownSender = node.post("/api/measurements", FaultData.pulse(run + "x", citizens.get(0), 70, start),
                        "Bearer not-a-cached-token");
                HttpResponse<String> engineRest = node.get("/engine-rest/task?maxResults=1", CarepathNode.ADMIN);
                Thread.sleep(8000);
                postgres.start();
                down.set(false);

                // recovery without a restart of Carepath: the sender's next measurements are acknowledged again
                int sentBeforeRecovery = next.get();
                Instant until = Instant.now().plusSeconds(60);
                while (Instant.now().isBefore(until) && acknowledged.stream().noneMatch(i -> i > sentBeforeRecovery)) {
                    Thread.sleep(200);
                }
                Thread.sleep(3000);
                sending.set(false);
                sender.join(120_000);
                assertThat(node.alive()).isTrue();

                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).contains("DOWN");
                assertThat(healthMillis).as("health answers DOWN at once").isLessThan(5000);
                assertThat(unknownSender.statusCode()).as(unknownSender.body()).isEqualTo(503);
                assertThat(unknownSender.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
                assertThat(engineRest.statusCode()).as(engineRest.body()).isEqualTo(503);
                assertThat(answersWhileDown).isNotEmpty().allSatisfy(answer -> assertThat(answer)
                        .startsWith("503 " + 5).contains("database-unavailable"));
                assertThat(refusalMillis).as("refused at once, not after a 30 s wait").allMatch(ms -> ms < 5000);
                assertThat(acknowledged).as("the sender's measurements after recovery are acknowledged")
                        .anyMatch(i -> i > sentBeforeRecovery);

                // nothing acknowledged is lost, nothing stored twice; every escalation done, each red one task
                data.awaitEscalations(Duration.ofMinutes(3));
                assertThat(data.count("select count(*) from measurement where sender_id like '" + run + "%'")).isEqualTo(next.get());
                assertThat(acknowledged).hasSize(next.get());
                Map<Long, Integer> tasks = data.redTasksPerMeasurement();
                assertThat(data.reds(run)).allSatisfy(id -> assertThat(tasks.get(id)).as("tasks covering red " + id).isEqualTo(1));
                assertThat(data.openRedTasksPerPathway().values()).allMatch(n -> n == 1);

                // every mail the outbox holds is sent, and no mail went twice (the receivers see each dedup key once)
                Instant mailUntil = Instant.now().plusSeconds(90);
                while (Instant.now().isBefore(mailUntil) && data.count("select count(*) from outbound_mail where status <> 'SENT'") > 0) {
                    Thread.sleep(1000);
                }
                assertThat(data.count("select count(*) from outbound_mail where status <> 'SENT'")).isZero();
                Map<String, Long> perKey = Arrays.stream(mail.getReceivedMessages()).map(PostgresRestartFaultIT::dedupKey)
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                assertThat(perKey.values()).as("mails per dedup key").allMatch(n -> n == 1);
                assertThat((long) perKey.size()).isEqualTo(data.count("select count(*) from outbound_mail"));
                assertThat(node.log()).doesNotContain("Exception in thread");
                System.out.printf("PostgreSQL restart: %d measurements (%d refused while down, slowest refusal %d ms), health DOWN in %d ms, "
                        + "%d mails each sent once%n", next.get(), refusalMillis.size(),
                        refusalMillis.stream().mapToLong(Long::longValue).max().orElse(0), healthMillis, perKey.size());
            }
        } finally {
            mail.stop();
        }
    }

    static String dedupKey(MimeMessage message) {
        try {
            String[] key = message.getHeader("X-Carepath-Dedup-Key");
            return key == null ? "(none) " + message.getMessageID() : key[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
