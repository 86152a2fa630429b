package dk.carepath.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.pathway.HeartFailurePathway.Messages;
import dk.carepath.pathway.PathwayMessages;
import dk.carepath.security.Membership;
import dk.carepath.security.Role;
import dk.carepath.security.Staff;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The engine REST API (what Tasklist and Cockpit use, and any client of Camunda's) obeys need to
 * know like the Carepath API: no role reads clinical variables its tasks do not need, a task's
 * variables change only by completing it, nobody claims a task for someone else unless their role
 * may assign, and a lost race to claim a task answers 409.
 */
@CarepathTest
class EngineRestAccessTest {

    /** what the service center must never read: the referral's facts, the clinicians' reasons, a red measurement */
    static final Set<String> CLINICAL = Set.of("ejectionFraction", "titrationTargetGroup", "canUnderstandOwnValues",
            "hasSupport", "cardiologistReason", "nurseReason", "measurementSummary", "redNote", "reassessmentNote");

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;
    @Autowired
    PathwayMessages messages;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    Staff staff;

    @Test
    void shouldShowTheServiceCenterNoClinicalVariable() {
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        driver.includeByBothAssessments(pathway);
        driver.setDefaultPlan(pathway);
        String installKit = driver.task(pathway, Element.Task_InstallKit).getId();
        JsonNode taskVariables = get("testservice", "/engine-rest/task/" + installKit + "/variables");
        assertThat(names(taskVariables)).contains("citizenLabel").doesNotContainAnyElementsOf(CLINICAL);

        // a red measurement handled by the nurse after the service center's own tasks
        driver.installKitAndConfirmSetup(pathway, "KIT-" + UUID.randomUUID().toString().substring(0, 8));
        messages.send(pathway, Messages.MEASUREMENT_RED, Map.of("measurementId", "1", "measurementSummary", "Puls 118 /min"));
        driver.complete(pathway, Element.Task_ReviewRedMeasurement, "testnurse",
                Map.of("redAction", "ADVICE_GIVEN", "redNote", "Ringet op, ekstra vanddrivende"));
        String instance = driver.instance(pathway).getId();

        // the history of the process's variables is closed to those who work its tasks
        for (String history : List.of("/engine-rest/history/variable-instance?processInstanceId=" + instance,
                "/engine-rest/history/detail?processInstanceId=" + instance, "/engine-rest/history/variable-instance/count",
                "/camunda/api/engine/engine/default/history/variable-instance?processInstanceId=" + instance)) {
            ResponseEntity<String> refused = http.withBasicAuth("testservice", "secret").getForEntity(history, String.class);
            assertThat(refused.getStatusCode()).as(history).isIn(HttpStatus.FORBIDDEN, HttpStatus.UNAUTHORIZED);
            assertThat(refused.getBody()).doesNotContain("Puls 118");
        }
        // its own task's history stays open (Tasklist shows and takes a task's comments through it)
        assertThat(get("testservice", "/engine-rest/history/task?taskId=" + installKit).findValuesAsText("id")).containsExactly(installKit);
        JsonNode runtime = get("testservice", "/engine-rest/variable-instance?processInstanceIdIn=" + instance);
        assertThat(names(runtime)).doesNotContainAnyElementsOf(CLINICAL);
        // the clinicians read what was done in the pathway's journal, through the Carepath API
        assertThat(get("testnurse", "/api/pathways/" + pathway + "/journal").toString()).contains("Ringet op, ekstra vanddrivende");
    }

    @Test
    void shouldChangeATasksVariablesOnlyByCompletingIt() {
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        String task = driver.task(pathway, Element.Task_NursingAssessment).getId();
        String instance = driver.instance(pathway).getId();

        assertThat(exchange("testnurse", HttpMethod.PUT, "/engine-rest/task/" + task + "/variables/pathwayId",
                Map.of("value", UUID.randomUUID().toString(), "type", "String")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange("testnurse", HttpMethod.POST, "/engine-rest/task/" + task + "/variables",
                Map.of("modifications", Map.of("eligibility", Map.of("value", "ELIGIBLE")))).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange("testnurse", HttpMethod.PUT, "/engine-rest/task/" + task + "/localVariables/nurseDecision",
                Map.of("value", "INCLUDE", "type", "String")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange("testnurse", HttpMethod.PUT, "/engine-rest/process-instance/" + instance + "/variables/pathwayId",
                Map.of("value", UUID.randomUUID().toString(), "type", "String")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.getVariable(task, "pathwayId")).isEqualTo(pathway.toString());

        // completing is the way, and the form's rules apply
        ResponseEntity<String> completed = exchange("testnurse", HttpMethod.POST, "/engine-rest/task/" + task + "/submit-form",
                Map.of("variables", Map.of("nurseDecision", Map.of("value", "INCLUDE"), "nurseReason", Map.of("value", "Motiveret"))));
        assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void shouldLetNobodyClaimATaskForSomeoneElseUnlessTheirRoleMayAssign() {
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        String task = driver.task(pathway, Element.Task_NursingAssessment).getId();

        ResponseEntity<String> forColleague = claim("testnurse", task, "testcolleague");
        assertThat(forColleague.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forColleague.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(claim("testnurse", task, "nobody-" + UUID.randomUUID().toString().substring(0, 8)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // an administrator may assign, but only to a user of the task's team
        ResponseEntity<String> unknown = claim("testadmin", task, "nobody" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknown.getBody()).contains("Der findes ingen bruger");
        assertThat(claim("testadmin", task, "testmunicipalnurse").getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();

        assertThat(claim("testadmin", task, "testcolleague").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("testcolleague");
        // a user of another team cannot take it for herself either
        assertThat(claim("testmunicipalnurse", task, "testmunicipalnurse").getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldAnswer409ToEveryClaimThatLostTheRace() throws Exception {
        List<String> nurses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String id = "racenurse" + i;
            if (identity.createUserQuery().userId(id).count() == 0) {
                var user = identity.newUser(id);
                user.setPassword("secret");
                identity.saveUser(user);
            }
            staff.enrol(id, new Membership(PathwayDriver.CLINIC, Role.HF_NURSE), "Testhjerteklinikken");
            nurses.add(id);
        }
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        String task = driver.task(pathway, Element.Task_NursingAssessment).getId();

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> claims = new ArrayList<>();
        for (String nurse : nurses) {
            claims.add(pool.submit(() -> {
                start.await();
                return claim(nurse, task, nurse);
            }));
        }
        start.countDown();
        List<ResponseEntity<String>> answers = new ArrayList<>();
        for (Future<ResponseEntity<String>> claim : claims) {
            answers.add(claim.get());
        }
        pool.shutdown();

        assertThat(answers.stream().filter(a -> a.getStatusCode() == HttpStatus.NO_CONTENT)).hasSize(1);
        List<ResponseEntity<String>> lost = answers.stream().filter(a -> a.getStatusCode() != HttpStatus.NO_CONTENT).toList();
        assertThat(lost).hasSize(49).allSatisfy(a -> {
            assertThat(a.getStatusCode()).as(a.getBody()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(a.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        });
        String winner = tasks.createTaskQuery().taskId(task).singleResult().getAssignee();
        assertThat(nurses).contains(winner);
        assertThat(lost).allSatisfy(a -> assertThat(a.getBody()).containsAnyOf("Opgaven er allerede taget", "En anden har netop ændret"));
    }

    @Test
    void shouldAnswer409ToEveryCompletionThatLostTheRace() throws Exception {
        List<String> nurses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "racenurse" + i;
            if (identity.createUserQuery().userId(id).count() == 0) {
                var user = identity.newUser(id);
                user.setPassword("secret");
                identity.saveUser(user);
            }
            staff.enrol(id, new Membership(PathwayDriver.CLINIC, Role.HF_NURSE), "Testhjerteklinikken");
            nurses.add(id);
        }
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        String task = driver.task(pathway, Element.Task_NursingAssessment).getId();
        Map<String, Object> form = Map.of("variables", Map.of("nurseDecision", Map.of("value", "INCLUDE"), "nurseReason", Map.of("value", "Motiveret")));

        ExecutorService pool = Executors.newFixedThreadPool(nurses.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> completions = new ArrayList<>();
        for (String nurse : nurses) {
            completions.add(pool.submit(() -> {
                start.await();
                return exchange(nurse, HttpMethod.POST, "/engine-rest/task/" + task + "/complete", form);
            }));
        }
        start.countDown();
        List<ResponseEntity<String>> answers = new ArrayList<>();
        for (Future<ResponseEntity<String>> completion : completions) {
            answers.add(completion.get());
        }
        pool.shutdown();

        assertThat(answers.stream().filter(a -> a.getStatusCode() == HttpStatus.NO_CONTENT)).hasSize(1);
        assertThat(answers.stream().filter(a -> a.getStatusCode() != HttpStatus.NO_CONTENT)).hasSize(nurses.size() - 1).allSatisfy(a -> {
            assertThat(a.getStatusCode()).as(a.getBody()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(a.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(a.getBody()).containsAnyOf("Opgaven er allerede afsluttet", "En anden har netop ændret");
        });
        assertThat(tasks.createTaskQuery().taskId(task).count()).isZero();
    }

    @Test
    void shouldAnswer404ToAnActionOnATaskThatDoesNotExist() {
        String unknown = UUID.randomUUID().toString();
        for (ResponseEntity<String> answer : List.of(claim("testnurse", unknown, "testnurse"),
                exchange("testnurse", HttpMethod.POST, "/engine-rest/task/" + unknown + "/complete", Map.of()),
                exchange("testnurse", HttpMethod.POST, "/engine-rest/task/" + unknown + "/submit-form", Map.of("variables", Map.of())))) {
            assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        }
    }

    @Test
    void shouldJoinARedMessageCorrelatedThroughEngineRestToTheOpenRedTask() {
        UUID pathway = driver.inTitration();
        for (String id : List.of("931", "932")) {
            ResponseEntity<String> sent = exchange("testadmin", HttpMethod.POST, "/engine-rest/message", Map.of(
                    "messageName", Messages.MEASUREMENT_RED, "businessKey", pathway.toString(),
                    "processVariables", Map.of("measurementId", Map.of("value", id, "type", "String"),
                            "measurementSummary", Map.of("value", "Puls 1" + id.substring(1), "type", "String"))));
            assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        }

        List<org.camunda.bpm.engine.task.Task> open = driver.openTasks(pathway, Element.Task_ReviewRedMeasurement);
        assertThat(open).as("the model keeps one open red task, whoever sends the message").hasSize(1);
        assertThat(tasks.getVariable(open.get(0).getId(), "coveredMeasurements")).isEqualTo("931,932");
    }

    @Test
    void shouldAnswer409ToARedMessageThatCameAtTheSameInstantAndJoinItWhenSentAgain() throws Exception {
        UUID pathway = driver.inTitration();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<HttpStatus>>> senders = new ArrayList<>();
        for (String id : List.of("941", "942")) {
            senders.add(pool.submit(() -> {
                start.await();
                List<HttpStatus> answers = new ArrayList<>();
                for (int attempt = 0; attempt < 5 && !answers.contains(HttpStatus.NO_CONTENT); attempt++) {
                    ResponseEntity<String> sent = exchange("testadmin", HttpMethod.POST, "/engine-rest/message", Map.of(
                            "messageName", Messages.MEASUREMENT_RED, "businessKey", pathway.toString(),
                            "processVariablesLocal", Map.of("measurementId", Map.of("value", id, "type", "String"),
                                    "measurementSummary", Map.of("value", "Puls 1" + id.substring(1), "type", "String"))));
                    answers.add((HttpStatus) sent.getStatusCode());
                }
                return answers;
            }));
        }
        start.countDown();
        for (Future<List<HttpStatus>> sender : senders) {
            List<HttpStatus> answers = sender.get();
            // whether the two met at the same instant is up to the scheduler: either way each is delivered in the end
            assertThat(answers).as("delivered, or refused as a lost race and sent again").isSubsetOf(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT)
                    .endsWith(HttpStatus.NO_CONTENT);
        }
        pool.shutdown();

        List<org.camunda.bpm.engine.task.Task> open = driver.openTasks(pathway, Element.Task_ReviewRedMeasurement);
        assertThat(open).hasSize(1);
        assertThat(tasks.getVariable(open.get(0).getId(), "coveredMeasurements").toString().split(",")).containsExactlyInAnyOrder("941", "942");
    }

    private ResponseEntity<String> claim(String user, String task, String assignee) {
        return exchange(user, HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", assignee));
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(user, "secret").getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as("GET %s as %s: %s", path, user, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<String> exchange(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "secret").exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private static List<String> names(JsonNode variables) {
        if (variables.isArray()) {
            return StreamSupport.stream(variables.spliterator(), false).map(v -> v.path("name").asText()).toList();
        }
        List<String> names = new ArrayList<>();
        variables.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
