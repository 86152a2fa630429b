package dk.carepath.demo;

import java.time.Clock;
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
import dk.carepath.security.Membership;
import dk.carepath.security.Role;
import dk.carepath.security.Staff;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
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

    static final String REGION = "region-midt";
    static final String AUH = "hjerteklinik-auh";
    static final String GODSTRUP = "hjerteklinik-rhg";
    static final String AARHUS = "kommune-751";
    static final String SKANDERBORG = "kommune-746";
    static final String GP_PRACTICE = "laege-aarhus-c";
    static final String SERVICE_CENTER = "fsc-midt";

    /** user id, first name, last name, organisation, role: a user per role per organisation */
    record DemoUser(String id, String firstName, String lastName, String organisation, Role role) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("nina", "Nina", "Holm", AUH, Role.HF_NURSE),
            new DemoUser("anne", "Anne", "Mikkelsen", AUH, Role.HF_NURSE),
            new DemoUser("karl", "Karl", "Thomsen", AUH, Role.CARDIOLOGIST),
            new DemoUser("birgit", "Birgit", "Skov", AUH, Role.MANAGER),
            new DemoUser("hanne", "Hanne", "Bech", GODSTRUP, Role.HF_NURSE),
            new DemoUser("lars", "Lars", "Kjær", GODSTRUP, Role.CARDIOLOGIST),
            new DemoUser("mette", "Mette", "Berg", AARHUS, Role.MUNICIPAL_NURSE),
            new DemoUser("frida", "Frida", "Lund", AARHUS, Role.MUNICIPAL_FRONTDESK),
            new DemoUser("ulla", "Ulla", "Dam", AARHUS, Role.MANAGER),
            new DemoUser("sofie", "Sofie", "Kristensen", SKANDERBORG, Role.MUNICIPAL_NURSE),
            new DemoUser("bo", "Bo", "Hansen", SKANDERBORG, Role.MUNICIPAL_FRONTDESK),
            new DemoUser("gustav", "Gustav", "Krogh", GP_PRACTICE, Role.GP),
            new DemoUser("sven", "Sven", "Dahl", SERVICE_CENTER, Role.SERVICE_CENTER),
            new DemoUser("petra", "Petra", "Juhl", REGION, Role.PROCESS_OWNER),
            new DemoUser("maja", "Maja", "Vestergaard", REGION, Role.MANAGER));
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
    private final Staff staff;

    private final Clock clock;
    private final DemoLibrary library;

    DemoData(DemoProperties properties, IdentityService identity, Organisations organisations, Referrals referrals,
             PathwayMessages messages, RuntimeService runtime, TaskService tasks, ManagementService management,
             MeasurementIntake measurements, Pathways pathways, CitizenCalls calls, EquipmentFaults faults, Staff staff, Clock clock,
             DemoLibrary library) {
        this.clock = clock;
        this.library = library;
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
        this.staff = staff;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void load() {
        // the organisations are Region Midtjylland's pack's (regions/midt/region.yaml), written at start by the region module
        users();
        library.load();
        if (runtime.createProcessInstanceQuery().processDefinitionKey(HeartFailurePathway.KEY).count() > 0) {
            return;
        }
        log.info("loading demo citizens");
        // 1: referred to Aarhus, rules say eligible: the two assessments wait (karl, nina)
        refer("0503451234", "Else Jensen", AARHUS, AUH, facts(30, true));
        // 2: referred to Gødstrup, EF 45 %: the rules say not eligible, Gødstrup's cardiologist confirms (lars)
        refer("1207384321", "Poul Nielsen", SKANDERBORG, GODSTRUP, facts(45, true));
        // 3: included: the cardiologist sets the plan
        UUID birthe = refer("2211422789", "Birthe Madsen", AARHUS, AUH, facts(25, true));
        include(birthe);
        // 4: plan set: the service center installs the kit
        UUID jorgen = refer("0102392455", "Jørgen Pedersen", SKANDERBORG, AUH, facts(35, true));
        include(jorgen);
        setPlan(jorgen);
        // 5: in titration: a week of measurements, a red pulse this morning, and a review due
        UUID inge = refer("1508471566", "Inge Christensen", AARHUS, AUH, facts(28, true));
        toTitration(inge, "KIT-1005");
        fireTimer(inge, Element.Event_ReviewDue);
        week(inge, new double[] {80.1, 80.4, 80.9, 81.6, 82.1, 82.4, 82.6}, new int[] {72, 75, 78, 84, 88, 93, 112});
        // 6: due for reassessment; nina is his contact person
        UUID hans = refer("3009361677", "Hans Larsen", AARHUS, AUH, facts(33, true));
        toTitration(hans, "KIT-1006");
        as("nina", () -> pathways.assignContactPerson(hans, "nina"));
        fireTimer(hans, Element.Event_ReassessmentDue);
        // 7: at Gødstrup, measurements missing for two mornings
        UUID kirsten = refer("0906411899", "Kirsten Andersen", SKANDERBORG, GODSTRUP, facts(38, true));
        toTitration(kirsten, "KIT-1007");
        // 8: monitoring handed over to Skanderborg at the reassessment: his review is the municipal nurses' (sofie)
        UUID erik = refer("1704431122", "Erik Poulsen", SKANDERBORG, AUH, facts(36, true));
        toTitration(erik, "KIT-1008");
        fireTimer(erik, Element.Event_ReassessmentDue);
        complete(erik, Element.Task_Reassess, "karl", Map.of("reassessmentOutcome", "HANDOVER", "treatmentResponsible", "CLINIC",
                "monitoringResponsible", "MUNICIPALITY", "reassessmentNote", "Stabil; Skanderborg overtager monitoreringen"));
        fireTimer(erik, Element.Event_ReviewDue);
        week(hans, new double[] {78.2, 78.6, 78.4, 78.9, 78.3, 78.5, 78.7}, new int[] {64, 66, 61, 63, 65, 62, 64});
        messages.send(kirsten, HeartFailurePathway.Messages.MEASUREMENTS_MISSING,
                Map.of("missingSummary", "Ingen vægt eller puls modtaget de seneste 2 morgener", "repeatedMisses", false));
        identity.clearAuthentication();
        // calls: Inge's message at the front desk waits for a municipal nurse's call-back (mette) ...
        CallView message = as("frida", () -> calls.register(new NewCall(pathways.require(inge).citizenId(), AnsweredBy.FRONT_DESK, "frida",
                CallReason.CLINICAL, "Vægten er steget 1,5 kg på tre dage. Skal hun tage ekstra vanddrivende?", "+45 20 00 00 00",
                clock.instant())));
        String callInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(message.id().toString()).singleResult().getId();
        management.createJobQuery().processInstanceId(callInstance).timers().list()
                .forEach(job -> management.executeJob(job.getId())); // outside phone hours: as if they had opened
        // ... Hans called mette about his scale, which she is handling ...
        as("mette", () -> calls.register(new NewCall(pathways.require(hans).citizenId(), AnsweredBy.HEALTH_PROFESSIONAL, "mette",
                CallReason.TECHNICAL, "Vægten viser ingenting, når han stiller sig på den", null, clock.instant())));
        // ... and Kirsten's tablet, which sent nothing for two mornings, is reported faulty: the service center (sven) calls her
        as("hanne", () -> faults.report(pathways.require(kirsten).citizenId(),
                "Tabletten har ingen forbindelse; ingen målinger de seneste 2 morgener", "STAFF"));
        extraMonitoredCitizens();
        log.info("demo citizens loaded: log in to Tasklist as nina, karl, mette, sofie, sven, ... with password '{}'", properties.password());
    }

    /**
     * A week of morning weights and pulses through the real intake (coloured by Drools, escalated
     * by the rules: yellow and red ones put tasks before the nurse). Reference weight 78.5 kg.
     */
    private void week(UUID pathway, double[] weights, int[] pulses) {
        UUID citizen = pathways.require(pathway).citizenId();
        java.time.Instant today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Copenhagen"))).atTime(7, 40)
                .atZone(java.time.ZoneId.of("Europe/Copenhagen")).toInstant();
        for (int day = 0; day < weights.length; day++) {
            java.time.Instant at = today.minus(java.time.Duration.ofDays(weights.length - 1 - day));
            if (at.isAfter(clock.instant())) {
                at = clock.instant().minusSeconds(600);
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
        for (DemoUser u : USERS) {
            if (identity.createUserQuery().userId(u.id()).count() == 0) {
                User user = identity.newUser(u.id());
                user.setFirstName(u.firstName());
                user.setLastName(u.lastName());
                user.setEmail(u.id() + "@carepath.local");
                user.setPassword(properties.password());
                identity.saveUser(user);
            }
            staff.enrol(u.id(), new Membership(u.organisation(), u.role()),
                    organisations.find(u.organisation()).orElseThrow().name());
        }
    }

    private UUID refer(String cpr, String name, String municipality, String clinic, ClinicalFacts facts) {
        PathwayView pathway = referrals.refer(new ReferralRequest(
                new ReferralRequest.CitizenDetails(cpr, name, "+45 20 00 00 00", null,
                        municipality.equals(AARHUS) ? "Søndergade 12, 8000 Aarhus C" : "Adelgade 5, 8660 Skanderborg", municipality, GP_PRACTICE),
                ReferralSource.HF_CLINIC, clinic, clinic, "Hjertesvigtsklinikken", facts, null));
        runJobs(pathway.id());
        return pathway.id();
    }

    /** Citizens "Testborger n" in titration at Aarhus University Hospital, alternately of Aarhus and Skanderborg. */
    private void extraMonitoredCitizens() {
        for (int n = 1; n <= properties.extraMonitoredCitizens(); n++) {
            java.time.LocalDate born = java.time.LocalDate.of(1940, 1, 1).plusDays(n * 37L);
            String cpr = born.format(java.time.format.DateTimeFormatter.ofPattern("ddMMyy")) + String.format("%04d", 2000 + n % 8000);
            String municipality = n % 2 == 0 ? AARHUS : SKANDERBORG;
            PathwayView pathway = referrals.refer(new ReferralRequest(
                    new ReferralRequest.CitizenDetails(cpr, "Testborger " + n, "+45 20 00 00 00", "testborger" + n + "@carepath.local",
                            "Testvej " + n + ", 8000 Aarhus C", municipality, GP_PRACTICE),
                    ReferralSource.HF_CLINIC, AUH, AUH, "Hjertesvigtsklinikken", facts(30, true), null));
            runJobs(pathway.id());
            toTitration(pathway.id(), "KIT-T" + n);
        }
        if (properties.extraMonitoredCitizens() > 0) {
            log.info("{} extra citizens in titration loaded", properties.extraMonitoredCitizens());
        }
    }

    private static ClinicalFacts facts(int ef, boolean mitId) {
        return new ClinicalFacts(ef, true, true, true, true, true, true, true, true, true, mitId);
    }

    /** The clinic's demo cardiologist and heart-failure nurse. */
    private String cardiologist(UUID pathway) {
        return pathways.require(pathway).clinicId().equals(GODSTRUP) ? "lars" : "karl";
    }

    private String nurse(UUID pathway) {
        return pathways.require(pathway).clinicId().equals(GODSTRUP) ? "hanne" : "nina";
    }

    private void include(UUID pathway) {
        complete(pathway, Element.Task_CardiologicalAssessment, cardiologist(pathway),
                Map.of("cardiologistDecision", "INCLUDE", "cardiologistReason", "EF nedsat, i titrering"));
        complete(pathway, Element.Task_NursingAssessment, nurse(pathway),
                Map.of("nurseDecision", "INCLUDE", "nurseReason", "Motiveret, datter hjælper"));
    }

    private void setPlan(UUID pathway) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("referenceWeightKg", 78.5);
        complete(pathway, Element.Task_SetMonitoringPlan, cardiologist(pathway), plan);
        runJobs(pathway);
    }

    private void toTitration(UUID pathway, String kit) {
        include(pathway);
        setPlan(pathway);
        complete(pathway, Element.Task_InstallKit, "sven", Map.of("kitNumber", kit, "instructionGiven", true));
        complete(pathway, Element.Task_CallCitizenAfterSetup, nurse(pathway), Map.of("setupStatus", "WORKS"));
        fireTimer(pathway, Element.Event_StartupPeriodEnded);
        complete(pathway, Element.Task_ConcludeStartup, nurse(pathway), Map.of());
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
