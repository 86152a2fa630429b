package dk.carepath.support;

import dk.carepath.pathway.ClinicalFacts;
import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.pathway.PathwayView;
import dk.carepath.pathway.ReferralRequest;
import dk.carepath.pathway.ReferralSource;
import dk.carepath.pathway.Referrals;
import dk.carepath.region.OrganisationKind;
import dk.carepath.region.Organisations;
import dk.carepath.security.Membership;
import dk.carepath.security.Role;
import dk.carepath.security.Staff;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.context.TestComponent;

/**
 * Drives pathways the way the actors do: refers through the referral service, completes tasks as
 * a user of the right group (so Camunda's authorizations apply), fires timers and runs the async
 * continuations (rules, letters) that the disabled job executor would run.
 */
@TestComponent
public class PathwayDriver {

    public static final String REGION = "test-region";
    public static final String CLINIC = "test-clinic";
    public static final String OTHER_CLINIC = "test-other-clinic";
    public static final String MUNICIPALITY = "test-municipality";
    public static final String OTHER_MUNICIPALITY = "test-other-municipality";
    public static final String GP = "test-gp";
    public static final String OTHER_GP = "test-other-gp";
    /** another region, with its own service center and process owner */
    public static final String OTHER_REGION = "test-other-region";
    public static final String OTHER_SERVICE_CENTER = "test-other-service-center";
    public static final String SERVICE_CENTER = "test-service-center";
    public static final String SERVICE_CENTER_MAIL = "servicecenter@test.example.dk";
    /** the organisation × role groups tasks go to */
    public static final String CLINIC_NURSES = CLINIC + ".hf-nurse";
    public static final String CLINIC_CARDIOLOGISTS = CLINIC + ".cardiologist";
    public static final String MUNICIPAL_NURSES = MUNICIPALITY + ".municipal-nurse";
    public static final String SERVICE_CENTER_STAFF = SERVICE_CENTER + ".service-center";
    public static final String CLINIC_MAIL = "hjerteklinik@test.example.dk";
    public static final String MUNICIPALITY_MAIL = "kommune@test.example.dk";
    public static final String GP_MAIL = "laege@test.example.dk";

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 5000));

    private final Referrals referrals;
    private final Organisations organisations;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final dk.carepath.pathway.Pathways pathways;
    private final Staff staff;

    PathwayDriver(Referrals referrals, Organisations organisations, RuntimeService runtime, TaskService tasks,
                  ManagementService management, IdentityService identity, dk.carepath.pathway.Pathways pathways, Staff staff) {
        this.referrals = referrals;
        this.organisations = organisations;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
        this.pathways = pathways;
        this.staff = staff;
    }

    /**
     * Once per test context: the organisations and test users every test may act as (testadmin is a
     * Camunda administrator). The measurement platform is not a user but an API client (TestApiClients).
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void ensureOrganisations() {
        // the test organisations of region TEST are its pack's (src/test/resources/regions/test/region.yaml)
        organisations.save(OTHER_REGION, OrganisationKind.REGION, "Den anden testregion", "TEST-NORD", "nord@test.example.dk");
        organisations.save(OTHER_SERVICE_CENTER, OrganisationKind.SERVICE_CENTER, "Det andet testservicecenter", "TEST-NORD",
                "servicecenter-nord@test.example.dk");
        for (TestUser user : USERS) {
            if (identity.createUserQuery().userId(user.id()).count() == 0) {
                var u = identity.newUser(user.id());
                u.setFirstName(user.id());
                u.setLastName("Test");
                u.setPassword("secret");
                identity.saveUser(u);
            }
            staff.enrol(user.id(), new Membership(user.organisation(), user.role()),
                    organisations.find(user.organisation()).orElseThrow().name());
        }
    }

    /** a test user: its role in its organisation */
    public record TestUser(String id, String organisation, Role role) {
    }

    /** Every role in the test organisations, and colleagues and neighbours for the scoping tests. Password "secret". */
    public static final List<TestUser> USERS = List.of(
            new TestUser("testnurse", CLINIC, Role.HF_NURSE),
            new TestUser("testcolleague", CLINIC, Role.HF_NURSE),
            new TestUser("testcardiologist", CLINIC, Role.CARDIOLOGIST),
            new TestUser("testclinicmanager", CLINIC, Role.MANAGER),
            new TestUser("testothernurse", OTHER_CLINIC, Role.HF_NURSE),
            new TestUser("testothercardiologist", OTHER_CLINIC, Role.CARDIOLOGIST),
            new TestUser("testmunicipalnurse", MUNICIPALITY, Role.MUNICIPAL_NURSE),
            new TestUser("testfrontdesk", MUNICIPALITY, Role.MUNICIPAL_FRONTDESK),
            new TestUser("testmunicipalmanager", MUNICIPALITY, Role.MANAGER),
            new TestUser("testneighbournurse", OTHER_MUNICIPALITY, Role.MUNICIPAL_NURSE),
            new TestUser("testneighbourfrontdesk", OTHER_MUNICIPALITY, Role.MUNICIPAL_FRONTDESK),
            new TestUser("testneighbourmanager", OTHER_MUNICIPALITY, Role.MANAGER),
            new TestUser("testgp", GP, Role.GP),
            new TestUser("testintruder", GP, Role.GP),
            new TestUser("testothergp", OTHER_GP, Role.GP),
            new TestUser("testotherservice", OTHER_SERVICE_CENTER, Role.SERVICE_CENTER),
            new TestUser("testotherowner", OTHER_REGION, Role.PROCESS_OWNER),
            new TestUser("testservice", SERVICE_CENTER, Role.SERVICE_CENTER),
            new TestUser("testmanager", REGION, Role.MANAGER),
            new TestUser("testowner", REGION, Role.PROCESS_OWNER));

    /** A valid CPR number no other test uses: born 1930-1959, 7th digit 0-3. */
    public static String newCpr() {
        int n = SERIAL.incrementAndGet();
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(n % 10950);
        return String.format("%02d%02d%02d%04d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100,
                (n / 10950 * 997 + n) % 4000);
    }

    public static ClinicalFacts eligibleFacts() {
        return new ClinicalFacts(30, true, true, true, true, true, true, true, true, true, true);
    }

    public static ClinicalFacts factsWithEjectionFraction(Integer ef) {
        return new ClinicalFacts(ef, true, true, true, true, true, true, true, true, true, true);
    }

    public static ReferralRequest referral(String cpr, ClinicalFacts facts) {
        return referral(cpr, facts, CLINIC, MUNICIPALITY);
    }

    /** A referral by the clinic to itself of a citizen of that municipality. */
    public static ReferralRequest referral(String cpr, ClinicalFacts facts, String clinic, String municipality) {
        return new ReferralRequest(new ReferralRequest.CitizenDetails(cpr, "Test Borger " + cpr.substring(6), "+4512345678",
                citizenMail(cpr), "Testvej " + cpr.substring(6) + ", 8000 Aarhus C", municipality, GP),
                ReferralSource.HF_CLINIC, clinic, clinic, "Dr. Test", facts, null);
    }

    /** Refers as given and runs the inclusion rules. */
    public UUID refer(ReferralRequest referral) {
        PathwayView pathway = referrals.refer(referral);
        runJobs(pathway.id());
        return pathway.id();
    }

    /** Refers a new citizen of that municipality to that clinic and runs the inclusion rules. */
    public UUID refer(ClinicalFacts facts, String clinic, String municipality) {
        PathwayView pathway = referrals.refer(referral(newCpr(), facts, clinic, municipality));
        runJobs(pathway.id());
        return pathway.id();
    }

    /** Every test citizen has a mail address of its own, so tests find the citizen's mails. */
    public static String citizenMail(String cpr) {
        return "borger-" + cpr + "@test.example.dk";
    }

    /** Refers a new citizen and runs the inclusion rules. */
    public UUID refer(ClinicalFacts facts) {
        PathwayView pathway = referrals.refer(referral(newCpr(), facts));
        runJobs(pathway.id());
        return pathway.id();
    }

    public dk.carepath.pathway.PathwayView pathway(UUID pathway) {
        return pathways.require(pathway);
    }

    public ProcessInstance instance(UUID pathway) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(pathway.toString()).singleResult();
    }

    public List<Task> openTasks(UUID pathway, Element task) {
        return tasks.createTaskQuery().processInstanceBusinessKey(pathway.toString()).taskDefinitionKey(task.id()).list();
    }

    public Task task(UUID pathway, Element task) {
        List<Task> open = openTasks(pathway, task);
        if (open.size() != 1) {
            throw new AssertionError("expected one open " + task + ", found " + open.size());
        }
        return open.get(0);
    }

    /** Completes the one open task of that kind as the user, with the form values given. */
    public void complete(UUID pathway, Element task, String user, Map<String, ?> form) {
        complete(task(pathway, task), user, form);
        runJobs(pathway);
    }

    public void complete(Task task, String user, Map<String, ?> form) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(task.getId(), new HashMap<>(form));
        } finally {
            identity.clearAuthentication();
        }
    }

    public void fireTimer(UUID pathway, Element timer) {
        Job job = management.createJobQuery().processInstanceId(instance(pathway).getId()).activityId(timer.id()).singleResult();
        if (job == null) {
            throw new AssertionError("no timer " + timer + " waiting");
        }
        management.executeJob(job.getId());
        runJobs(pathway);
    }

    public boolean timerWaiting(UUID pathway, Element timer) {
        ProcessInstance instance = instance(pathway);
        return instance != null && management.createJobQuery().processInstanceId(instance.getId()).activityId(timer.id()).count() == 1;
    }

    /** Runs the async continuations of a pathway (rules, letters) as the job executor would. */
    public void runJobs(UUID pathway) {
        ProcessInstance instance = instance(pathway);
        if (instance == null) {
            return;
        }
        List<Job> jobs;
        int rounds = 0;
        while (!(jobs = management.createJobQuery().processInstanceId(instance.getId()).messages().executable().list()).isEmpty()) {
            if (++rounds > 50) {
                throw new AssertionError("jobs keep coming: " + jobs);
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    // ------------------------------------------------------------------ common stretches of the pathway

    public void includeByBothAssessments(UUID pathway) {
        complete(pathway, Element.Task_CardiologicalAssessment, "testcardiologist",
                Map.of("cardiologistDecision", "INCLUDE", "cardiologistReason", "EF 30 %, i titrering"));
        complete(pathway, Element.Task_NursingAssessment, "testnurse",
                Map.of("nurseDecision", "INCLUDE", "nurseReason", "Motiveret"));
    }

    /** The default plan of the form, with a reference weight. */
    public void setDefaultPlan(UUID pathway) {
        complete(pathway, Element.Task_SetMonitoringPlan, "testcardiologist", Map.of("referenceWeightKg", 80.0));
    }

    public void installKitAndConfirmSetup(UUID pathway, String kitNumber) {
        complete(pathway, Element.Task_InstallKit, "testservice", Map.of("kitNumber", kitNumber, "instructionGiven", true));
        complete(pathway, Element.Task_CallCitizenAfterSetup, "testnurse", Map.of("setupStatus", "WORKS"));
    }

    /** From referral to titration: included, plan set, kit installed, start-up concluded. */
    public UUID inTitration() {
        return inTitration(CLINIC);
    }

    /** The same at one of the two test clinics (its cardiologist and nurse do the clinic's work). */
    public UUID inTitration(String clinic) {
        String cardiologist = clinic.equals(CLINIC) ? "testcardiologist" : "testothercardiologist";
        String nurse = clinic.equals(CLINIC) ? "testnurse" : "testothernurse";
        UUID pathway = refer(eligibleFacts(), clinic, MUNICIPALITY);
        complete(pathway, Element.Task_CardiologicalAssessment, cardiologist,
                Map.of("cardiologistDecision", "INCLUDE", "cardiologistReason", "EF 30 %, i titrering"));
        complete(pathway, Element.Task_NursingAssessment, nurse, Map.of("nurseDecision", "INCLUDE", "nurseReason", "Motiveret"));
        complete(pathway, Element.Task_SetMonitoringPlan, cardiologist, Map.of("referenceWeightKg", 80.0));
        complete(pathway, Element.Task_InstallKit, "testservice",
                Map.of("kitNumber", "KIT-" + UUID.randomUUID().toString().substring(0, 8), "instructionGiven", true));
        complete(pathway, Element.Task_CallCitizenAfterSetup, nurse, Map.of("setupStatus", "WORKS"));
        fireTimer(pathway, Element.Event_StartupPeriodEnded);
        complete(pathway, Element.Task_ConcludeStartup, nurse, Map.of());
        return pathway;
    }

    /** The business key (pathway id) of a process instance. */
    public String businessKey(String processInstanceId) {
        var instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    public void reassess(UUID pathway, String outcome, String treatment, String monitoring, Map<String, ?> more) {
        fireTimer(pathway, Element.Event_ReassessmentDue);
        Map<String, Object> form = new HashMap<>(more);
        form.put("reassessmentOutcome", outcome);
        form.put("treatmentResponsible", treatment);
        form.put("monitoringResponsible", monitoring);
        form.put("reassessmentNote", "Revurderet med borgeren");
        complete(pathway, Element.Task_Reassess, "testcardiologist", form);
    }
}
