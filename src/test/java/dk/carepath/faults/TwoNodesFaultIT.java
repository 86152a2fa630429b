package dk.carepath.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two Carepath nodes on one PostgreSQL database (Camunda's clustering: a shared database, job acquisition
 * with optimistic locking), with the SMTP server down until late: each timer fires once, each red
 * measurement makes one nurse task within seconds whichever node took it, and each letter and mail is
 * delivered exactly once when the SMTP server is back.
 */
class TwoNodesFaultIT {

    static final int EXTRA_CITIZENS = 16;

    @Test
    void shouldFireEachTimerOnceMakeOneTaskPerRedWithinSecondsAndSendEachMailOnce() throws Exception {
        int smtp = FaultEnvironment.freePort();
        GreenMail mail = FaultEnvironment.mailServer(smtp); // down until the end
        String db = FaultEnvironment.newDatabase("carepath_fault_nodes");
        FaultData data = new FaultData(db);
        try (CarepathNode a = new CarepathNode("node-a", db, smtp, "--carepath.demo.extra-monitored-citizens=" + EXTRA_CITIZENS);
             CarepathNode b = new CarepathNode("node-b", db, smtp, "--carepath.demo.extra-monitored-citizens=" + EXTRA_CITIZENS)) {
            a.start();
            a.awaitReady(Duration.ofMinutes(5)); // the first node loads the demo; the second finds it there
            b.start();
            b.awaitReady(Duration.ofMinutes(5));
            List<UUID> citizens = data.citizensInTitration();
            assertThat(citizens).hasSizeGreaterThanOrEqualTo(EXTRA_CITIZENS);

            // reds to both nodes in turn, three rounds
            String run = "nodes-" + UUID.randomUUID().toString().substring(0, 8) + "-";
            Instant at = Instant.now().minus(Duration.ofHours(1));
            int sent = 0;
            for (int round = 0; round < 3; round++) {
                for (UUID citizen : citizens) {
                    CarepathNode node = sent % 2 == 0 ? a : b;
                    HttpResponse<String> answer = node.post("/api/measurements",
                            FaultData.pulse(run + sent, citizen, FaultData.RED_PULSE, at.plusSeconds(sent)), CarepathNode.TABLET);
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                    sent++;
                    Thread.sleep(100);
                }
            }
            data.awaitEscalations(Duration.ofMinutes(2));
            List<Double> latency = data.redToTaskSeconds(run);
            Map<Long, Integer> covering = data.redTasksPerMeasurement();
            assertThat(data.reds(run)).hasSize(sent)
                    .allSatisfy(id -> assertThat(covering.get(id)).as("tasks covering red " + id).isEqualTo(1));
            assertThat(data.openRedTasksPerPathway().values()).as("open red tasks per citizen").allMatch(n -> n == 1);
            // the extra citizens had no open red task: each first red made one, the later rounds joined it
            assertThat(latency).hasSizeGreaterThanOrEqualTo(EXTRA_CITIZENS);
            double p50 = FaultData.percentile(latency, 0.5);
            double p99 = FaultData.percentile(latency, 0.99);
            assertThat(p99).as("red → task p99 in seconds, two nodes").isLessThan(5.0);

            // every timer due now, for both nodes' job executors to compete for
            List<String> timers = new ArrayList<>();
            try (Connection c = data.connect(); Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("select id_ from act_ru_job where type_ = 'timer'")) {
                    while (r.next()) {
                        timers.add(r.getString(1));
                    }
                }
                s.executeUpdate("update act_ru_job set duedate_ = now() - interval '1 second' where type_ = 'timer'");
            }
            assertThat(timers).hasSizeGreaterThan(EXTRA_CITIZENS);
            String timerIds = timers.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
            // until each has fired (or was cancelled by another that fired: a reassessment ends the review cycle)
            Instant timersUntil = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(timersUntil) && data.count("select count(*) from act_ru_job where id_ in (" + timerIds + ")") > 0) {
                Thread.sleep(1000);
            }
            assertThat(data.count("select count(*) from act_ru_job where id_ in (" + timerIds + ")")).as("timers left unfired").isZero();
            assertThat(data.count("select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 and job_id_ in ("
                    + timerIds + ") group by job_id_ having count(*) > 1) twice")).as("timers fired twice").isZero();
            long fired = data.count("select count(distinct job_id_) from act_hi_job_log where job_state_ = 2 and job_id_ in (" + timerIds + ")");
            long cancelled = data.count("select count(distinct job_id_) from act_hi_job_log where job_state_ = 3 and job_id_ in (" + timerIds
                    + ") and job_id_ not in (select job_id_ from act_hi_job_log where job_state_ = 2)");
            assertThat(fired).isPositive();
            assertThat(fired + cancelled).isEqualTo(timers.size());
            long nodesThatFired = data.count("select count(distinct hostname_) from act_hi_job_log where job_state_ = 2 and job_id_ in ("
                    + timerIds + ")");

            // the SMTP server comes back: everything the two outboxes held goes out, each once
            long queued = data.count("select count(*) from outbound_mail");
            assertThat(queued).isPositive();
            assertThat(mail.getReceivedMessages()).isEmpty();
            mail.start();
            Instant mailUntil = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(mailUntil) && data.count("select count(*) from outbound_mail where status <> 'SENT'") > 0) {
                Thread.sleep(1000);
            }
            Thread.sleep(3000); // a second send, were there one, would come now
            assertThat(data.count("select count(*) from outbound_mail where status <> 'SENT'")).isZero();
            Map<String, Long> perKey = Arrays.stream(mail.getReceivedMessages()).map(PostgresRestartFaultIT::dedupKey)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(perKey.values()).as("deliveries per dedup key").allMatch(n -> n == 1);
            assertThat((long) perKey.size()).isEqualTo(data.count("select count(*) from outbound_mail"));
            System.out.printf("two nodes: %d reds → %d new tasks (the rest joined them), red→task p50 %.2f s, p99 %.2f s, max %.2f s; %d timers fired once each "
                    + "(%d cancelled by another; fired by %d node(s)); %d mails held while SMTP was down, each delivered once%n", sent, latency.size(), p50, p99,
                    latency.get(latency.size() - 1), fired, cancelled, nodesThatFired, perKey.size());
        } finally {
            mail.stop();
            FaultEnvironment.dropDatabase(db);
        }
    }
}
