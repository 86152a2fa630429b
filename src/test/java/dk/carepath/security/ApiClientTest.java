package dk.carepath.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * API clients over HTTP: an administrator issues, rotates and revokes a platform's token; the platform
 * sends with it (Bearer or Basic); wrong tokens never lock it out; people still log in with their
 * Camunda passwords; the token is shown once and never again, nor logged.
 */
@CarepathTest
@ExtendWith(OutputCaptureExtension.class)
class ApiClientTest {

    static final String ADMIN = "testadmin";

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    ApiClientStore store;

    private static UUID citizen;

    /** One citizen in titration for all tests of the class: what is tested is the login, not the intake. */
    UUID citizen() {
        if (citizen == null) {
            citizen = driver.pathway(driver.inTitration()).citizenId();
        }
        return citizen;
    }

    static String newId() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Camunda's user ids have no hyphens. */
    static String newUserId() {
        return "it" + UUID.randomUUID().toString().substring(0, 8);
    }

    static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    static HttpHeaders bearer(String token) {
        HttpHeaders headers = json();
        headers.setBearerAuth(token);
        return headers;
    }

    static HttpHeaders basic(String user, String password) {
        HttpHeaders headers = json();
        headers.setBasicAuth(user, password);
        return headers;
    }

    ResponseEntity<JsonNode> admin(HttpMethod method, String path, Object body) {
        return http.exchange(path, method, new HttpEntity<>(body, basic(ADMIN, "secret")), JsonNode.class);
    }

    /** A new client as the administrator creates it; its token. */
    String create(String id) {
        ResponseEntity<JsonNode> created = admin(HttpMethod.POST, "/api/clients", Map.of("id", id, "name", "Testplatform " + id));
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("token").asText();
    }

    ResponseEntity<JsonNode> send(HttpHeaders login) {
        String measurement = """
                {"senderId": "%s", "citizenId": "%s", "type": "PULSE", "value": 72, "unit": "/min", "measuredAt": "%s"}
                """.formatted("api-client-" + UUID.randomUUID(), citizen(), OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5));
        return http.postForEntity("/api/measurements", new HttpEntity<>(measurement, login), JsonNode.class);
    }

    static void assertUnauthorized(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getHeaders().get("WWW-Authenticate")).contains("Basic realm=\"Carepath\"", "Bearer realm=\"Carepath\"");
    }

    static List<String> fields(ResponseEntity<JsonNode> response) {
        return response.getBody().path("errors").findValuesAsText("field");
    }

    @Autowired
    dk.carepath.audit.AuditTrail trail;
    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    /** the administrator is no member of an organisation a manager oversees: read the trail itself */
    List<JsonNode> audit(String actor) {
        return trail.byActor(actor, 200).stream().map(e -> (JsonNode) mapper.valueToTree(e)).toList();
    }

    @Test
    void shouldSendMeasurementsWithTheTokenAsBearerAndAsBasicPassword() {
        String id = newId();
        ResponseEntity<JsonNode> created = admin(HttpMethod.POST, "/api/clients", Map.of("id", id, "name", "Tabletplatform Nord"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/clients/" + id);
        assertThat(created.getBody().at("/client/role").asText()).isEqualTo("measurement-sender");
        assertThat(created.getBody().at("/client/createdBy").asText()).isEqualTo(ADMIN);
        assertThat(created.getBody().at("/client/active").asBoolean()).isTrue();
        String token = created.getBody().get("token").asText();
        assertThat(token).startsWith("cp_").hasSize(3 + 43);

        ResponseEntity<JsonNode> byBearer = send(bearer(token));
        ResponseEntity<JsonNode> byBasic = send(basic(id, token));

        assertThat(byBearer.getStatusCode()).as("%s", byBearer.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(byBasic.getStatusCode()).as("%s", byBasic.getBody()).isEqualTo(HttpStatus.CREATED);
        // the client is the sender of what it sent, as a Camunda user was
        assertThat(jdbc.queryForList("select distinct source from measurement where id in (?, ?)", String.class,
                byBearer.getBody().get("id").asLong(), byBasic.getBody().get("id").asLong())).containsExactly(id);
        // and an API client may do what its role allows, nothing else
        assertThat(http.exchange("/api/triage", HttpMethod.GET, new HttpEntity<>(bearer(token)), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldRefuseARotatedAwayTokenAtOnceAndARevokedOne() {
        String id = newId();
        String first = create(id);
        assertThat(send(bearer(first)).getStatusCode()).isEqualTo(HttpStatus.CREATED); // now remembered

        ResponseEntity<JsonNode> rotated = admin(HttpMethod.POST, "/api/clients/" + id + "/token", null);
        assertThat(rotated.getStatusCode()).isEqualTo(HttpStatus.OK);
        String second = rotated.getBody().get("token").asText();
        assertThat(second).startsWith("cp_").isNotEqualTo(first);
        assertUnauthorized(send(bearer(first)));
        assertUnauthorized(send(basic(id, first)));
        assertThat(send(bearer(second)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(send(basic(id, second)).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> revoked = admin(HttpMethod.DELETE, "/api/clients/" + id + "/token", null);
        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revoked.getBody().get("active").asBoolean()).isFalse();
        assertThat(revoked.getBody().get("revokedBy").asText()).isEqualTo(ADMIN);
        assertUnauthorized(send(bearer(second)));
        assertUnauthorized(send(basic(id, second)));
        // revoking again changes nothing
        assertThat(admin(HttpMethod.DELETE, "/api/clients/" + id + "/token", null).getBody().get("revokedAt").asText())
                .isEqualTo(revoked.getBody().get("revokedAt").asText());

        // a revoked client gets a new token by rotation
        String third = admin(HttpMethod.POST, "/api/clients/" + id + "/token", null).getBody().get("token").asText();
        assertThat(send(bearer(third)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertUnauthorized(send(bearer(second)));

        assertThat(audit(ADMIN).stream().filter(e -> e.path("resource").asText().equals("api-client"))
                .map(e -> e.path("action").asText() + " " + e.path("detail").asText()).toList())
                .contains("CREATE API client " + id + " (measurement-sender) created and its token issued",
                        "UPDATE token of API client " + id + " rotated: the previous one is dead",
                        "UPDATE token of API client " + id + " revoked")
                .filteredOn(line -> line.contains(" " + id + " ")).hasSize(4); // create, rotate, revoke, rotate: not the second revoke
    }

    @Test
    void shouldNotLockAClientOutAfterManyWrongTokens() {
        String id = newId();
        String token = create(id);
        for (int i = 0; i < 20; i++) {
            assertUnauthorized(send(basic(id, i % 2 == 0 ? "wrong-" + i : ApiTokens.newToken())));
        }
        assertUnauthorized(send(bearer("cp_wrong")));

        assertThat(send(basic(id, token)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(send(bearer(token)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void shouldNeverCheckAClientsIdAsACamundaPassword() {
        // a database from before API clients may hold a Camunda user with a client's id (the demo's tablet did)
        String id = newUserId();
        User user = identity.newUser(id);
        user.setPassword("old-password");
        identity.saveUser(user);
        String token = ApiTokens.newToken();
        store.insert(id, "Gammel platform", dk.carepath.security.Role.MEASUREMENT_SENDER.id(), ApiTokens.hash(token), "test", Instant.now());

        for (int i = 0; i < 12; i++) {
            assertUnauthorized(send(basic(id, i == 0 ? "old-password" : "wrong-" + i)));
        }

        // had any of these reached Camunda, it would now delay or lock the user's next login
        assertThat(identity.checkPassword(id, "old-password")).isTrue();
        assertThat(send(basic(id, token)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void shouldCheckPeoplesPasswordsWithCamunda() {
        String person = newUserId();
        User user = identity.newUser(person);
        user.setPassword("right");
        identity.saveUser(user);
        identity.createMembership(person, dk.carepath.support.PathwayDriver.REGION + ".manager");

        assertThat(http.withBasicAuth(person, "right").getForEntity("/api/audit?actor=testfrontdesk", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> wrong = http.withBasicAuth(person, "wrong").getForEntity("/api/audit?actor=testfrontdesk", JsonNode.class);
        assertUnauthorized(wrong);
        // the wrong password was Camunda's to count: it now delays the person's next login, as its lockout does
        assertThat(identity.checkPassword(person, "right")).isFalse();
    }

    @Test
    void shouldLetOnlyCamundaAdministratorsManageClients() {
        assertUnauthorized(http.getForEntity("/api/clients", JsonNode.class));
        assertUnauthorized(http.postForEntity("/api/clients", new HttpEntity<>("{\"id\": \"x-anonymous\", \"name\": \"x\"}", json()),
                JsonNode.class));
        for (String user : List.of("testnurse", "testmanager", "testowner")) {
            ResponseEntity<JsonNode> refused = http.withBasicAuth(user, "secret").getForEntity("/api/clients", JsonNode.class);
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        }
        String id = newId();
        ResponseEntity<JsonNode> byOwner = http.exchange("/api/clients", HttpMethod.POST,
                new HttpEntity<>(Map.of("id", id, "name", "x"), basic("testowner", "secret")), JsonNode.class);
        assertThat(byOwner.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // a client cannot issue itself a new token either
        ResponseEntity<JsonNode> bySender = http.exchange("/api/clients/testsender/token", HttpMethod.POST,
                new HttpEntity<>(basic(TestApiClients.SENDER, TestApiClients.SENDER_TOKEN)), JsonNode.class);
        assertThat(bySender.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(admin(HttpMethod.GET, "/api/clients/" + id, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(admin(HttpMethod.GET, "/api/clients", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldRefuseBadInputNamingTheField() {
        String id = newId();
        record Case(Object body, HttpStatus status, String field) {
        }
        create(id);
        for (Case c : List.of(
                new Case(Map.of("name", "Uden id"), HttpStatus.BAD_REQUEST, "id"),
                new Case(Map.of("id", "Store Bogstaver", "name", "x"), HttpStatus.BAD_REQUEST, "id"),
                new Case(Map.of("id", "-starts-with-hyphen", "name", "x"), HttpStatus.BAD_REQUEST, "id"),
                new Case(Map.of("id", "x".repeat(41), "name", "x"), HttpStatus.BAD_REQUEST, "id"),
                new Case(Map.of("id", newId(), "name", " "), HttpStatus.BAD_REQUEST, "name"),
                new Case(Map.of("id", newId(), "name", "x".repeat(201)), HttpStatus.BAD_REQUEST, "name"),
                new Case(Map.of("id", newId(), "name", "x", "role", "manager"), HttpStatus.BAD_REQUEST, "role"),
                new Case(Map.of("id", newId(), "name", "x", "role", "camunda-admin"), HttpStatus.BAD_REQUEST, "role"),
                // nobody chooses a token: it is random
                new Case(Map.of("id", newId(), "name", "x", "token", "secret"), HttpStatus.BAD_REQUEST, "token"),
                new Case(Map.of("id", id, "name", "Igen"), HttpStatus.CONFLICT, "id"),
                // a person's id: the person could no longer log in to the API with her password
                new Case(Map.of("id", "testnurse", "name", "x"), HttpStatus.CONFLICT, "id"))) {
            ResponseEntity<JsonNode> refused = admin(HttpMethod.POST, "/api/clients", c.body());
            assertThat(refused.getStatusCode()).as("%s: %s", c.body(), refused.getBody()).isEqualTo(c.status());
            assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(fields(refused)).as("%s", c.body()).containsExactly(c.field());
        }
        assertThat(jdbc.queryForObject("select count(*) from api_client where id = 'testnurse' or name in (' ', 'Igen')", Integer.class))
                .isZero();
        assertThat(admin(HttpMethod.POST, "/api/clients/" + newId() + "/token", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(admin(HttpMethod.DELETE, "/api/clients/" + newId() + "/token", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldShowTheTokenOnceAndNeverLogIt(CapturedOutput output) {
        String id = newId();
        String first = create(id);
        String second = admin(HttpMethod.POST, "/api/clients/" + id + "/token", null).getBody().get("token").asText();
        assertThat(send(bearer(second)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertUnauthorized(send(bearer(first)));

        ResponseEntity<String> list = http.withBasicAuth(ADMIN, "secret").getForEntity("/api/clients", String.class);
        ResponseEntity<String> one = http.withBasicAuth(ADMIN, "secret").getForEntity("/api/clients/" + id, String.class);
        JsonNode client = admin(HttpMethod.GET, "/api/clients/" + id, null).getBody();
        assertThat(list.getBody()).contains("\"" + id + "\"");
        assertThat(client.get("lastUsedAt")).isNotNull();
        assertThat(client.has("token")).isFalse();
        assertThat(client.has("tokenHash")).isFalse();
        String audit = audit(ADMIN).toString();
        for (String token : List.of(first, second)) {
            for (String text : List.of(list.getBody(), one.getBody(), audit, output.getAll())) {
                assertThat(text).doesNotContain(token).doesNotContain(ApiTokens.hash(token)).doesNotContain(token.substring(3));
            }
        }
        // the capture works: it has the log lines of the issue and the rotation
        assertThat(output.getAll()).contains("API client " + id + " (measurement-sender) created by " + ADMIN,
                "token of API client " + id + " rotated by " + ADMIN);
    }

    @Test
    void shouldRecordTheLastUseAtMostOnceAMinute() {
        String id = newId();
        String token = create(id);
        assertThat(admin(HttpMethod.GET, "/api/clients/" + id, null).getBody().has("lastUsedAt")).isFalse();

        Instant before = Instant.now().minusSeconds(1);
        assertThat(send(bearer(token)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String first = admin(HttpMethod.GET, "/api/clients/" + id, null).getBody().get("lastUsedAt").asText();
        assertThat(Instant.parse(first)).isAfter(before);
        assertThat(send(basic(id, token)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(send(bearer(token)).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(admin(HttpMethod.GET, "/api/clients/" + id, null).getBody().get("lastUsedAt").asText()).isEqualTo(first);
        assertThat(StreamSupport.stream(admin(HttpMethod.GET, "/api/clients", null).getBody().spliterator(), false)
                .filter(c -> c.get("id").asText().equals(id)).map(c -> c.get("lastUsedAt").asText()).toList()).containsExactly(first);
    }
}
