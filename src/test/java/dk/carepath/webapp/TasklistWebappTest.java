package dk.carepath.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The real Tasklist webapp as a nurse's browser talks to it: a session login, Camunda's CSRF
 * token, the webapp's own engine API. A refused form answers 400 with only the Danish reason.
 */
@CarepathTest
class TasklistWebappTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;
    @Autowired
    dk.carepath.security.Staff staff;
    @Autowired
    org.camunda.bpm.engine.TaskService tasks;

    /** A browser session: cookies and the CSRF token Camunda's webapps demand. */
    class Browser {
        final List<String> cookies = new ArrayList<>();
        String csrf;
        String user;

        ResponseEntity<String> exchange(HttpMethod method, String path, Object body, MediaType type) {
            HttpHeaders headers = new HttpHeaders();
            if (!cookies.isEmpty()) {
                headers.add(HttpHeaders.COOKIE, String.join("; ", cookies));
            }
            if (csrf != null) {
                headers.add("X-XSRF-TOKEN", csrf);
            }
            if (type != null) {
                headers.setContentType(type);
            }
            ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
            List<String> set = response.getHeaders().get(HttpHeaders.SET_COOKIE);
            if (set != null) {
                for (String cookie : set) {
                    String pair = cookie.split(";", 2)[0];
                    String name = pair.split("=", 2)[0];
                    cookies.removeIf(c -> c.startsWith(name + "="));
                    cookies.add(pair);
                    if (name.equals("XSRF-TOKEN")) {
                        csrf = pair.split("=", 2)[1];
                    }
                }
            }
            String token = response.getHeaders().getFirst("X-XSRF-TOKEN");
            if (token != null) {
                csrf = token;
            }
            return response;
        }

        void login(String user) {
            exchange(HttpMethod.GET, "/camunda/app/tasklist/", null, null);
            LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("username", user);
            form.add("password", "secret");
            ResponseEntity<String> login = exchange(HttpMethod.POST, "/camunda/api/admin/auth/user/default/login/tasklist", form,
                    MediaType.APPLICATION_FORM_URLENCODED);
            assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
            // the browser then loads the app, which hands out the session's CSRF token
            exchange(HttpMethod.GET, "/camunda/api/engine/engine/", null, null);
        }
    }

    @Test
    void shouldLetTasklistsScriptReadTheNursesPhrasesAsHerButChangeNothing() {
        String text = "Tasklist-frase " + java.util.UUID.randomUUID();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth("testnurse", "secret").postForEntity("/api/phrases", new HttpEntity<>(java.util.Map.of(
                "organisationId", PathwayDriver.CLINIC, "title", "Tasklist", "text", text), json), String.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        Browser nurse = new Browser();
        nurse.login("testnurse");
        ResponseEntity<String> read = nurse.exchange(HttpMethod.GET, "/api/phrases", null, null);
        assertThat(read.getStatusCode()).as(read.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).contains(text);
        // a change needs the API's own login: the Tasklist session (and its CSRF token) is not enough
        ResponseEntity<String> write = nurse.exchange(HttpMethod.POST, "/api/phrases", java.util.Map.of(
                "organisationId", PathwayDriver.CLINIC, "title", "Fremmed", "text", "Fra en anden side"), MediaType.APPLICATION_JSON);
        assertThat(write.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(new Browser().exchange(HttpMethod.GET, "/api/phrases", null, null).getStatusCode())
                .as("no Tasklist login").isEqualTo(HttpStatus.UNAUTHORIZED);
        Browser gp = new Browser();
        gp.login("testgp");
        assertThat(gp.exchange(HttpMethod.GET, "/api/phrases", null, null).getStatusCode()).as("a GP's role").isEqualTo(HttpStatus.FORBIDDEN);
        Browser other = new Browser();
        other.login("testothernurse");
        assertThat(other.exchange(HttpMethod.GET, "/api/phrases", null, null).getBody()).as("another clinic").doesNotContain(text);
    }

    @Test
    void shouldServeTasklistInDanishWithoutTheEndOfLifeBanner() {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForObject("/camunda/app/tasklist/locales/da.json", String.class)).contains("\"TASKS\": \"Opgaver\"");
        assertThat(http.getForObject("/camunda/app/tasklist/styles/user-styles.css", String.class)).contains(".ce-eol-banner");
    }

    @Test
    void shouldRefuseTheWebappApiWithoutLogin() {
        ResponseEntity<String> tasks = http.getForEntity("/camunda/api/engine/engine/default/task", String.class);
        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldShowOnlyTheDanishReasonWhenTasklistSubmitsAnInvalidForm() throws Exception {
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        driver.includeByBothAssessments(pathway);
        String taskId = driver.task(pathway, Element.Task_SetMonitoringPlan).getId();

        Browser browser = new Browser();
        browser.login("testcardiologist");
        ResponseEntity<String> list = browser.exchange(HttpMethod.GET,
                "/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + pathway, null, null);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody()).contains(taskId);
        ResponseEntity<String> label = browser.exchange(HttpMethod.GET,
                "/camunda/api/engine/engine/default/task/" + taskId + "/localVariables/citizenLabel", null, null);
        assertThat(label.getStatusCode()).as("the task list shows whose task it is").isEqualTo(HttpStatus.OK);
        assertThat(label.getBody()).contains("Test Borger");

        ResponseEntity<String> refused = browser.exchange(HttpMethod.POST,
                "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
                "{\"variables\": {\"pulseRedHigh\": {\"value\": 80}}}", MediaType.APPLICATION_JSON);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(refused.getBody());
        assertThat(body.get("message").asText())
                .startsWith("Opgaven kan ikke afsluttes: Referencevægt skal udfyldes")
                .contains("Puls: grænserne skal stige")
                .doesNotContain("ENGINE-", "TaskListener", taskId);
        assertThat(driver.task(pathway, Element.Task_SetMonitoringPlan).getId()).isEqualTo(taskId);
    }

    @Test
    void shouldRecordInTheAccessLogThatTheNurseOpenedTheCitizensTaskInTasklist() {
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        UUID citizen = driver.pathway(pathway).citizenId();
        String taskId = driver.task(pathway, Element.Task_NursingAssessment).getId();
        Browser browser = new Browser();
        browser.login("testnurse");

        ResponseEntity<String> form = browser.exchange(HttpMethod.GET,
                "/camunda/api/engine/engine/default/task/" + taskId + "/form-variables", null, null);

        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode audit = http.withBasicAuth("testmanager", "secret").getForObject("/api/audit?citizenId=" + citizen, JsonNode.class);
        assertThat(audit.findValues("detail").stream().map(JsonNode::asText))
                .contains("GET /task/" + taskId + "/form-variables (Camunda webapp)");
        JsonNode read = java.util.stream.StreamSupport.stream(audit.spliterator(), false)
                .filter(e -> e.path("detail").asText().contains(taskId + "/form-variables")).findFirst().orElseThrow();
        assertThat(read.path("actor").asText()).isEqualTo("testnurse");
        assertThat(read.path("action").asText()).isEqualTo("READ");
        assertThat(read.path("pathwayId").asText()).isEqualTo(pathway.toString());
    }

    @Test
    void shouldLetCandidatesCommentOnTheirTask() {
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        String taskId = driver.task(pathway, Element.Task_NursingAssessment).getId();
        Browser browser = new Browser();
        browser.login("testnurse");

        ResponseEntity<String> comment = browser.exchange(HttpMethod.POST,
                "/camunda/api/engine/engine/default/task/" + taskId + "/comment/create",
                "{\"message\": \"Ringet til datteren\"}", MediaType.APPLICATION_JSON);

        assertThat(comment.getStatusCode()).as(comment.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(browser.exchange(HttpMethod.GET, "/camunda/api/engine/engine/default/task/" + taskId + "/comment", null, null)
                .getBody()).contains("Ringet til datteren");
    }

    @Test
    void shouldAnswer409ToEveryWebappClaimThatLostTheRace() throws Exception {
        List<Browser> browsers = racingNurses(12);
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        String task = driver.task(pathway, Element.Task_NursingAssessment).getId();

        List<ResponseEntity<String>> answers = race(browsers, (browser, nurse) -> browser.exchange(HttpMethod.POST,
                "/camunda/api/engine/engine/default/task/" + task + "/claim", "{\"userId\": \"" + nurse + "\"}", MediaType.APPLICATION_JSON));

        assertOneWonAndTheOthersGot409(answers);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).startsWith("webracenurse");
    }

    @Test
    void shouldAnswer409ToEveryWebappCompletionThatLostTheRace() throws Exception {
        List<Browser> browsers = racingNurses(12);
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        String task = driver.task(pathway, Element.Task_NursingAssessment).getId();

        List<ResponseEntity<String>> answers = race(browsers, (browser, nurse) -> browser.exchange(HttpMethod.POST,
                "/camunda/api/engine/engine/default/task/" + task + "/complete", "{\"variables\": {\"nurseDecision\": {\"value\": \"INCLUDE\"}, "
                        + "\"nurseReason\": {\"value\": \"Motiveret\"}}}", MediaType.APPLICATION_JSON));

        assertOneWonAndTheOthersGot409(answers);
        assertThat(tasks.createTaskQuery().taskId(task).count()).isZero();
    }

    /** Nurses of the test clinic, each logged into Tasklist in a browser of her own. */
    private List<Browser> racingNurses(int count) {
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "webracenurse" + i;
            if (identity.createUserQuery().userId(id).count() == 0) {
                var user = identity.newUser(id);
                user.setPassword("secret");
                identity.saveUser(user);
            }
            staff.enrol(id, new dk.carepath.security.Membership(PathwayDriver.CLINIC, dk.carepath.security.Role.HF_NURSE), "Testhjerteklinikken");
            Browser browser = new Browser();
            browser.login(id);
            browser.user = id;
            browsers.add(browser);
        }
        return browsers;
    }

    private static List<ResponseEntity<String>> race(List<Browser> browsers,
                                                     java.util.function.BiFunction<Browser, String, ResponseEntity<String>> action) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(browsers.size());
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<ResponseEntity<String>>> futures = new ArrayList<>();
        for (Browser browser : browsers) {
            futures.add(pool.submit(() -> {
                start.await();
                return action.apply(browser, browser.user);
            }));
        }
        start.countDown();
        List<ResponseEntity<String>> answers = new ArrayList<>();
        for (var future : futures) {
            answers.add(future.get());
        }
        pool.shutdown();
        return answers;
    }

    private static void assertOneWonAndTheOthersGot409(List<ResponseEntity<String>> answers) {
        assertThat(answers.stream().filter(a -> a.getStatusCode() == HttpStatus.NO_CONTENT)).as(answers.toString()).hasSize(1);
        List<ResponseEntity<String>> lost = answers.stream().filter(a -> a.getStatusCode() != HttpStatus.NO_CONTENT).toList();
        assertThat(lost).hasSize(answers.size() - 1).allSatisfy(a -> {
            assertThat(a.getStatusCode()).as(a.getBody()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(a.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(a.getBody()).containsAnyOf("Opgaven er allerede", "En anden har netop ændret");
        });
    }
}
