package dk.carepath.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The actors' HTTP calls, with their own logins (password "secret"): the Carepath API, and tasks
 * found, claimed and completed through Camunda's REST API as Tasklist does.
 */
public final class ActorHttp {

    private final TestRestTemplate http;
    private final ObjectMapper json;

    public ActorHttp(TestRestTemplate http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    public ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return http.withBasicAuth(user, "secret").exchange(path, HttpMethod.POST, entity(body), JsonNode.class);
    }

    public ResponseEntity<JsonNode> get(String user, String path) {
        return http.withBasicAuth(user, "secret").getForEntity(path, JsonNode.class);
    }

    /** GET that must answer 200. */
    public JsonNode read(String user, String path) {
        ResponseEntity<JsonNode> response = get(user, path);
        assertThat(response.getStatusCode()).as("GET %s as %s: %s", path, user, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** As the user finds it among the tasks she may see, by business key; claimed for her. */
    public String findAndClaimTask(String user, Object businessKey, String taskKey) {
        JsonNode tasks = read(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=" + taskKey);
        assertThat(tasks).as("%s sees %s", user, taskKey).hasSize(1);
        String taskId = tasks.get(0).get("id").asText();
        ResponseEntity<String> claim = http.withBasicAuth(user, "secret")
                .postForEntity("/engine-rest/task/" + taskId + "/claim", entity(Map.of("userId", user)), String.class);
        assertThat(claim.getStatusCode()).as(claim.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        return taskId;
    }

    /** The variables the task's form shows the user. */
    public JsonNode formVariables(String user, String taskId) {
        return read(user, "/engine-rest/task/" + taskId + "/form-variables");
    }

    /** Submits the task's form as Tasklist does. */
    public void submitForm(String user, String taskId, Map<String, ?> form) {
        Map<String, Object> variables = new LinkedHashMap<>();
        form.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        ResponseEntity<String> response = http.withBasicAuth(user, "secret")
                .postForEntity("/engine-rest/task/" + taskId + "/submit-form", entity(Map.of("variables", variables)), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    public HttpEntity<String> entity(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        try {
            return new HttpEntity<>(body instanceof String s ? s : json.writeValueAsString(body), headers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
