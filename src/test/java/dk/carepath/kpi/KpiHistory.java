package dk.carepath.kpi;

import dk.carepath.region.OrganisationKind;
import dk.carepath.region.Organisations;
import dk.carepath.security.Membership;
import dk.carepath.security.Role;
import dk.carepath.security.Staff;
import dk.carepath.support.PathwayDriver;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A hand-built history in a region of its own (fresh organisations and managers, so no other test's
 * data is counted), April 2025, whose KPIs {@link KpiTest} computes by hand. Rows are written
 * straight into the features' tables and Camunda's history, as the running application would have
 * left them:
 * <ul>
 *   <li>P1 (municipality M): referred 7 Apr 10:00, included 9 Apr, kit 12 Apr, first weight 13 Apr
 *       08:00, start-up 12 Apr 12:00 → titration 26 Apr 12:00; weight daily, pulse weekly; three red
 *       pulses (one on Maundy Thursday, a holiday); its reassessment due 24 Apr is not done;</li>
 *   <li>P2 (M): referred 8 Apr 09:00 by the GP, rejected 14 Apr 09:00;</li>
 *   <li>P3 (municipality N): referred 7 Apr 12:00 by the municipality, included 17 Apr, kit 18 Apr,
 *       first weight 21 Apr 12:00, handed over to N 24 Apr, paused 24–29 Apr, readmitted 30 Apr;
 *       a red pulse 23 Apr not acted on;</li>
 *   <li>P4 (M): referred 1 Dec 2024, discharged to the GP 22 Apr; its reassessment due 14 Apr was
 *       done two days late;</li>
 *   <li>P5 (M): referred 1 Jan 2025, discharged for non-adherence 29 Apr; reassessed on time.</li>
 * </ul>
 */
final class KpiHistory {

    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    static final LocalDate FROM = LocalDate.of(2025, 4, 7);
    static final LocalDate TO = LocalDate.of(2025, 5, 4);

    final String key = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    final String region = "K" + key.toUpperCase();
    final String regionOrg = "kpi-r-" + key;
    final String clinic = "kpi-c-" + key;
    final String municipality = "kpi-m-" + key;
    final String neighbour = "kpi-n-" + key;
    final String gp = "kpi-g-" + key;
    final String serviceCenter = "kpi-s-" + key;
    /** the region's manager, and the manager of municipality M; password "secret" */
    final String regionManager = "kpiboss" + key;
    final String municipalManager = "kpimuni" + key;

    UUID p1;
    UUID p2;
    UUID p3;
    UUID p4;
    UUID p5;
    final List<String> runtimeTasks = new ArrayList<>();

    private final JdbcTemplate jdbc;
    private int serial;

    KpiHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static Timestamp at(String localDateTime) {
        return Timestamp.from(instant(localDateTime));
    }

    static Instant instant(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    KpiHistory build(Organisations organisations, IdentityService identity, Staff staff) {
        organisations.save(regionOrg, OrganisationKind.REGION, "KPI-regionen " + key, region, "r@kpi.example.dk");
        organisations.save(clinic, OrganisationKind.CLINIC, "KPI-klinikken " + key, region, "c@kpi.example.dk");
        organisations.save(municipality, OrganisationKind.MUNICIPALITY, "KPI-kommunen " + key, region, "m@kpi.example.dk");
        organisations.save(neighbour, OrganisationKind.MUNICIPALITY, "KPI-nabokommunen " + key, region, "n@kpi.example.dk");
        organisations.save(gp, OrganisationKind.GP_PRACTICE, "KPI-lægerne " + key, region, "g@kpi.example.dk");
        organisations.save(serviceCenter, OrganisationKind.SERVICE_CENTER, "KPI-servicecenter " + key, region, "s@kpi.example.dk");
        user(identity, staff, regionManager, regionOrg, organisations);
        user(identity, staff, municipalManager, municipality, organisations);

        // P1: running, in titration
        p1 = pathway(municipality, "TITRATION", null, "2025-04-07T09:00", null, "2025-04-12T12:00", clinic);
        referral(p1, "HF_CLINIC", "2025-04-07T10:00");
        phase(p1, "INCLUSION -> START", "2025-04-09T10:00");
        phase(p1, "START -> STARTUP_MONITORING", "2025-04-12T12:00");
        phase(p1, "STARTUP_MONITORING -> TITRATION", "2025-04-26T12:00");
        kitInUse(p1, "2025-04-12T10:00");
        plan(p1, "WEIGHT", "DAILY", "PULSE", "WEEKLY");
        for (LocalDate d = LocalDate.of(2025, 4, 13); !d.isAfter(LocalDate.of(2025, 5, 2)); d = d.plusDays(1)) {
            measurement(p1, "WEIGHT", "GREEN", d + "T08:00", null);
        }
        // reds: on Maundy Thursday (a holiday: due after the Easter days), late, acted on in triage first
        long r1 = measurement(p1, "PULSE", "RED", "2025-04-17T10:00", null);
        redTask(r1, "2025-04-17T10:01", "2025-04-22T10:00", "2025-04-22T09:00");
        long r2 = measurement(p1, "PULSE", "RED", "2025-04-15T09:00", null);
        redTask(r2, "2025-04-15T09:00:30", "2025-04-15T11:00", "2025-04-15T12:00");
        long r3 = measurement(p1, "PULSE", "RED", "2025-04-16T13:00", "2025-04-16T13:30");
        redTask(r3, "2025-04-16T13:00:30", "2025-04-16T15:00", "2025-04-16T14:30");
        alarm(p1, "2025-04-20T10:00");
        alarm(p1, "2025-04-28T10:00");
        reassessment(p1, "2025-04-24T10:00", null, null);

        // P2: rejected
        p2 = pathway(municipality, "REJECTED", "REJECTED", "2025-04-08T09:00", "2025-04-14T09:00", null, null);
        referral(p2, "GP_REREFERRAL", "2025-04-08T09:00");
        measurement(p2, "PULSE", "RED", "2025-04-10T09:00", null); // no task: the pathway was never monitored

        // P3: the neighbour's citizen: handover, pause, readmission
        p3 = pathway(neighbour, "TITRATION", null, "2025-04-07T12:00", null, "2025-04-18T14:00", neighbour);
        referral(p3, "MUNICIPALITY_IDENTIFICATION", "2025-04-07T12:00");
        phase(p3, "INCLUSION -> START", "2025-04-17T12:00");
        phase(p3, "START -> STARTUP_MONITORING", "2025-04-18T14:00");
        phase(p3, "STARTUP_MONITORING -> TITRATION", "2025-05-06T12:00");
        kitInUse(p3, "2025-04-18T12:00");
        plan(p3, "WEIGHT", "DAILY");
        for (String d : List.of("2025-04-21T12:00", "2025-04-22T08:00", "2025-04-23T08:00")) {
            measurement(p3, "WEIGHT", "GREEN", d, null);
        }
        long r4 = measurement(p3, "PULSE", "RED", "2025-04-23T10:00", null);
        redTask(r4, "2025-04-23T10:00:30", "2025-04-23T12:00", null);
        journal(p3, "REASSESSMENT", "Revurdering: HANDOVER", "2025-04-24T10:00");
        journal(p3, "PAUSE", "Monitorering sat på pause", "2025-04-24T10:00");
        journal(p3, "RESUMED", "Monitorering genoptaget efter pause", "2025-04-29T10:00");
        journal(p3, "READMISSION", "Indlæggelse meldt", "2025-04-30T10:00");
        alarm(p3, "2025-05-01T10:00");
        reassessment(p3, "2025-05-02T10:00", "2025-05-01T10:00", "deleted");

        // P4: discharged to the GP; reassessed two days late
        p4 = pathway(municipality, "DISCHARGED", "DISCHARGED_TO_GP", "2024-12-01T10:00", "2025-04-22T10:00", null, null);
        referral(p4, "HF_CLINIC", "2024-12-01T10:00");
        phase(p4, "INCLUSION -> START", "2024-12-03T10:00");
        reassessment(p4, "2025-04-14T10:00", "2025-04-16T10:00", "completed");

        // P5: discharged for non-adherence; reassessed on time
        p5 = pathway(municipality, "DISCHARGED", "DISCHARGED_NON_ADHERENCE", "2025-01-01T10:00", "2025-04-29T10:00", null, null);
        referral(p5, "HF_CLINIC", "2025-01-01T10:00");
        phase(p5, "INCLUSION -> START", "2025-01-03T10:00");
        reassessment(p5, "2025-04-09T10:00", "2025-04-08T10:00", "completed");

        // calls: M kept one call-back and missed one; N had one answered at once and one call-back never made
        UUID c1 = call(p1, municipality, "FRONT_DESK", "2025-04-08T10:00", "2025-04-08T15:00");
        callBack(c1, "2025-04-08T13:00");
        registration(c1, p1, "CALL_BACK_FROM_QUEUE", "Tfn", true, "2025-04-08T13:05");
        UUID c2 = call(p1, municipality, "FRONT_DESK", "2025-04-10T16:00", "2025-04-11T14:00");
        callBack(c2, "2025-04-14T09:00");
        registration(c2, p1, "CALL_BACK_FROM_QUEUE", null, false, "2025-04-14T09:05");
        UUID c3 = call(p3, neighbour, "HEALTH_PROFESSIONAL", "2025-04-09T10:00", null);
        registration(c3, p3, "INCOMING_ANSWERED", "Tfn", true, "2025-04-09T10:10");
        UUID c4 = call(p3, neighbour, "FRONT_DESK", "2025-04-16T10:00", "2025-04-16T15:00");
        callBack(c4, null);

        // kit faults: one solved, one swapped past the service level, one open
        fault(p1, "2025-04-10T10:00", "SOLVED", false);
        fault(p3, "2025-04-15T10:00", "SWAPPED", true);
        fault(p1, "2025-04-25T10:00", "OPEN", false);

        // workload: open tasks now, and three done in the period
        String nurses = clinic + ".hf-nurse";
        String municipalNurses = municipality + ".municipal-nurse";
        openTask(nurses, Timestamp.from(Instant.parse("2025-01-01T10:00:00Z")));
        openTask(nurses, Timestamp.from(Instant.parse("2099-01-01T10:00:00Z")));
        openTask(municipalNurses, null);
        doneTask(nurses, "Gennemgå målinger", "2025-04-07T08:00", "2025-04-07T10:00", "2025-04-07T11:00");
        doneTask(nurses, "Gennemgå målinger", "2025-04-08T08:00", null, "2025-04-08T12:00");
        doneTask(municipalNurses, "Ring borgeren op", "2025-04-15T09:00", "2025-04-15T09:30", "2025-04-15T10:30");
        return this;
    }

    /** Camunda's runtime rows of this history: removed after the tests, so no other test meets them */
    void removeRuntimeTasks() {
        for (String task : runtimeTasks) {
            jdbc.update("delete from ACT_RU_IDENTITYLINK where TASK_ID_ = ?", task);
            jdbc.update("delete from ACT_RU_TASK where ID_ = ?", task);
        }
    }

    private void user(IdentityService identity, Staff staff, String id, String organisation, Organisations organisations) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setFirstName(id);
            user.setLastName("Test");
            user.setPassword("secret");
            identity.saveUser(user);
        }
        staff.enrol(id, new Membership(organisation, Role.MANAGER), organisations.find(organisation).orElseThrow().name());
    }

    private String id(String prefix) {
        return prefix + "-" + key + "-" + (++serial);
    }

    private UUID pathway(String municipalityId, String phase, String outcome, String created, String ended, String monitoringSince,
                         String monitoringOrganisation) {
        UUID citizen = UUID.randomUUID();
        jdbc.update("insert into citizen (id, cpr, name, municipality_id, gp_practice_id, created_at, version) values (?, ?, ?, ?, ?, ?, 0)",
                citizen, PathwayDriver.newCpr(), "KPI-borger " + key, municipalityId, gp, at(created));
        UUID pathway = UUID.randomUUID();
        jdbc.update("insert into pathway (id, citizen_id, active_citizen_id, region, clinic_id, phase, treatment_responsible, "
                        + "monitoring_responsible, municipal_course_active, extended, reassessment_overdue, outcome, created_at, updated_at, "
                        + "ended_at, version, monitoring_since, treatment_organisation_id, monitoring_organisation_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, false, false, false, ?, ?, ?, ?, 0, ?, ?, ?)",
                pathway, citizen, ended == null ? citizen : null, region, clinic, phase, ended == null ? "CLINIC" : "GP",
                monitoringOrganisation == null ? "NONE" : monitoringOrganisation.equals(clinic) ? "CLINIC" : "MUNICIPALITY",
                outcome, at(created), at(ended == null ? created : ended), ended == null ? null : at(ended),
                monitoringSince == null ? null : at(monitoringSince), ended == null ? clinic : gp, monitoringOrganisation);
        return pathway;
    }

    private UUID citizenOf(UUID pathway) {
        return jdbc.queryForObject("select citizen_id from pathway where id = ?", UUID.class, pathway);
    }

    private void referral(UUID pathway, String source, String received) {
        jdbc.update("insert into referral (id, pathway_id, source, referrer_organisation_id, received_at, mit_id_required) values (?, ?, ?, ?, ?, true)",
                UUID.randomUUID(), pathway, source, clinic, at(received));
    }

    private void phase(UUID pathway, String change, String at) {
        jdbc.update("insert into pathway_journal (pathway_id, occurred_at, kind, actor, summary, detail) values (?, ?, 'PHASE', 'system', ?, ?)",
                pathway, at(at), "Fase", change);
    }

    private void journal(UUID pathway, String kind, String summary, String at) {
        jdbc.update("insert into pathway_journal (pathway_id, occurred_at, kind, actor, summary) values (?, ?, ?, 'testnurse', ?)",
                pathway, at(at), kind, summary);
    }

    private void kitInUse(UUID pathway, String at) {
        UUID kit = UUID.randomUUID();
        UUID citizen = citizenOf(pathway);
        jdbc.update("insert into kit (id, kit_number, status, citizen_id, updated_at, version) values (?, ?, 'IN_USE', ?, ?, 0)",
                kit, id("KIT"), citizen, at(at));
        jdbc.update("insert into kit_event (kit_id, occurred_at, status, citizen_id, actor) values (?, ?, 'IN_USE', ?, 'testservice')",
                kit, at(at), citizen);
    }

    private void plan(UUID pathway, String... typesAndFrequencies) {
        UUID plan = UUID.randomUUID();
        jdbc.update("insert into monitoring_plan (id, pathway_id, measurement_time, startup_days, review_interval_days, "
                        + "reassessment_interval_weeks, expected_end_date, set_by, updated_at, version) values (?, ?, '08:00', 14, 7, 10, ?, 'x', ?, 0)",
                plan, pathway, java.sql.Date.valueOf("2025-12-31"), at("2025-04-09T10:00"));
        for (int i = 0; i < typesAndFrequencies.length; i += 2) {
            jdbc.update("insert into plan_measurement (plan_id, measurement_type, frequency) values (?, ?, ?)", plan,
                    typesAndFrequencies[i], typesAndFrequencies[i + 1]);
        }
    }

    long measurement(UUID pathway, String type, String colour, String measured, String acknowledged) {
        String sender = id("m");
        Timestamp at = at(measured);
        jdbc.update("insert into measurement (source, sender_id, citizen_id, pathway_id, type, value1, unit, measured_at, received_at, colour, "
                        + "escalation, escalation_attempts, acknowledged_by, acknowledged_at) values ('kpi', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DONE', 0, ?, ?)",
                sender, citizenOf(pathway), pathway, type, type.equals("WEIGHT") ? 80 : 130, type.equals("WEIGHT") ? "kg" : "/min", at,
                Timestamp.from(at.toInstant().plusSeconds(5)), colour, acknowledged == null ? null : "testnurse",
                acknowledged == null ? null : at(acknowledged));
        return jdbc.queryForObject("select id from measurement where source = 'kpi' and sender_id = ?", Long.class, sender);
    }

    void redTask(long measurement, String created, String due, String done) {
        String activity = id("ai");
        String task = id("task");
        jdbc.update("insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, ACT_INST_ID_, NAME_, START_TIME_, END_TIME_, "
                        + "DELETE_REASON_, DUE_DATE_) values (?, 'Task_ReviewRedMeasurement', 'heart-failure-pathway', ?, 'Rød måling', ?, ?, ?, ?)",
                task, activity, at(created), done == null ? null : at(done), done == null ? null : "completed", at(due));
        jdbc.update("insert into ACT_HI_VARINST (ID_, NAME_, VAR_TYPE_, TEXT_, ACT_INST_ID_) values (?, 'measurementId', 'string', ?, ?)",
                id("var"), Long.toString(measurement), activity);
    }

    /** the sender retracted it (FHIR entered-in-error), as MeasurementStore.retract does */
    void retract(long measurement, String at) {
        jdbc.update("update measurement set retracted_at = ?, retracted_reason = 'entered-in-error' where id = ?", at(at), measurement);
    }

    /** retracted no more: no sender can, but the roll-ups must take it back should it happen */
    void unretract(long measurement) {
        jdbc.update("update measurement set retracted_at = null, retracted_reason = null where id = ?", measurement);
    }

    /** the sender's correction, as MeasurementStore.replace does: the row's values replaced, the old ones in its history */
    void correct(long measurement, String colour, String measured) {
        jdbc.update("insert into measurement_history (measurement_id, change, value1, value2, symptoms, unit, measured_at, colour, changed_at, "
                + "changed_by) select id, 'CORRECTED', value1, value2, symptoms, unit, measured_at, colour, ?, 'kpi' from measurement where id = ?",
                at(measured), measurement);
        jdbc.update("update measurement set value1 = 70, colour = ?, measured_at = ?, escalation = 'DONE' where id = ?", colour, at(measured),
                measurement);
    }

    private void alarm(UUID pathway, String raised) {
        jdbc.update("insert into pathway_alarm (pathway_id, kind, measurement_type, dedup_key, raised_at) values (?, 'MEASUREMENTS_MISSING', 'WEIGHT', ?, ?)",
                pathway, id("alarm"), at(raised));
    }

    private String processInstance(String businessKey, String definition) {
        String instance = id("pi");
        jdbc.update("insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_) values (?, ?, ?, ?, ?, ?)",
                instance, instance, businessKey, definition, definition + ":kpi", at("2025-01-01T00:00"));
        return instance;
    }

    private void reassessment(UUID pathway, String due, String end, String reason) {
        String instance = processInstance(pathway.toString(), "heart-failure-pathway");
        jdbc.update("insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_INST_ID_, NAME_, START_TIME_, END_TIME_, "
                        + "DELETE_REASON_, DUE_DATE_) values (?, 'Task_Reassess', 'heart-failure-pathway', ?, 'Revurdering', ?, ?, ?, ?)",
                id("task"), instance, Timestamp.from(at(due).toInstant().minusSeconds(14 * 86400)), end == null ? null : at(end), reason, at(due));
    }

    private UUID call(UUID pathway, String municipalityId, String answeredBy, String received, String callBackDue) {
        UUID call = UUID.randomUUID();
        jdbc.update("insert into citizen_call (id, citizen_id, pathway_id, municipality_id, received_at, answered_by, answered_by_user, reason, "
                        + "message, call_back_due, closed, version) values (?, ?, ?, ?, ?, ?, 'testfrontdesk', 'CLINICAL', 'Ring mig op', ?, false, 0)",
                call, citizenOf(pathway), pathway, municipalityId, at(received), answeredBy, callBackDue == null ? null : at(callBackDue));
        return call;
    }

    private void callBack(UUID call, String done) {
        String instance = processInstance(call.toString(), "citizen-call");
        jdbc.update("insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_INST_ID_, NAME_, START_TIME_, END_TIME_, DELETE_REASON_) "
                        + "values (?, 'Task_CallCitizenBack', 'citizen-call', ?, 'Ring borgeren op', ?, ?, ?)",
                id("task"), instance, at("2025-04-08T00:00"), done == null ? null : at(done), done == null ? null : "completed");
    }

    private void registration(UUID call, UUID pathway, String kind, String noteType, boolean contact, String classified) {
        jdbc.update("insert into contact_registration (call_id, citizen_id, classified_at, contact_purpose, contact_kind, registered_as_contact, "
                        + "note_type, reason) values (?, ?, ?, 'CLINICAL', ?, ?, ?, 'regel')",
                call, citizenOf(pathway), at(classified), kind, contact, noteType);
    }

    private void fault(UUID pathway, String reported, String status, boolean breached) {
        jdbc.update("insert into kit_fault (id, citizen_id, kit_number, pathway_id, description, reported_via, reported_by, reported_at, "
                        + "service_level_due, service_level_breached, status, version) values (?, ?, ?, ?, 'Vægten virker ikke', 'CALL', 'testfrontdesk', ?, ?, ?, ?, 0)",
                UUID.randomUUID(), citizenOf(pathway), id("KIT"), pathway, at(reported), Timestamp.from(at(reported).toInstant().plusSeconds(4 * 3600)),
                breached, status);
    }

    private void openTask(String group, Timestamp due) {
        String task = id("rutask");
        jdbc.update("insert into ACT_RU_TASK (ID_, REV_, NAME_, TASK_DEF_KEY_, PRIORITY_, CREATE_TIME_, DUE_DATE_, SUSPENSION_STATE_) "
                + "values (?, 1, 'Gennemgå målinger', 'Task_ReviewMeasurements', 50, ?, ?, 1)", task, at("2025-04-07T08:00"), due);
        jdbc.update("insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_) values (?, 1, ?, 'candidate', ?)", id("rulink"),
                group, task);
        runtimeTasks.add(task);
    }

    private void doneTask(String group, String name, String created, String claimed, String done) {
        String task = id("task");
        jdbc.update("insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, NAME_, START_TIME_, END_TIME_, DELETE_REASON_) values (?, ?, ?, ?, ?, 'completed')",
                task, "Task_" + serial, name, at(created), at(done));
        jdbc.update("insert into ACT_HI_IDENTITYLINK (ID_, TIMESTAMP_, TYPE_, GROUP_ID_, TASK_ID_, OPERATION_TYPE_) values (?, ?, 'candidate', ?, ?, 'add')",
                id("link"), at(created), group, task);
        if (claimed != null) {
            jdbc.update("insert into ACT_HI_IDENTITYLINK (ID_, TIMESTAMP_, TYPE_, USER_ID_, TASK_ID_, OPERATION_TYPE_) values (?, ?, 'assignee', 'testnurse', ?, 'add')",
                    id("link"), at(claimed), task);
        }
    }
}
