package dk.carepath.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.callrouting.CitizenCall.CallReason;
import dk.carepath.equipment.KitRegistry;
import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.support.CallDriver;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The access matrix of docs/access.md, held against the running API: every endpoint, as every
 * role, as a user of the organisation that serves the test citizen ("own") and of another
 * ("other"). The table is read from the document, so the document is what is tested; an endpoint
 * of the API without a row there, or a row without an endpoint, fails.
 */
@CarepathTest
class AccessMatrixTest {

    static final Path DOCUMENT = Path.of("docs/access.md");
    static final List<String> COLUMNS = List.of("hf-nurse", "cardiologist", "municipal-nurse", "municipal-frontdesk", "gp",
            "service-center", "manager", "process-owner", "measurement-sender", "administrator");

    /** the users of each column: of the own organisation, and of another */
    static final Map<String, List<String>> USERS = Map.of(
            "hf-nurse", List.of("testnurse", "testothernurse"),
            "cardiologist", List.of("testcardiologist", "testothercardiologist"),
            "municipal-nurse", List.of("testmunicipalnurse", "testneighbournurse"),
            "municipal-frontdesk", List.of("testfrontdesk", "testneighbourfrontdesk"),
            "gp", List.of("testgp", "testothergp"),
            "service-center", List.of("testservice", "testotherservice"),
            "manager", List.of("testmunicipalmanager", "testneighbourmanager"),
            "process-owner", List.of("testowner", "testotherowner"),
            "measurement-sender", List.of("testsender", "testsender"),
            "administrator", List.of("testadmin", "testadmin"));

    record Row(String endpoint, Map<String, String> cells) {
    }

    /** a request, and for list cells the text that only the own organisation's answer holds */
    record Call(HttpMethod method, String path, Object body, MediaType type, String marker) {
        static Call get(String path) {
            return new Call(HttpMethod.GET, path, null, null, null);
        }

        static Call json(HttpMethod method, String path, Object body) {
            return new Call(method, path, body, MediaType.APPLICATION_JSON, null);
        }

        Call listing(String marker) {
            return new Call(method, path, body, type, marker);
        }
    }

    /** who calls: the column (role) and whether as the own organisation's user */
    record Caller(String role, boolean own) {
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;
    @Autowired
    CallDriver calls;
    @Autowired
    KitRegistry kits;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repository;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    static List<Row> matrix() throws IOException {
        List<String> lines = Files.readAllLines(DOCUMENT);
        int start = lines.indexOf("### The matrix");
        assertThat(start).as("docs/access.md has a section '### The matrix'").isPositive();
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(start, lines.size())) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String endpoint = cells[1].trim().replace("`", "");
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                byColumn.put(COLUMNS.get(i), cells[i + 2].trim());
            }
            assertThat(byColumn.values()).as(endpoint).allMatch(v -> Set.of("own", "any", "list", "—").contains(v));
            rows.add(new Row(endpoint, byColumn));
        }
        return rows;
    }

    /** every endpoint of the Carepath API, as "METHOD path" (with "?param" where a parameter selects the handler) */
    Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                String params = info.getParamsCondition().getExpressions().stream().map(Object::toString).sorted()
                        .reduce((a, b) -> a + "&" + b).map(p -> "?" + p).orElse("");
                info.getMethodsCondition().getMethods().forEach(m -> endpoints.add(m.name() + " " + pattern + params));
            }
        }
        return endpoints;
    }

    @Test
    void shouldHaveARowForEveryEndpointAndAnEndpointForEveryRow() throws IOException {
        Set<String> documented = new TreeSet<>(matrix().stream().map(Row::endpoint).toList());
        assertThat(endpoints()).as("endpoints of the API without a row in docs/access.md")
                .isSubsetOf(documented);
        assertThat(documented).as("rows of docs/access.md without an endpoint").isSubsetOf(endpoints());
        assertThat(documented).as("rows of docs/access.md without a request in this test").isSubsetOf(requests().keySet());
    }

    @TestFactory
    Stream<DynamicTest> shouldAnswerEveryRoleAsTheMatrixSays() throws IOException {
        List<Row> rows = matrix();
        Map<String, Function<Caller, Call>> requests = requests();
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows) {
            for (String role : COLUMNS) {
                String cell = row.cells().get(role);
                Function<Caller, Call> request = requests.get(row.endpoint());
                tests.add(DynamicTest.dynamicTest(row.endpoint() + " as " + role + ": " + cell, () -> check(row.endpoint(), role, cell, request)));
            }
        }
        return tests.stream();
    }

    private void check(String endpoint, String role, String cell, Function<Caller, Call> request) {
        assertThat(request).as("a request for " + endpoint).isNotNull();
        String own = USERS.get(role).get(0);
        String other = USERS.get(role).get(1);
        switch (cell) {
            case "—" -> {
                Call call = request.apply(new Caller(role, true));
                assertStatus(send(own, call), HttpStatus.FORBIDDEN, endpoint, own);
                if (call.body() != null) {
                    // the refusal comes before the body is read: an empty one is refused alike
                    assertStatus(send(own, new Call(call.method(), call.path(), "{}", MediaType.APPLICATION_JSON, null)),
                            HttpStatus.FORBIDDEN, endpoint + " with {}", own);
                }
            }
            case "any" -> {
                assertSuccess(send(own, request.apply(new Caller(role, true))), endpoint, own);
                assertSuccess(send(other, request.apply(new Caller(role, false))), endpoint, other);
            }
            case "own" -> {
                assertSuccess(send(own, request.apply(new Caller(role, true))), endpoint, own);
                ResponseEntity<String> refused = send(other, request.apply(new Caller(role, false)));
                assertThat(refused.getStatusCode()).as("%s as %s (another organisation): %s", endpoint, other, refused.getBody())
                        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
                assertThat(refused.getHeaders().getContentType().toString()).startsWith(refusalType(endpoint));
            }
            case "list" -> {
                Call ownCall = request.apply(new Caller(role, true));
                ResponseEntity<String> mine = send(own, ownCall);
                assertSuccess(mine, endpoint, own);
                assertThat(mine.getBody()).as("%s as %s holds its own", endpoint, own).contains(ownCall.marker());
                Call otherCall = request.apply(new Caller(role, false));
                ResponseEntity<String> theirs = send(other, otherCall);
                assertSuccess(theirs, endpoint, other);
                assertThat(theirs.getBody()).as("%s as %s (another organisation)", endpoint, other).doesNotContain(ownCall.marker());
            }
            default -> throw new AssertionError("unknown cell " + cell);
        }
    }

    private static void assertSuccess(ResponseEntity<String> response, String endpoint, String user) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s as %s: %s %s", endpoint, user, response.getStatusCode(),
                response.getBody()).isTrue();
    }

    private static void assertStatus(ResponseEntity<String> response, HttpStatus status, String endpoint, String user) {
        assertThat(response.getStatusCode()).as("%s as %s: %s", endpoint, user, response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith(refusalType(endpoint));
    }

    /** the FHIR endpoints refuse with an OperationOutcome, the rest of the API with problem details */
    private static String refusalType(String endpoint) {
        return endpoint.contains(" /api/fhir") ? "application/fhir+json" : "application/problem+json";
    }

    private ResponseEntity<String> send(String user, Call call) {
        HttpHeaders headers = new HttpHeaders();
        if (call.type() != null) {
            headers.setContentType(call.type());
        }
        return http.withBasicAuth(user, "secret").exchange(call.path(), call.method(), new HttpEntity<>(call.body(), headers), String.class);
    }

    // ------------------------------------------------------------------ the requests, on fixtures built once

    private Fixture fixture;

    /** The test citizens: A in titration monitored by the clinic, B handed over to the municipality, D with a kit fault. */
    class Fixture {
        final UUID pathwayA = driver.inTitration();
        final UUID citizenA = driver.pathway(pathwayA).citizenId();
        final String kitA = kits.kitOf(citizenA).orElseThrow().kitNumber();
        final long measurementA = measure(citizenA);
        final UUID pathwayB = handedOver();
        final UUID callA = calls.frontDeskAnswers(citizenA, CallReason.CLINICAL, "Ring mig op").id();
        final UUID faultD = calls.reportFault(calls.citizenOf(driver.inTitration()), "Tabletten tænder ikke").id();
        final String cprA = cprOf(citizenA);

        private UUID handedOver() {
            UUID pathway = driver.inTitration();
            driver.reassess(pathway, "HANDOVER", "CLINIC", "MUNICIPALITY", Map.of());
            measure(driver.pathway(pathway).citizenId());
            return pathway;
        }
    }

    private long measure(UUID citizen) {
        String senderId = "matrix-" + UUID.randomUUID();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var answer = http.withBasicAuth("testsender", "secret").postForEntity("/api/measurements",
                new HttpEntity<>(measurement(senderId, citizen), headers), com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return answer.getBody().path("id").asLong();
    }

    private String cprOf(UUID citizen) {
        return jdbc.queryForObject("select cpr from citizen where id = ?", String.class, citizen);
    }

    private static Map<String, Object> measurement(String senderId, UUID citizen) {
        return Map.of("senderId", senderId, "citizenId", citizen.toString(), "type", "PULSE", "value", 74, "unit", "/min",
                "measuredAt", Instant.now().minusSeconds(120).toString());
    }

    private Fixture fixture() {
        if (fixture == null) {
            fixture = new Fixture();
        }
        return fixture;
    }

    private long freshAlarm(UUID pathway) {
        jdbc.update("insert into pathway_alarm (pathway_id, kind, measurement_type, dedup_key, raised_at, deadline) "
                        + "values (?, 'MEASUREMENTS_MISSING', 'WEIGHT', ?, ?, ?)", pathway, "matrix-" + UUID.randomUUID(),
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        return jdbc.queryForObject("select max(id) from pathway_alarm where pathway_id = ?", Long.class, pathway);
    }

    /** the organisation an own user of the role refers on behalf of */
    private static String referrer(String role) {
        return switch (role) {
            case "gp" -> PathwayDriver.GP;
            case "municipal-nurse" -> PathwayDriver.MUNICIPALITY;
            default -> PathwayDriver.CLINIC;
        };
    }

    private static String fhirPulse(UUID citizen) {
        return """
                {"resourceType": "Observation", "status": "final",
                 "identifier": [{"system": "urn:uuid:matrix", "value": "%s"}],
                 "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]},
                 "subject": {"reference": "Patient/%s"},
                 "effectiveDateTime": "%s",
                 "valueQuantity": {"value": 71, "system": "http://unitsofmeasure.org", "code": "/min"}}
                """.formatted(UUID.randomUUID(), citizen, Instant.now().minusSeconds(120));
    }

    /** a rollback needs a version before the latest: the TEST region's latest pathway deployed once more (same files) */
    void secondTestVersion() {
        var query = repository.createProcessDefinitionQuery().processDefinitionKey("heart-failure-pathway").tenantIdIn("TEST");
        if (query.count() > 1) {
            return;
        }
        var latest = query.latestVersion().singleResult();
        var again = repository.createDeployment().name("access matrix: a second version").tenantId("TEST");
        for (String name : repository.getDeploymentResourceNames(latest.getDeploymentId())) {
            again.addInputStream(name, repository.getResourceAsStream(latest.getDeploymentId(), name));
        }
        again.deploy();
    }

    static String testPack() {
        try {
            return new String(new org.springframework.core.io.ClassPathResource("regions/test/region.yaml").getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Map<String, Function<Caller, Call>> requests() {
        Map<String, Function<Caller, Call>> r = new LinkedHashMap<>();
        MediaType fhir = MediaType.parseMediaType("application/fhir+json");
        r.put("GET /api/me", c -> Call.get("/api/me"));
        r.put("GET /api/organisations", c -> Call.get("/api/organisations?kind=CLINIC"));
        r.put("GET /api/organisations/{id}", c -> Call.get("/api/organisations/" + PathwayDriver.CLINIC));
        r.put("PUT /api/organisations/{id}", c -> Call.json(HttpMethod.PUT, "/api/organisations/test-matrix-clinic",
                Map.of("kind", "CLINIC", "name", "Matrixklinikken", "region", "TEST", "mailAddress", "matrix@test.example.dk")));
        r.put("GET /api/regions", c -> Call.get("/api/regions"));
        r.put("GET /api/regions/{id}", c -> Call.get("/api/regions/TEST"));
        r.put("GET /api/regions/refused-models", c -> Call.get("/api/regions/refused-models"));
        // the tests' pack as it is: a new version with the same settings
        r.put("PUT /api/regions/{id}", c -> new Call(HttpMethod.PUT, "/api/regions/TEST?reason=Matrix", testPack(),
                MediaType.parseMediaType("application/yaml"), null));
        r.put("POST /api/regions/{id}/undo", c -> Call.json(HttpMethod.POST, "/api/regions/TEST/undo", Map.of("reason", "Matrix")));
        r.put("GET /api/regions/{id}/models", c -> Call.get("/api/regions/TEST/models"));
        r.put("POST /api/regions/{id}/migrations", c -> Call.json(HttpMethod.POST, "/api/regions/TEST/migrations",
                Map.of("processKey", "heart-failure-pathway", "dryRun", true)));
        r.put("POST /api/regions/{id}/models/{key}/rollback", c -> {
            secondTestVersion();
            return Call.json(HttpMethod.POST, "/api/regions/TEST/models/heart-failure-pathway/rollback", Map.of("dryRun", true));
        });
        r.put("POST /api/regions/{id}/dry-run", c -> Call.json(HttpMethod.POST, "/api/regions/TEST/dry-run",
                Map.of("clinicId", PathwayDriver.CLINIC, "citizen", Map.of("municipalityId", PathwayDriver.MUNICIPALITY),
                        "facts", PathwayDriver.eligibleFacts())));
        r.put("GET /api/citizens/{id}", c -> Call.get("/api/citizens/" + fixture().citizenA));
        r.put("POST /api/citizens/search", c -> Call.json(HttpMethod.POST, "/api/citizens/search", Map.of("cpr", fixture().cprA)));
        r.put("GET /api/citizens/{citizenId}/pathways", c -> Call.get("/api/citizens/" + fixture().citizenA + "/pathways"));
        r.put("GET /api/citizens/{citizenId}/kit", c -> Call.get("/api/citizens/" + fixture().citizenA + "/kit"));
        r.put("POST /api/referrals", c -> {
            var referral = PathwayDriver.referral(PathwayDriver.newCpr(), PathwayDriver.eligibleFacts());
            return Call.json(HttpMethod.POST, "/api/referrals", new dk.carepath.pathway.ReferralRequest(referral.citizen(), referral.source(),
                    PathwayDriver.CLINIC, referrer(c.role()), "Matrix", referral.facts(), null));
        });
        r.put("GET /api/pathways/{id}", c -> Call.get("/api/pathways/" + fixture().pathwayA));
        r.put("GET /api/pathways/{id}/journal", c -> Call.get("/api/pathways/" + fixture().pathwayA + "/journal"));
        r.put("GET /api/pathways/{id}/correspondence", c -> Call.get("/api/pathways/" + fixture().pathwayA + "/correspondence"));
        r.put("GET /api/pathways/{id}/measurements", c -> Call.get("/api/pathways/" + fixture().pathwayA + "/measurements"));
        r.put("POST /api/pathways/{id}/pauses", c -> Call.json(HttpMethod.POST, "/api/pathways/" + fixture().pathwayA + "/pauses",
                Map.of("until", LocalDate.now().plusDays(3).toString(), "reason", "Weekend hos datteren")));
        r.put("PUT /api/pathways/{id}/contact-person", c -> Call.json(HttpMethod.PUT, "/api/pathways/"
                + (c.role().equals("municipal-nurse") ? fixture().pathwayB : fixture().pathwayA) + "/contact-person", new LinkedHashMap<>()));
        r.put("POST /api/pathways/{id}/readmissions", c -> Call.json(HttpMethod.POST, "/api/pathways/" + fixture().pathwayA + "/readmissions",
                Map.of("admittedOn", LocalDate.now().minusDays(1).toString(), "summary", "Åndenød")));
        r.put("POST /api/monitoring-plans/mass-update", c -> Call.json(HttpMethod.POST, "/api/monitoring-plans/mass-update",
                Map.of("pathwayIds", List.of(fixture().pathwayA.toString()), "reason", "Matrix",
                        "frequencies", List.of(Map.of("type", "STEPS", "from", "WEEKLY", "to", "WEEKLY")))));
        r.put("POST /api/measurements", c -> Call.json(HttpMethod.POST, "/api/measurements",
                measurement("matrix-" + UUID.randomUUID(), fixture().citizenA)));
        r.put("POST /api/measurements/batch", c -> Call.json(HttpMethod.POST, "/api/measurements/batch",
                Map.of("measurements", List.of(measurement("matrix-" + UUID.randomUUID(), fixture().citizenA)))));
        r.put("POST /api/fhir/Observation", c -> new Call(HttpMethod.POST, "/api/fhir/Observation", fhirPulse(fixture().citizenA), fhir, null));
        r.put("POST /api/fhir", c -> new Call(HttpMethod.POST, "/api/fhir", """
                {"resourceType": "Bundle", "type": "batch", "entry": [{"resource": %s}]}""".formatted(fhirPulse(fixture().citizenA)), fhir, null));
        r.put("POST /api/fhir/$submit-measurement", c -> new Call(HttpMethod.POST, "/api/fhir/$submit-measurement", """
                {"resourceType": "Parameters", "parameter": [{"name": "measurement", "resource":
                  {"resourceType": "Bundle", "type": "transaction", "entry": [{"resource": %s}]}}]}""".formatted(fhirPulse(fixture().citizenA)),
                fhir, null));
        r.put("GET /api/fhir/metadata", c -> Call.get("/api/fhir/metadata"));
        r.put("GET /api/triage", c -> Call.get("/api/triage").listing(
                (c.role().equals("municipal-nurse") ? fixture().pathwayB : fixture().pathwayA).toString()));
        r.put("POST /api/triage/green-acknowledgement", c -> Call.json(HttpMethod.POST, "/api/triage/green-acknowledgement",
                Map.of("pathwayIds", List.of(fixture().pathwayA.toString()))));
        r.put("POST /api/measurements/{id}/acknowledgement", c -> Call.json(HttpMethod.POST,
                "/api/measurements/" + fixture().measurementA + "/acknowledgement", null));
        r.put("POST /api/alarms/{id}/acknowledgement", c -> Call.json(HttpMethod.POST,
                "/api/alarms/" + freshAlarm(fixture().pathwayA) + "/acknowledgement", null));
        r.put("GET /api/phrases", c -> Call.get("/api/phrases").listing(library().phraseMarker(c.role())));
        r.put("POST /api/phrases", c -> Call.json(HttpMethod.POST, "/api/phrases",
                Map.of("organisationId", library().organisation(c.role()), "title", "Matrixfrase", "text", "Borgeren er kontaktet.")));
        r.put("DELETE /api/phrases/{id}", c -> Call.json(HttpMethod.DELETE, "/api/phrases/" + library().phrase(c.role()), null));
        r.put("GET /api/materials", c -> Call.get("/api/materials").listing(library().materialMarker(c.role())));
        r.put("POST /api/materials", c -> Call.json(HttpMethod.POST, "/api/materials", Map.of("organisationId",
                library().organisation(c.role()), "title", "Matrixlink", "url", "https://www.sundhed.dk/borger/hjertesvigt")));
        r.put("POST /api/materials/documents", c -> new Call(HttpMethod.POST, "/api/materials/documents",
                Library.pdfForm(library().organisation(c.role()), "Matrix-PDF"), MediaType.MULTIPART_FORM_DATA, null));
        r.put("GET /api/materials/{id}/content", c -> Call.get("/api/materials/" + library().pdf(c.role()) + "/content"));
        r.put("POST /api/materials/{id}/assignments", c -> Call.json(HttpMethod.POST, "/api/materials/" + library().link(c.role())
                + "/assignments", Map.of("citizenIds", List.of(library().citizen(c.role()).toString()))));
        r.put("GET /api/citizens/{citizenId}/materials", c -> Call.get("/api/citizens/" + library().citizen(c.role()) + "/materials"));
        r.put("DELETE /api/citizens/{citizenId}/materials/{materialId}", c -> Call.json(HttpMethod.DELETE, "/api/citizens/"
                + library().citizen(c.role()) + "/materials/" + library().assigned(c.role()), null));
        r.put("POST /api/calls", c -> Call.json(HttpMethod.POST, "/api/calls",
                Map.of("citizenId", fixture().citizenA.toString(), "reason", "CLINICAL", "message", "Spørgsmål om vægten")));
        r.put("GET /api/calls/{id}", c -> Call.get("/api/calls/" + fixture().callA));
        r.put("GET /api/calls/statistics", c -> Call.get("/api/calls/statistics?from=" + LocalDate.now().minusDays(30) + "&to=" + LocalDate.now())
                .listing("\"" + PathwayDriver.MUNICIPALITY + "\""));
        r.put("POST /api/kits", c -> Call.json(HttpMethod.POST, "/api/kits", Map.of("kitNumber", "MX-" + UUID.randomUUID().toString().substring(0, 8))));
        r.put("GET /api/kits/{kitNumber}", c -> Call.get("/api/kits/" + fixture().kitA));
        r.put("POST /api/kits/{kitNumber}/status", c -> {
            // a stock kit registered for a citizen without one: refused to a service center of another region
            String kit = "MX-" + UUID.randomUUID().toString().substring(0, 8);
            kits.prepare(kit, "matrix");
            UUID citizen = driver.pathway(driver.refer(PathwayDriver.eligibleFacts())).citizenId();
            return Call.json(HttpMethod.POST, "/api/kits/" + kit + "/status", Map.of("status", "REGISTERED", "citizenId", citizen.toString()));
        });
        r.put("POST /api/faults", c -> Call.json(HttpMethod.POST, "/api/faults", Map.of("citizenId",
                (c.own() ? calls.citizenOf(driver.inTitration()) : fixture().citizenA).toString(), "description", "Vægten viser ingenting")));
        r.put("GET /api/faults/{id}", c -> Call.get("/api/faults/" + fixture().faultD));
        r.put("GET /api/audit?citizenId", c -> Call.get("/api/audit?citizenId=" + fixture().citizenA));
        r.put("GET /api/audit?actor", c -> Call.get("/api/audit?actor=testfrontdesk"));
        r.put("GET /api/access-reviews", c -> Call.get("/api/access-reviews").listing("\"" + PathwayDriver.MUNICIPALITY + "\""));
        r.put("GET /api/access-reviews/{organisationId}", c -> Call.get("/api/access-reviews/" + PathwayDriver.MUNICIPALITY));
        r.put("GET /api/access-reviews/{organisationId}/report.csv", c -> Call.get("/api/access-reviews/" + PathwayDriver.MUNICIPALITY + "/report.csv"));
        r.put("POST /api/access-reviews/{organisationId}/sign-offs", c -> Call.json(HttpMethod.POST,
                "/api/access-reviews/" + PathwayDriver.MUNICIPALITY + "/sign-offs",
                Map.of("from", LocalDate.now().minusMonths(6).toString(), "to", LocalDate.now().toString(), "reviewed", true)));
        r.put("GET /api/kpis", c -> Call.get("/api/kpis").listing("\"" + PathwayDriver.MUNICIPALITY + "\""));
        r.put("GET /api/kpis/{kpi}", c -> Call.get("/api/kpis/phases").listing("\"" + PathwayDriver.MUNICIPALITY + "\""));
        r.put("GET /api/kpis/{kpi}.csv", c -> Call.get("/api/kpis/phases.csv").listing(";" + PathwayDriver.MUNICIPALITY + ";"));
        r.put("GET /api/kpis/{kpi}/pathways", c -> Call.get("/api/kpis/phases/pathways").listing(fixture().pathwayA.toString()));
        r.put("GET /api/clients", c -> Call.get("/api/clients"));
        r.put("POST /api/clients", c -> Call.json(HttpMethod.POST, "/api/clients",
                Map.of("id", "matrix-" + UUID.randomUUID().toString().substring(0, 8), "name", "Matrixplatform")));
        r.put("GET /api/clients/{id}", c -> Call.get("/api/clients/testsender"));
        r.put("POST /api/clients/{id}/token", c -> Call.json(HttpMethod.POST, "/api/clients/" + freshClient() + "/token", null));
        r.put("DELETE /api/clients/{id}/token", c -> Call.json(HttpMethod.DELETE, "/api/clients/" + freshClient() + "/token", null));
        return r;
    }

    private Library library;

    private Library library() {
        if (library == null) {
            library = new Library();
        }
        return library;
    }

    /**
     * The phrases and materials of the matrix, made by a clinician of the column's organisation (the clinic,
     * or the municipality for municipal nurses; the clinic's for the roles that may not call at all).
     */
    class Library {
        private final Map<String, String> markers = new java.util.HashMap<>();

        String organisation(String role) {
            return role.equals("municipal-nurse") ? PathwayDriver.MUNICIPALITY : PathwayDriver.CLINIC;
        }

        String clinician(String role) {
            return switch (role) {
                case "cardiologist" -> "testcardiologist";
                case "municipal-nurse" -> "testmunicipalnurse";
                default -> "testnurse";
            };
        }

        UUID citizen(String role) {
            return role.equals("municipal-nurse") ? driver.pathway(fixture().pathwayB).citizenId() : fixture().citizenA;
        }

        String phraseMarker(String role) {
            return markers.computeIfAbsent("phrase " + organisation(role), k -> {
                String text = "Matrixfrase " + UUID.randomUUID();
                create(role, "/api/phrases", Map.of("organisationId", organisation(role), "title", "Matrix", "text", text));
                return text;
            });
        }

        long phrase(String role) {
            return create(role, "/api/phrases", Map.of("organisationId", organisation(role), "title", "Matrix", "text", "Slettes"));
        }

        String materialMarker(String role) {
            return markers.computeIfAbsent("material " + organisation(role), k -> {
                String title = "Matrixmateriale " + UUID.randomUUID();
                create(role, "/api/materials", Map.of("organisationId", organisation(role), "title", title,
                        "url", "https://www.hjerteforeningen.dk/hjertesvigt"));
                return title;
            });
        }

        long link(String role) {
            return create(role, "/api/materials", Map.of("organisationId", organisation(role), "title", "Matrixlink",
                    "url", "https://www.sundhed.dk/hjertesvigt"));
        }

        long pdf(String role) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            var created = http.withBasicAuth(clinician(role), "secret").postForEntity("/api/materials/documents",
                    new HttpEntity<>(pdfForm(organisation(role), "Matrix-PDF"), headers), com.fasterxml.jackson.databind.JsonNode.class);
            assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
            return created.getBody().path("id").asLong();
        }

        /** a material of the column's organisation, assigned to its citizen: for removing it */
        long assigned(String role) {
            long material = link(role);
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            var done = http.withBasicAuth(clinician(role), "secret").postForEntity("/api/materials/" + material + "/assignments",
                    new HttpEntity<>(Map.of("citizenIds", List.of(citizen(role).toString())), headers), String.class);
            assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.CREATED);
            return material;
        }

        private long create(String role, String path, Map<String, Object> body) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            var created = http.withBasicAuth(clinician(role), "secret").postForEntity(path, new HttpEntity<>(body, headers),
                    com.fasterxml.jackson.databind.JsonNode.class);
            assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
            return created.getBody().path("id").asLong();
        }

        static org.springframework.util.MultiValueMap<String, Object> pdfForm(String organisation, String title) {
            var form = new org.springframework.util.LinkedMultiValueMap<String, Object>();
            form.add("organisationId", organisation);
            form.add("title", title);
            form.add("file", new org.springframework.core.io.ByteArrayResource(
                    "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)) {
                @Override
                public String getFilename() {
                    return "matrix.pdf";
                }
            });
            return form;
        }
    }

    /** an API client of this test's own, so that rotating or revoking its token disturbs no other test */
    private String freshClient() {
        String id = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var created = http.withBasicAuth("testadmin", "secret").postForEntity("/api/clients",
                new HttpEntity<>(Map.of("id", id, "name", "Matrixplatform"), headers), String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return id;
    }
}
