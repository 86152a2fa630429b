package dk.carepath.demo;

import dk.carepath.callrouting.CallView;
import dk.carepath.callrouting.CitizenCall.AnsweredBy;
import dk.carepath.callrouting.CitizenCall.CallReason;
import dk.carepath.callrouting.CitizenCalls;
import dk.carepath.callrouting.NewCall;
import dk.carepath.equipment.EquipmentFaults;
import dk.carepath.pathway.ClinicalFacts;
import dk.carepath.pathway.HeartFailurePathway;
import dk.carepath.measurement.MeasurementIntake;
import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.pathway.MeasurementType;
import dk.carepath.pathway.Pathways;
import dk.carepath.pathway.PathwayMessages;
import dk.carepath.pathway.PathwayView;
import dk.carepath.pathway.Pathways;
import dk.carepath.pathway.ReferralRequest;
import dk.carepath.pathway.ReferralSource;
import dk.carepath.pathway.Referrals;
import dk.carepath.region.OrganisationKind;
import dk.carepath.region.Organisations;
import dk.carepath.security.Actors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The embedded default's demo: a user for every actor group and a handful of citizens in
 * different phases, driven through the real pathway (referral API, rules, tasks, timers) so that
 * a new user sees a working task list at once. Runs on the first start only.
 */
@Component
@ConditionalOnProperty(name = "carepath.demo.enabled", havingValue = "true")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** user id, first name, last name, group */
    static final List<String[]> USERS = List.of(
            new String[] {"nina", "Nina", "Holm", Actors.HF_NURSE},
            new String[] {"karl", "Karl", "Thomsen", Actors.CARDIOLOGIST},
            new String[] {"mette", "Mette", "Berg", Actors.MUNICIPAL_NURSE},
            new String[] {"frida", "Frida", "Lund", Actors.MUNICIPAL_FRONTDESK},
            new String[] {"gustav", "Gustav", "Krogh", Actors.GP},
            new String[] {"sven", "Sven", "Dahl", Actors.SERVICE_CENTER},
            new String[] {"petra", "Petra", "Juhl", Actors.PROCESS_OWNER},
            new String[] {"maja", "Maja", "Vestergaard", Actors.MANAGER});
    // the measurement platform "tablet" is not a person: an API client (security.DemoApiClient)

    private final DemoProperties properties;
    private final IdentityService identity;
    private final Organisations organisations;
    private final Referrals referrals;
    private final PathwayMessages messages;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final MeasurementIntake measurements;
    private final Pathways pathways;
    private final CitizenCalls calls;
    private final EquipmentFaults faults;

    DemoData(DemoProperties properties, IdentityService identity, Organisations organisations, Referrals referrals,
             PathwayMessages messages, RuntimeService runtime, TaskService tasks, ManagementService management,
             MeasurementIntake measurements, Pathways pathways, CitizenCalls calls, EquipmentFaults faults) {
        this.properties = properties;
        this.identity = identity;
        this.organisations = organisations;
        this.referrals = referrals;
        this.messages = messages;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.measurements = measurements;
        this.pathways = pathways;
        this.calls = calls;
        this.faults = faults;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void load() {
        users();
        if (runtime.createProcessInstanceQuery().processDefinitionKey(HeartFailurePathway.KEY).count() > 0) {
            return;
        }
        organisations();
        log.info("loading demo citizens");
        // 1: referred by the clinic, rules say eligible: the two assessments wait
        refer("0503451234", "Else Jensen", "kommune-751", facts(30, true));
        // 2: EF 45 %: the rules say not eligible, the cardiologist confirms
        refer("1207384321", "Poul Nielsen", "kommune-746", facts(45, true));
        // 3: included: the cardiologist sets the plan
        UUID birthe = refer("2211422789", "Birthe Madsen", "kommune-751", facts(25, true));
        include(birthe);
        // 4: plan set: the service center installs the kit
        UUID jorgen = refer("0102392455", "Jørgen Pedersen", "kommune-746", facts(35, true));
        include(jorgen);
        setPlan(jorgen);
        // 5: in titration: a week of measurements, a red pulse this morning, and a review due
        UUID inge = refer("1508471566", "Inge Christensen", "kommune-751", facts(28, true));
        toTitration(inge, "KIT-1005");
        fireTimer(inge, Element.Event_ReviewDue);
        week(inge, new double[] {80.1, 80.4, 80.9, 81.6, 82.1, 82.4, 82.6}, new int[] {72, 75, 78, 84, 88, 93, 112});
        // 6: due for reassessment
        UUID hans = refer("3009361677", "Hans Larsen", "kommune-751", facts(33, true));
        toTitration(hans, "KIT-1006");
        fireTimer(hans, Element.Event_ReassessmentDue);
        // 7: measurements missing for two mornings
        UUID kirsten = refer("0906411899", "Kirsten Andersen", "kommune-746", facts(38, true));
        toTitration(kirsten, "KIT-1007");
        week(hans, new double[] {78.2, 78.6, 78.4, 78.9, 78.3, 78.5, 78.7}, new int[] {64, 66, 61, 63, 65, 62, 64});
        messages.send(kirsten, HeartFailurePathway.Messages.MEASUREMENTS_MISSING,
                Map.of("missingSummary", "Ingen vægt eller puls modtaget de seneste 2 morgener", "repeatedMisses", false));
        identity.clearAuthentication();
        // calls: Inge's message at the front desk waits for a municipal nurse's call-back (mette) ...
        CallView message = as("frida", () -> calls.register(new NewCall(pathways.require(inge).citizenId(), AnsweredBy.FRONT_DESK, "frida",
                CallReason.CLINICAL, "Vægten er steget 1,5 kg på tre dage. Skal hun tage ekstra vanddrivende?", "+45 20 00 00 00",
                ClockUtil.getCurrentTime().toInstant())));
        String callInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(message.id().toString()).singleResult().getId();
        management.createJobQuery().processInstanceId(callInstance).timers().list()
                .forEach(job -> management.executeJob(job.getId())); // outside phone hours: as if they had opened
        // ... Hans called mette about his scale, which she is handling ...
        as("mette", () -> calls.register(new NewCall(pathways.require(hans).citizenId(), AnsweredBy.HEALTH_PROFESSIONAL, "mette",
                CallReason.TECHNICAL, "Vægten viser ingenting, når han stiller sig på den", null, ClockUtil.getCurrentTime().toInstant())));
        // ... and Kirsten's tablet, which sent nothing for two mornings, is reported faulty: the service center (sven) calls her
        as("nina", () -> faults.report(pathways.require(kirsten).citizenId(),
                "Tabletten har ingen forbindelse; ingen målinger de seneste 2 morgener", "STAFF"));
        log.info("demo citizens loaded: log in to Tasklist as nina, karl, sven, ... with password '{}'", properties.password());
    }

    /**
     * A week of morning weights and pulses through the real intake (coloured by Drools, escalated
     * by the rules: yellow and red ones put tasks before the nurse). Reference weight 78.5 kg.
     */
    private void week(UUID pathway, double[] weights, int[] pulses) {
        UUID citizen = pathways.require(pathway).citizenId();
        java.time.Instant today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")).atTime(7, 40)
                .atZone(java.time.ZoneId.of("Europe/Copenhagen")).toInstant();
        for (int day = 0; day < weights.length; day++) {
            java.time.Instant at = today.minus(java.time.Duration.ofDays(weights.length - 1 - day));
            if (at.isAfter(java.time.Instant.now())) {
                at = java.time.Instant.now().minusSeconds(600);
            }
            measurements.receive("demo-tablet", pathway + "-w" + day, citizen, MeasurementType.WEIGHT,
                    java.math.BigDecimal.valueOf(weights[day]), null, List.of(), "kg", at);
            measurements.receive("demo-tablet", pathway + "-p" + day, citizen, MeasurementType.PULSE,
                    java.math.BigDecimal.valueOf(pulses[day]), null, List.of(), "/min", at.plusSeconds(60));
        }
    }

    /** As the API does it: the user logged in to Spring Security (for the audit trail), no Camunda authentication. */
    private static <T> T as(String user, java.util.function.Supplier<T> action) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void users() {
        for (String[] u : USERS) {
            if (identity.createUserQuery().userId(u[0]).count() == 0) {
                User user = identity.newUser(u[0]);
                user.setFirstName(u[1]);
                user.setLastName(u[2]);
                user.setEmail(u[0] + "@carepath.local");
                user.setPassword(properties.password());
                identity.saveUser(user);
                identity.createMembership(u[0], u[3]);
            }
        }
    }

    private void organisations() {
        organisations.save("hjerteklinik-auh", OrganisationKind.CLINIC, "Hjertesvigtsklinikken, Aarhus Universitetshospital", "MIDT", "hjertesvigt@auh.example.dk");
        organisations.save("kommune-751", OrganisationKind.MUNICIPALITY, "Aarhus Kommune, Sundhed og Omsorg", "MIDT", "telehjerte@aarhus.example.dk");
        organisations.save("kommune-746", OrganisationKind.MUNICIPALITY, "Skanderborg Kommune, Sundhedscenter", "MIDT", "telehjerte@skanderborg.example.dk");
        organisations.save("laege-aarhus-c", OrganisationKind.GP_PRACTICE, "Lægerne i Aarhus C", "MIDT", "klinik@laegerne-aarhus.example.dk");
        organisations.save("fsc-midt", OrganisationKind.SERVICE_CENTER, "Fælles Servicecenter, Region Midtjylland", "MIDT", "servicecenter@rm.example.dk");
    }

    private UUID refer(String cpr, String name, String municipality, ClinicalFacts facts) {
        PathwayView pathway = referrals.refer(new ReferralRequest(
                new ReferralRequest.CitizenDetails(cpr, name, "+45 20 00 00 00", null, municipality, "laege-aarhus-c"),
                ReferralSource.HF_CLINIC, "hjerteklinik-auh", "hjerteklinik-auh", "Hjertesvigtsklinikken", facts, null));
        runJobs(pathway.id());
        return pathway.id();
    }

    private static ClinicalFacts facts(int ef, boolean mitId) {
        return new ClinicalFacts(ef, true, true, true, true, true, true, true, true, true, mitId);
    }

    private void include(UUID pathway) {
        complete(pathway, Element.Task_CardiologicalAssessment, "karl",
                Map.of("cardiologistDecision", "INCLUDE", "cardiologistReason", "EF nedsat, i titrering"));
        complete(pathway, Element.Task_NursingAssessment, "nina",
                Map.of("nurseDecision", "INCLUDE", "nurseReason", "Motiveret, datter hjælper"));
    }

    private void setPlan(UUID pathway) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("referenceWeightKg", 78.5);
        complete(pathway, Element.Task_SetMonitoringPlan, "karl", plan);
        runJobs(pathway);
    }

    private void toTitration(UUID pathway, String kit) {
        include(pathway);
        setPlan(pathway);
        complete(pathway, Element.Task_InstallKit, "sven", Map.of("kitNumber", kit, "instructionGiven", true));
        complete(pathway, Element.Task_CallCitizenAfterSetup, "nina", Map.of("setupStatus", "WORKS"));
        fireTimer(pathway, Element.Event_StartupPeriodEnded);
        complete(pathway, Element.Task_ConcludeStartup, "nina", Map.of());
    }

    private void complete(UUID pathway, Element task, String user, Map<String, Object> variables) {
        Task open = tasks.createTaskQuery().processInstanceBusinessKey(pathway.toString())
                .taskDefinitionKey(task.id()).singleResult();
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(open.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
        runJobs(pathway);
    }

    private void fireTimer(UUID pathway, Element timer) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(pathway.toString()).singleResult().getId();
        Job job = management.createJobQuery().processInstanceId(instance).activityId(timer.id()).singleResult();
        management.executeJob(job.getId());
        runJobs(pathway);
    }

    /** Async continuations (rules, letters) run now rather than waiting for the job executor. */
    private void runJobs(UUID pathway) {
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(pathway.toString()).singleResult();
        if (instance == null) {
            return;
        }
        List<Job> jobs;
        while (!(jobs = management.createJobQuery().processInstanceId(instance.getId()).messages().list()).isEmpty()) {
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }
}
