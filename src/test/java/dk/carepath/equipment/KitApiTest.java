package dk.carepath.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.carepath.support.ActorHttp;
import dk.carepath.support.CallDriver;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The kit registry and fault reports over HTTP: the kit's life, precise 4xx problems, who may see what, audit. */
@CarepathTest
class KitApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    PathwayDriver pathwayDriver;
    @Autowired
    CallDriver calls;
    @Autowired
    KitRegistry kits;

    ActorHttp http;

    @BeforeEach
    void actors() {
        http = new ActorHttp(rest, json);
    }

    static String newKitNumber() {
        return "KIT-API-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    UUID newCitizen() {
        return calls.citizenOf(pathwayDriver.refer(PathwayDriver.eligibleFacts()));
    }

    ResponseEntity<JsonNode> step(String kit, Map<String, ?> body) {
        return http.post("testservice", "/api/kits/" + kit + "/status", body);
    }

    static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String detail) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().get("detail").asText()).contains(detail);
    }

    @Test
    void shouldTakeAKitThroughItsLife() {
        String kit = newKitNumber();
        UUID citizen = newCitizen();
        ResponseEntity<JsonNode> prepared = http.post("testservice", "/api/kits", Map.of("kitNumber", kit.toLowerCase(), "note", "Klargjort på lageret"));
        assertThat(prepared.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(prepared.getHeaders().getLocation()).hasToString("/api/kits/" + kit);
        assertThat(prepared.getBody().get("status").asText()).isEqualTo("PREPARED");

        assertThat(step(kit, Map.of("status", "REGISTERED", "citizenId", citizen)).getBody().get("citizenId").asText()).isEqualTo(citizen.toString());
        assertThat(step(kit, Map.of("status", "DELIVERED", "citizenId", citizen)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(step(kit, Map.of("status", "IN_USE", "citizenId", citizen)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.read("testnurse", "/api/citizens/" + citizen + "/kit").at("/kit/kitNumber").asText()).isEqualTo(kit);

        JsonNode collected = step(kit, Map.of("status", "COLLECTED", "note", "Forløbet er afsluttet")).getBody();
        assertThat(collected.get("status").asText()).isEqualTo("COLLECTED");
        assertThat(collected.has("citizenId")).isFalse();
        assertThat(step(kit, Map.of("status", "REFURBISHED")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(step(kit, Map.of("status", "PREPARED")).getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode details = http.read("testnurse", "/api/kits/" + kit);
        assertThat(details.at("/history").findValuesAsText("status"))
                .containsExactly("PREPARED", "REGISTERED", "DELIVERED", "IN_USE", "COLLECTED", "REFURBISHED", "PREPARED");
        assertThat(details.at("/history").findValuesAsText("actor")).containsOnly("testservice");
        JsonNode citizens = http.read("testmunicipalnurse", "/api/citizens/" + citizen + "/kit");
        assertThat(citizens.has("kit")).isFalse();
        assertThat(citizens.at("/history").findValuesAsText("kitNumber")).containsOnly(kit);
        assertThat(http.read("testmanager", "/api/audit?citizenId=" + citizen).findValuesAsText("resource")).contains("kit");
    }

    @Test
    void shouldRefuseAStepTheKitsLifeDoesNotAllow() {
        String kit = newKitNumber();
        http.post("testservice", "/api/kits", Map.of("kitNumber", kit));

        assertProblem(step(kit, Map.of("status", "COLLECTED")), HttpStatus.CONFLICT, "kan ikke gå fra PREPARED til COLLECTED");
        assertProblem(step(kit, Map.of("status", "FAULTY")), HttpStatus.CONFLICT, "sættes af fejlforløbet");
        assertProblem(http.post("testservice", "/api/kits", Map.of("kitNumber", kit)), HttpStatus.CONFLICT, "er allerede registreret");
        assertThat(kits.find(kit).orElseThrow().status()).isEqualTo(KitStatus.PREPARED);
    }

    @Test
    void shouldRefuseAKitForACitizenWhoHasOneAlready() {
        UUID citizen = calls.citizenInTitration();
        String kit = newKitNumber();
        http.post("testservice", "/api/kits", Map.of("kitNumber", kit));

        assertProblem(step(kit, Map.of("status", "REGISTERED", "citizenId", citizen)), HttpStatus.CONFLICT, "Borgeren har allerede kit");
        assertThat(kits.find(kit).orElseThrow().citizenId()).isNull();
    }

    @Test
    void shouldNameTheFieldOfABadRequest() {
        ResponseEntity<JsonNode> badNumber = http.post("testservice", "/api/kits", Map.of("kitNumber", "K!"));
        assertThat(badNumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badNumber.getBody().path("errors").findValuesAsText("field")).containsExactly("kitNumber");

        String kit = newKitNumber();
        http.post("testservice", "/api/kits", Map.of("kitNumber", kit));
        ResponseEntity<JsonNode> badStatus = step(kit, Map.of("status", "BROKEN"));
        assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badStatus.getBody().path("errors").findValuesAsText("field")).containsExactly("status");
        assertThat(step(kit, Map.of("status", "REGISTERED")).getBody().path("errors").findValuesAsText("field")).containsExactly("citizenId");
        ResponseEntity<JsonNode> unknownCitizen = step(kit, Map.of("status", "REGISTERED", "citizenId", UUID.randomUUID()));
        assertThat(unknownCitizen.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownCitizen.getBody().path("errors").findValuesAsText("field")).containsExactly("citizenId");
        assertProblem(http.get("testnurse", "/api/kits/KIT-NOT-THERE"), HttpStatus.NOT_FOUND, "KIT-NOT-THERE");
        assertThat(kits.find(kit).orElseThrow().status()).isEqualTo(KitStatus.PREPARED);
    }

    @Test
    void shouldShowKitsToNursesAndTheServiceCenterOnly() {
        UUID citizen = calls.citizenInTitration();
        for (String user : new String[] {"testnurse", "testmunicipalnurse", "testcardiologist", "testservice"}) {
            assertThat(http.get(user, "/api/citizens/" + citizen + "/kit").getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        }
        assertThat(http.get("testfrontdesk", "/api/citizens/" + citizen + "/kit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get("testgp", "/api/citizens/" + citizen + "/kit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/api/citizens/" + citizen + "/kit", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.post("testnurse", "/api/kits", Map.of("kitNumber", newKitNumber())).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get("testnurse", "/api/citizens/" + UUID.randomUUID() + "/kit").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldTakeAFaultReportFromTheServiceCenterOnce() {
        UUID citizen = calls.citizenInTitration();
        ResponseEntity<JsonNode> reported = http.post("testservice", "/api/faults",
                Map.of("citizenId", citizen, "description", "Borgeren ringede til support: tabletten genstarter hele tiden"));
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String fault = reported.getBody().get("id").asText();
        assertThat(reported.getHeaders().getLocation()).hasToString("/api/faults/" + fault);
        assertThat(reported.getBody().get("status").asText()).isEqualTo("OPEN");
        assertThat(http.read("testnurse", "/api/faults/" + fault).get("kitNumber").asText())
                .isEqualTo(kits.kitOf(citizen).orElseThrow().kitNumber());
        assertThat(kits.hasKnownFault(citizen)).isTrue();

        assertProblem(http.post("testservice", "/api/faults", Map.of("citizenId", citizen, "description", "Igen")),
                HttpStatus.CONFLICT, "already reported faulty (fault " + fault);
        assertThat(http.post("testservice", "/api/faults", Map.of("citizenId", citizen)).getBody().path("errors")
                .findValuesAsText("field")).containsExactly("description");
        assertThat(http.post("testservice", "/api/faults", Map.of("citizenId", newCitizen(), "description", "x")).getStatusCode())
                .as("a citizen without a kit").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(http.post("testservice", "/api/faults", Map.of("citizenId", UUID.randomUUID(), "description", "x")).getStatusCode())
                .as("an unknown citizen is not one the service center serves").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.post("testfrontdesk", "/api/faults", Map.of("citizenId", citizen, "description", "x")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get("testnurse", "/api/faults/" + UUID.randomUUID()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
