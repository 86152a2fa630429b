package dk.carepath.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.pathway.HeartFailurePathway.Messages;
import dk.carepath.pathway.PathwayMessages;
import dk.carepath.pathway.MeasurementType;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What measurements set off, in the running application: the escalation rules, the alarms into the
 * pathway, the missing-measurement monitor, and the recovery of escalations that failed.
 */
@CarepathTest
class EscalationTest {

    @Autowired
    MeasurementIntake intake;
    @Autowired
    Escalations escalations;
    @Autowired
    MissingMeasurements missing;
    @Autowired
    PathwayDriver driver;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PathwayMessages messages;
    @Autowired
    dk.carepath.pathway.Pathways pathways;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    MeasurementStore store;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    MeasurementInput weight(UUID citizen, double kg, Instant at) {
        return new MeasurementInput("test", "w-" + UUID.randomUUID(), citizen, MeasurementType.WEIGHT, BigDecimal.valueOf(kg), null,
                List.of(), "kg", at);
    }

    MeasurementInput pulse(UUID citizen, int bpm) {
        return new MeasurementInput("test", "p-" + UUID.randomUUID(), citizen, MeasurementType.PULSE, BigDecimal.valueOf(bpm), null,
                List.of(), "/min", Instant.now());
    }

    long engineActivity(UUID pathway) {
        String instance = driver.instance(pathway).getId();
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance).count()
                + history.createHistoricVariableInstanceQuery().processInstanceId(instance).count();
    }

    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/Copenhagen");

    void awaitEscalated(long id) {
        for (int i = 0; i < 50 && !"DONE".equals(escalation(id)); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertThat(escalation(id)).isEqualTo("DONE");
    }

    String escalation(long id) {
        return jdbc.queryForObject("select escalation from measurement where id = ?", String.class, id);
    }

    @Test
    void shouldNeverTouchTheProcessEngineForGreenMeasurements() throws Exception {
        UUID pathway = driver.inTitration();
        UUID citizen = driver.pathway(pathway).citizenId();
        long before = engineActivity(pathway);

        for (int i = 0; i < 10; i++) {
            IntakeResult result = intake.one(pulse(citizen, 60 + i));
            assertThat(result.colour()).isEqualTo(Colour.GREEN);
            assertThat(escalation(result.id())).isEqualTo("NONE");
        }
        escalations.retryPending();
        Thread.sleep(300);

        assertThat(engineActivity(pathway)).isEqualTo(before);
    }

    @Test
    void shouldRaisePersistentYellowOnceAfterThreeYellowWeightsInARow() {
        UUID pathway = driver.inTitration();
        UUID citizen = driver.pathway(pathway).citizenId();
        Instant now = Instant.now();
        // reference weight 80 kg: +2.0 to +2.9 is yellow
        for (long id : List.of(intake.one(weight(citizen, 82.2, now.minus(Duration.ofHours(48)))).id(),
                intake.one(weight(citizen, 82.4, now.minus(Duration.ofHours(24)))).id(),
                intake.one(weight(citizen, 82.5, now.minusSeconds(60))).id())) {
            escalations.escalate(id);
        }
        assertThat(driver.openTasks(pathway, Element.Task_FollowUpPersistentYellow)).hasSize(1);
        Task task = driver.openTasks(pathway, Element.Task_FollowUpPersistentYellow).get(0);
        assertThat(tasks.getVariable(task.getId(), "measurementSummary").toString()).startsWith("Tre gule målinger i træk: Vægt 82,5 kg");

        escalations.escalate(intake.one(weight(citizen, 82.6, now)).id());
        assertThat(driver.openTasks(pathway, Element.Task_FollowUpPersistentYellow)).as("once in three days").hasSize(1);
    }

    @Test
    void shouldJoinFiveRedPulsesIntoOneTaskAndAcknowledgeThemWhenItIsDone() {
        UUID pathway = driver.inTitration();
        UUID citizen = driver.pathway(pathway).citizenId();
        List<Long> reds = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long id = intake.one(pulse(citizen, 110 + i)).id();
            escalations.escalate(id);
            reds.add(id);
        }

        List<Task> open = driver.openTasks(pathway, Element.Task_ReviewRedMeasurement);
        assertThat(open).as("one open red task per citizen").hasSize(1);
        Task task = open.get(0);
        assertThat(tasks.getVariable(task.getId(), "coveredMeasurements").toString().split(","))
                .containsExactlyElementsOf(reds.stream().map(String::valueOf).toList());
        assertThat(tasks.getVariable(task.getId(), "measurementSummary").toString().lines()).hasSize(5);
        // the nurse calls the citizen: the form shows the phone number and who the contact person is
        assertThat(tasks.getVariableLocal(task.getId(), "citizenPhone")).isEqualTo("+4512345678");
        assertThat(tasks.getVariableLocal(task.getId(), "contactPersonName")).isEqualTo("ingen (hele teamet)");
        assertThat(driver.instance(pathway)).isNotNull();

        driver.complete(task, "testnurse", Map.of("redAction", "ADVICE_GIVEN"));
        assertThat(jdbc.queryForObject("select count(*) from measurement where pathway_id = ? and colour = 'RED' "
                + "and acknowledged_by = 'testnurse'", Integer.class, pathway)).as("acknowledged by completing the task").isEqualTo(5);

        // a red after the task was done is a new alarm: a new task
        long later = intake.one(pulse(citizen, 130)).id();
        escalations.escalate(later);
        List<Task> again = driver.openTasks(pathway, Element.Task_ReviewRedMeasurement);
        assertThat(again).hasSize(1);
        assertThat(again.get(0).getId()).isNotEqualTo(task.getId());
        assertThat(tasks.getVariable(again.get(0).getId(), "coveredMeasurements")).isEqualTo(String.valueOf(later));
    }

    @Test
    void shouldGiveOneRedTaskForTwoRedMessagesCorrelatedStraightToTheEngineAtOnce() throws Exception {
        UUID pathway = driver.inTitration();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        for (String id : List.of("921", "922")) {
            sent.add(two.submit(() -> {
                go.await();
                // as a client of /engine-rest must: it retries when the engine refuses a concurrent change of the instance
                // (the second waits for the pathway row at the gateway and then meets the first's execution tree: refused,
                // never a second task)
                for (int attempt = 1; ; attempt++) {
                    try {
                        runtime.createMessageCorrelation(Messages.MEASUREMENT_RED).processInstanceBusinessKey(pathway.toString())
                                .setVariablesLocal(Map.of("measurementId", id, "measurementSummary", "Puls 12" + id.charAt(2)))
                                .correlateWithResult();
                        return null;
                    } catch (org.camunda.bpm.engine.ProcessEngineException e) {
                        if (attempt == 5) {
                            throw e;
                        }
                    }
                }
            }));
        }
        go.countDown();
        for (var f : sent) {
            f.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        two.shutdown();

        List<Task> open = driver.openTasks(pathway, Element.Task_ReviewRedMeasurement);
        assertThat(open).as("the model itself keeps one open red task, the pathway row taken in turn").hasSize(1);
        assertThat(tasks.getVariable(open.get(0).getId(), "coveredMeasurements").toString().split(",")).containsExactlyInAnyOrder("921", "922");
    }

    @Test
    void shouldNotAcknowledgeAnotherPathwaysMeasurementNamedByATask() {
        UUID pathway = driver.inTitration();
        UUID other = driver.inTitration();
        long othersRed = intake.one(pulse(driver.pathway(other).citizenId(), 140)).id();
        messages.raiseAlarm(pathway, dk.carepath.pathway.HeartFailurePathway.Messages.MEASUREMENT_RED,
                Map.of("measurementId", String.valueOf(othersRed), "measurementSummary", "Puls 140"));

        driver.complete(driver.task(pathway, Element.Task_ReviewRedMeasurement), "testnurse", Map.of("redAction", "NO_ACTION_NEEDED"));

        assertThat(jdbc.queryForObject("select acknowledged_at from measurement where id = ?", java.sql.Timestamp.class, othersRed)).isNull();
    }

    @Test
    void shouldColourAndEscalateAMeasurementWhoseRuleFailed() {
        UUID pathway = driver.inTitration();
        UUID citizen = driver.pathway(pathway).citizenId();
        // as stored when the colouring rule failed: uncoloured, escalation pending
        jdbc.update("insert into measurement (source, sender_id, citizen_id, pathway_id, type, value1, measured_at, received_at, "
                        + "escalation, escalation_attempts) values ('test', ?, ?, ?, 'PULSE', 121, ?, ?, 'PENDING', 1)",
                "failed-" + pathway, citizen, pathway, Timestamp.from(Instant.now().minusSeconds(120)), Timestamp.from(Instant.now().minusSeconds(120)));

        escalations.retryPending();

        awaitEscalated(jdbc.queryForObject("select id from measurement where sender_id = ?", Long.class, "failed-" + pathway));
        Map<String, Object> row = jdbc.queryForMap("select colour, escalation, threshold_set_id from measurement where sender_id = ?",
                "failed-" + pathway);
        assertThat(row.get("colour")).isEqualTo("RED");
        assertThat(row.get("escalation")).isEqualTo("DONE");
        assertThat(row.get("threshold_set_id")).isNotNull();
        assertThat(driver.openTasks(pathway, Element.Task_ReviewRedMeasurement)).hasSize(1);
    }

    @Test
    void shouldRetryPendingRedAndUncolouredBeforeEarlierYellow() {
        UUID pathway = driver.inTitration();
        UUID citizen = driver.pathway(pathway).citizenId();
        Instant received = Instant.now().minusSeconds(600);
        // uncommitted and rolled back, so that the running poller neither sees nor escalates these rows
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            // left pending (a full queue, a restart): a yellow first, then a red and an uncoloured one later
            long yellow = pending(citizen, pathway, "YELLOW", received);
            long red = pending(citizen, pathway, "RED", received.plusSeconds(60));
            long uncoloured = pending(citizen, pathway, null, received.plusSeconds(120));

            List<Long> order = store.pendingEscalations(Instant.now(), 10_000).stream().map(Escalations.Pending::id)
                    .filter(id -> List.of(yellow, red, uncoloured).contains(id)).toList();

            assertThat(order).containsExactly(red, uncoloured, yellow);
        });
    }

    long pending(UUID citizen, UUID pathway, String colour, Instant received) {
        String senderId = "pending-" + UUID.randomUUID();
        jdbc.update("insert into measurement (source, sender_id, citizen_id, pathway_id, type, value1, measured_at, received_at, "
                        + "colour, escalation, escalation_attempts) values ('test', ?, ?, ?, 'PULSE', 100, ?, ?, ?, 'PENDING', 0)",
                senderId, citizen, pathway, Timestamp.from(received), Timestamp.from(received), colour);
        return jdbc.queryForObject("select id from measurement where sender_id = ?", Long.class, senderId);
    }

    @Test
    void shouldKeepTheAlarmWhenThePathwayIsNotYetMonitoring() {
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        driver.includeByBothAssessments(pathway);
        driver.setDefaultPlan(pathway);
        UUID citizen = driver.pathway(pathway).citizenId();

        IntakeResult red = intake.one(pulse(citizen, 130));
        escalations.escalate(red.id());

        awaitEscalated(red.id());
        assertThat(jdbc.queryForObject("select count(*) from pathway_alarm where measurement_id = ?", Integer.class, red.id())).isEqualTo(1);
        assertThat(driver.openTasks(pathway, Element.Task_ReviewRedMeasurement)).isEmpty();
    }

    @Test
    void shouldAskTheNurseToContactTheCitizenWhenMeasurementsAreMissing() {
        UUID pathway = driver.inTitration();
        UUID citizen = driver.pathway(pathway).citizenId();
        intake.one(pulse(citizen, 70));
        // just after the first deadline: tomorrow at the measurement time (08:00) plus the grace period
        Instant firstDeadline = java.time.LocalDate.now(ZONE).plusDays(1).atTime(10, 1).atZone(ZONE).toInstant();

        int raised = missing.checkAt(firstDeadline, List.of(pathway));

        assertThat(raised).as("weight and blood pressure (daily) are missing, the pulse came").isEqualTo(2);
        Task task = driver.task(pathway, Element.Task_ContactCitizenAboutMissingMeasurements);
        assertThat(tasks.getVariable(task.getId(), "missingSummary").toString()).contains("Vægt ikke modtaget til fristen",
                "Blodtryk ikke modtaget").doesNotContain("Puls");
        assertThat(missing.checkAt(firstDeadline, List.of(pathway))).as("once per deadline").isZero();
    }

    @Test
    void shouldGiveOneTaskForAWeekWithoutMeasurementsListingTheMissedDeadlinesAndClearThemWhenItIsDone() {
        UUID pathway = driver.inTitration();
        java.time.LocalDate tomorrow = java.time.LocalDate.now(ZONE).plusDays(1);
        int raised = 0;
        for (int day = 0; day < 7; day++) {
            // just after each day's deadline: the measurement time (08:00) plus the grace period
            raised += missing.checkAt(tomorrow.plusDays(day).atTime(10, 1).atZone(ZONE).toInstant(), List.of(pathway));
        }

        List<Task> open = driver.openTasks(pathway, Element.Task_ContactCitizenAboutMissingMeasurements);
        assertThat(open).as("one open task for the week's missed deadlines").hasSize(1);
        Map<String, Object> shown = tasks.getVariables(open.get(0).getId());
        assertThat(raised).as("each type of the plan, each day").isGreaterThanOrEqualTo(7);
        assertThat(shown.get("missedDeadlines")).isEqualTo(raised);
        assertThat(shown.get("missingTypes").toString()).contains("Vægt", "Blodtryk");
        assertThat(shown.get("missingSince").toString()).isEqualTo(Summaries.when(tomorrow.atTime(10, 0).atZone(ZONE).toInstant(), ZONE));
        String summary = shown.get("missingSummary").toString();
        assertThat(summary.lines().filter(line -> line.contains("ikke modtaget til fristen")).count()).isEqualTo(raised);
        assertThat(summary).contains(Summaries.when(tomorrow.plusDays(6).atTime(10, 0).atZone(ZONE).toInstant(), ZONE));
        // five missed days in fourteen also ask the clinic to consider discharge, once, in a task of its own
        assertThat(driver.openTasks(pathway, Element.Task_ConsiderNonAdherenceDischarge)).hasSize(1);
        // every missed deadline stays an alarm of its own: the KPI missing-alarms counts alarms raised, not tasks
        assertThat(jdbc.queryForObject("select count(*) from pathway_alarm where pathway_id = ? and kind = 'MEASUREMENTS_MISSING'",
                Integer.class, pathway)).isEqualTo(raised);

        driver.complete(open.get(0), "testnurse", Map.of("missingCause", "FORGOTTEN", "missingNote", "Vægten var gået i stykker"));

        assertThat(jdbc.queryForObject("select count(*) from pathway_alarm where pathway_id = ? and kind = 'MEASUREMENTS_MISSING' "
                + "and acknowledged_at is null", Integer.class, pathway)).as("the task's deadlines are acknowledged").isZero();
        assertThat(jdbc.queryForObject("select acknowledged_by from pathway_alarm where pathway_id = ? and kind = 'MEASUREMENTS_MISSING' "
                + "order by id limit 1", String.class, pathway)).isEqualTo("testnurse");
        // the next missed deadline, with the task done, is a new task
        assertThat(missing.checkAt(tomorrow.plusDays(7).atTime(10, 1).atZone(ZONE).toInstant(), List.of(pathway))).isPositive();
        assertThat(driver.openTasks(pathway, Element.Task_ContactCitizenAboutMissingMeasurements)).hasSize(1);
    }

    @Test
    void shouldShowAMeasurementThatCameAfterTheMissedDeadlineOnTheOpenTaskAndLeaveTheTaskToTheNurse() {
        UUID pathway = driver.inTitration();
        UUID citizen = driver.pathway(pathway).citizenId();
        Instant deadline = java.time.LocalDate.now(ZONE).plusDays(1).atTime(10, 0).atZone(ZONE).toInstant();
        missing.checkAt(deadline.plusSeconds(60), List.of(pathway));
        Task task = driver.task(pathway, Element.Task_ContactCitizenAboutMissingMeasurements);
        // the citizen weighs herself an hour after the deadline (measured_at moved there: the intake takes no future times)
        IntakeResult weight = intake.one(weight(citizen, 82.0, Instant.now()));
        jdbc.update("update measurement set measured_at = ? where id = ?", Timestamp.from(deadline.plus(Duration.ofHours(1))), weight.id());

        missing.checkAt(deadline.plus(Duration.ofHours(2)), List.of(pathway));

        assertThat(tasks.getVariable(task.getId(), "receivedSince"))
                .isEqualTo("Vægt modtaget " + Summaries.when(deadline.plus(Duration.ofHours(1)), ZONE));
        assertThat(driver.openTasks(pathway, Element.Task_ContactCitizenAboutMissingMeasurements)).as("still the nurse's").hasSize(1);
        long journalled = pathways.journal(pathway).stream().filter(j -> j.summary().startsWith("Målinger modtaget efter overskredet frist")).count();
        missing.checkAt(deadline.plus(Duration.ofHours(3)), List.of(pathway));
        assertThat(pathways.journal(pathway).stream().filter(j -> j.summary().startsWith("Målinger modtaget efter overskredet frist")).count())
                .as("noted once").isEqualTo(journalled).isEqualTo(1);
    }

    @Test
    void shouldRaiseNoMissingAlarmForAPausedPathway() {
        UUID pathway = driver.inTitration();
        messages.send(pathway, Messages.PAUSE_REQUESTED, Map.of("pauseUntil", Date.from(Instant.now().plus(Duration.ofDays(10))),
                "pauseReason", "Ferie"));

        assertThat(missing.checkAt(Instant.now().plus(Duration.ofDays(2)), List.of(pathway))).isZero();
        assertThat(driver.openTasks(pathway, Element.Task_ContactCitizenAboutMissingMeasurements)).isEmpty();
    }

    @Test
    void shouldAskToConsiderDischargeAfterMissesOnFiveDaysWithinFourteen() {
        UUID pathway = driver.inTitration();
        Instant now = Instant.now().plus(Duration.ofDays(2));
        for (int day = 1; day <= 4; day++) {
            jdbc.update("insert into pathway_alarm (pathway_id, kind, measurement_type, dedup_key, raised_at, deadline) "
                            + "values (?, 'MEASUREMENTS_MISSING', 'WEIGHT', ?, ?, ?)", pathway, "earlier-" + day,
                    Timestamp.from(now.minus(Duration.ofDays(day))), Timestamp.from(now.minus(Duration.ofDays(day))));
        }

        missing.checkAt(now, List.of(pathway));

        assertThat(driver.openTasks(pathway, Element.Task_ConsiderNonAdherenceDischarge)).hasSize(1);
        assertThat(driver.openTasks(pathway, Element.Task_ContactCitizenAboutMissingMeasurements)).isEmpty();
    }

    @Test
    void deadlinesFollowThePlansFrequencyAndMeasurementTime() {
        var schedule = new dk.carepath.pathway.PlanSchedule(UUID.randomUUID(), Instant.parse("2026-11-02T13:00:00Z"),
                java.time.LocalTime.of(8, 0), Map.of());
        // daily at 08:00 (+2 h grace), Copenhagen: the first deadline is the next day 10:00 local = 09:00 UTC
        assertThat(missing.window(schedule, dk.carepath.pathway.Frequency.DAILY, Instant.parse("2026-11-03T08:59:00Z"))).isNull();
        var first = missing.window(schedule, dk.carepath.pathway.Frequency.DAILY, Instant.parse("2026-11-03T09:00:00Z"));
        assertThat(first.deadline()).isEqualTo(Instant.parse("2026-11-03T09:00:00Z"));
        assertThat(first.from()).isEqualTo(schedule.monitoringSince());
        var weekly = missing.window(schedule, dk.carepath.pathway.Frequency.WEEKLY, Instant.parse("2026-11-20T12:00:00Z"));
        assertThat(weekly.deadline()).isEqualTo(Instant.parse("2026-11-16T09:00:00Z"));
        assertThat(weekly.from()).isEqualTo(Instant.parse("2026-11-09T09:00:00Z"));
    }
}
