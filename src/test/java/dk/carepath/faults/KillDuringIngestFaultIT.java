package dk.carepath.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Carepath killed with SIGKILL in the middle of a 10,000-measurement ingest, then started again: every
 * measurement it acknowledged is stored, once, and every red one makes exactly one nurse task.
 */
class KillDuringIngestFaultIT {

    static final int MEASUREMENTS = 10_000;
    static final int SENDERS = 6;

    @Test
    void shouldKeepEveryAcknowledgedMeasurementAndEscalateEachRedOnceAfterAKill() throws Exception {
        int smtp = FaultEnvironment.freePort();
        GreenMail mail = FaultEnvironment.mailServer(smtp);
        mail.start();
        String db = FaultEnvironment.newDatabase("carepath_fault_kill");
        FaultData data = new FaultData(db);
        try (CarepathNode node = new CarepathNode("kill-node", db, smtp, "--carepath.demo.extra-monitored-citizens=12")) {
            node.start();
            node.awaitReady(Duration.ofMinutes(5));
            List<UUID> citizens = data.citizensInTitration();
            assertThat(citizens).hasSizeGreaterThanOrEqualTo(12);

            String run = "kill-" + UUID.randomUUID().toString().substring(0, 8) + "-";
            Instant start = Instant.now().minus(Duration.ofDays(1));
            Queue<Integer> toSend = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < MEASUREMENTS; i++) {
                toSend.add(i);
            }
            Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger refusedWhileDown = new AtomicInteger();
            Queue<String> unexpected = new ConcurrentLinkedQueue<>();
            Runnable sender = () -> {
                Integer i;
                while ((i = toSend.poll()) != null) {
                    int value = i % 20 == 0 ? FaultData.RED_PULSE : 60 + i % 25; // one in twenty red, the rest green
                    String json = FaultData.pulse(run + i, citizens.get(i % citizens.size()), value, start.plusSeconds(i));
                    try {
                        HttpResponse<String> answer = node.post("/api/measurements", json, CarepathNode.TABLET);
                        if (FaultData.acknowledged(answer)) {
                            acknowledged.add(i);
                            continue;
                        }
                        if (answer.statusCode() < 500) {
                            unexpected.add(answer.statusCode() + " " + answer.body());
                        }
                    } catch (Exception connectionLost) {
                        // the node is gone: not acknowledged, so the sender keeps it to send again
                    }
                    refusedWhileDown.incrementAndGet();
                    toSend.add(i);
                    sleep(200);
                }
            };

            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            for (int s = 0; s < SENDERS; s++) {
                senders.execute(sender);
            }
            while (acknowledged.size() < MEASUREMENTS / 3) {
                Thread.sleep(50);
            }
            node.kill();
            int acknowledgedBeforeKill = acknowledged.size();
            assertThat(data.count("select count(*) from measurement where sender_id like '" + run + "%'"))
                    .as("acknowledged before the kill are stored").isGreaterThanOrEqualTo(acknowledgedBeforeKill);
            node.start();
            node.awaitReady(Duration.ofMinutes(5));
            senders.shutdown();
            assertThat(senders.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
            assertThat(unexpected).as("answers that were neither an acknowledgement nor a server-side refusal").isEmpty();
            assertThat(acknowledged).hasSize(MEASUREMENTS);
            data.awaitEscalations(Duration.ofMinutes(5));

            // stored once each: the sender's resends of what was not acknowledged were recognised
            assertThat(data.count("select count(*) from measurement where sender_id like '" + run + "%'")).isEqualTo(MEASUREMENTS);
            assertThat(data.count("select count(distinct sender_id) from measurement where sender_id like '" + run + "%'"))
                    .isEqualTo(MEASUREMENTS);
            long reds = data.count("select count(*) from measurement where colour = 'RED' and sender_id like '" + run + "%'");
            assertThat(reds).isEqualTo(MEASUREMENTS / 20);
            // escalated exactly once: one alarm per red measurement, each covered by exactly one nurse task, and no
            // citizen with two open red tasks (a further red joins the open one)
            assertThat(data.count("select count(*) from pathway_alarm a join measurement m on m.id = a.measurement_id "
                    + "where a.kind = 'MEASUREMENT_RED' and m.sender_id like '" + run + "%'")).isEqualTo(reds);
            Map<Long, Integer> tasks = data.redTasksPerMeasurement();
            assertThat(data.reds(run)).allSatisfy(id -> assertThat(tasks.get(id)).as("tasks covering red measurement " + id).isEqualTo(1));
            assertThat(tasks.values()).allMatch(n -> n == 1);
            assertThat(data.openRedTasksPerPathway().values()).allMatch(n -> n == 1);
            long redTasksOfRun = data.openRedTasksPerPathway().size();
            System.out.printf("kill -9 during ingest: %d acknowledged before the kill, %d sends refused or lost while down, "
                    + "%d measurements stored once, %d red each covered by one task, %d open red tasks (one per citizen)%n", acknowledgedBeforeKill, refusedWhileDown.get(), MEASUREMENTS,
                    reds, redTasksOfRun);
        } finally {
            mail.stop();
            FaultEnvironment.dropDatabase(db);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
