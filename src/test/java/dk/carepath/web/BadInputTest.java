package dk.carepath.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input, class by class: each case is refused with a precise 4xx problem detail naming the
 * field, echoing at most a bounded excerpt of what was sent, and storing nothing. The citizen, an
 * "{citizen}" in the bodies, is one in titration, so that a good value would be stored.
 */
@CarepathTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    // formatted, not toString(): that leaves out the seconds when they are 00, which the intake refuses
    static final String AT = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).withNano(0));

    /** a case: who sends what, and the answer it must get (field null: the problem names none) */
    record Case(String user, HttpMethod method, String path, MediaType type, String body, HttpStatus status, String field,
                MediaType accept) {
        Case(String user, HttpMethod method, String path, MediaType type, String body, HttpStatus status, String field) {
            this(user, method, path, type, body, status, field, null);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    UUID citizen;
    UUID pathway;

    @BeforeAll
    void citizen() {
        pathway = driver.inTitration();
        citizen = driver.pathway(pathway).citizenId();
    }

    static String pulse(String extra) {
        return "{\"senderId\": \"bad-" + UUID.randomUUID() + "\", \"citizenId\": \"{citizen}\", \"type\": \"PULSE\", "
                + "\"value\": 72, \"unit\": \"/min\", \"measuredAt\": \"" + AT + "\"" + extra + "}";
    }

    static Case measurement(String body, String field) {
        return new Case("testsender", HttpMethod.POST, "/api/measurements", MediaType.APPLICATION_JSON, body, HttpStatus.BAD_REQUEST, field);
    }

    static Stream<Arguments> cases() {
        String bigId = "x".repeat(200_000);
        return Stream.of(
                Arguments.of("trailing garbage after the object", measurement(pulse("") + " garbage", null)),
                Arguments.of("two objects in one request", measurement(pulse("") + pulse(""), "")),
                Arguments.of("a key twice (the last would win)", measurement(pulse(", \"value\": 150"), "value")),
                Arguments.of("an enum given as a number", measurement(pulse("").replace("\"type\": \"PULSE\"", "\"type\": 1"), "type")),
                Arguments.of("an enum in lower case", measurement(pulse("").replace("\"PULSE\"", "\"pulse\""), "type")),
                Arguments.of("a number given as a text", measurement(pulse("").replace("\"value\": 72", "\"value\": \"72\""), "value")),
                Arguments.of("a text given as a number", measurement(pulse("").replaceFirst("\"senderId\": \"[^\"]*\"", "\"senderId\": 4711"), "senderId")),
                Arguments.of("a NYHA class with a fraction", measurement("{\"senderId\": \"bad-nyha\", \"citizenId\": \"{citizen}\", "
                        + "\"type\": \"PRO_QUESTIONNAIRE\", \"nyhaClass\": 2.5, \"measuredAt\": \"" + AT + "\"}", "nyhaClass")),
                Arguments.of("a whole number out of range", measurement("{\"senderId\": \"bad-nyha2\", \"citizenId\": \"{citizen}\", "
                        + "\"type\": \"PRO_QUESTIONNAIRE\", \"nyhaClass\": 4294967396, \"measuredAt\": \"" + AT + "\"}", "nyhaClass")),
                Arguments.of("a date that is no date", measurement(pulse("").replace(AT, "2026-13-45T07:00:00Z"), "measuredAt")),
                Arguments.of("a year for a time", measurement(pulse("").replace("\"" + AT + "\"", "\"2026\""), "measuredAt")),
                Arguments.of("a value more precise than stored", measurement(pulse("").replace("\"value\": 72", "\"value\": 99.996"), "value")),
                Arguments.of("a unit with a trailing NUL", measurement(pulse("").replace("\"/min\"", "\"/min\\u0000\""), "unit")),
                Arguments.of("a sender id with a NUL", measurement(pulse("").replaceFirst("\"senderId\": \"bad-", "\"senderId\": \"bad-\\\\u0000"), "senderId")),
                Arguments.of("symptoms on a weight", measurement(pulse(", \"symptoms\": [\"MORE_BREATHLESS\"]"), "symptoms")),
                Arguments.of("a missing symptom", measurement("{\"senderId\": \"bad-sym\", \"citizenId\": \"{citizen}\", "
                        + "\"type\": \"PRO_QUESTIONNAIRE\", \"nyhaClass\": 2, \"symptoms\": [null], \"measuredAt\": \"" + AT + "\"}", "symptoms[0]")),
                Arguments.of("a huge number, echoed at most in part", measurement(pulse("").replace("\"value\": 72", "\"value\": 1e200000"), "value")),
                Arguments.of("a huge id", measurement(pulse("").replaceFirst("\"senderId\": \"[^\"]*\"", "\"senderId\": \"" + bigId + "\""), "senderId")),
                Arguments.of("an access log limit of 0", new Case("testmanager", HttpMethod.GET, "/api/audit?actor=testfrontdesk&limit=0", null, null,
                        HttpStatus.BAD_REQUEST, "limit")),
                Arguments.of("a negative access log limit", new Case("testmanager", HttpMethod.GET, "/api/audit?actor=testfrontdesk&limit=-5", null, null,
                        HttpStatus.BAD_REQUEST, "limit")),
                Arguments.of("the contact person of an unknown pathway", new Case("testnurse", HttpMethod.PUT,
                        "/api/pathways/" + UUID.randomUUID() + "/contact-person", MediaType.APPLICATION_JSON, "{\"userId\": \"testnurse\"}",
                        HttpStatus.NOT_FOUND, null)),
                Arguments.of("an unknown path", new Case("testnurse", HttpMethod.GET, "/api/no-such-thing", null, null, HttpStatus.NOT_FOUND, null)),
                Arguments.of("a method the resource does not take", new Case("testnurse", HttpMethod.DELETE, "/api/pathways/{pathway}",
                        null, null, HttpStatus.METHOD_NOT_ALLOWED, null)),
                Arguments.of("a body that is not JSON", new Case("testsender", HttpMethod.POST, "/api/measurements", MediaType.TEXT_PLAIN,
                        "puls 72", HttpStatus.UNSUPPORTED_MEDIA_TYPE, null)),
                Arguments.of("an id that is no id", new Case("testnurse", HttpMethod.GET, "/api/pathways/not-a-uuid", null, null,
                        HttpStatus.BAD_REQUEST, "id")));
    }

    // ---- FHIR: every code, system, _element shape and partial date handled or refused with its FHIRPath

    static final MediaType FHIR = MediaType.parseMediaType("application/fhir+json");

    static String fhirPulse(String code, String effective, String value) {
        return "{\"resourceType\": \"Observation\", \"status\": \"final\", "
                + "\"identifier\": [{\"system\": \"urn:uuid:tablet-platform\", \"value\": \"bad-" + UUID.randomUUID() + "\"}], "
                + "\"code\": {\"coding\": [" + code + "]}, \"subject\": {\"reference\": \"Patient/{citizen}\"}, "
                + effective + ", " + value + "}";
    }

    static String fhirPulse() {
        return fhirPulse(PULSE_CODE, "\"effectiveDateTime\": \"" + AT + "\"", PULSE_VALUE);
    }

    static final String PULSE_CODE = "{\"system\": \"http://loinc.org\", \"code\": \"8867-4\"}";
    static final String PULSE_VALUE = "\"valueQuantity\": {\"value\": 72, \"system\": \"http://unitsofmeasure.org\", \"code\": \"/min\"}";

    static String fhirNyha(String value, String symptomCoding) {
        return fhirPulse("{\"system\": \"http://loinc.org\", \"code\": \"88020-3\"}", "\"effectiveDateTime\": \"" + AT + "\"",
                value + ", \"component\": [{\"code\": {\"coding\": [" + symptomCoding + "]}, \"valueBoolean\": true}]");
    }

    static String fhirBundle(String observation) {
        return "{\"resourceType\": \"Bundle\", \"type\": \"batch\", \"entry\": [{\"resource\": " + observation
                + ", \"request\": {\"method\": \"POST\", \"url\": \"Observation\"}}]}";
    }

    static Case observation(String body, String field) {
        return new Case("testsender", HttpMethod.POST, "/api/fhir/Observation", FHIR, body, HttpStatus.BAD_REQUEST, field);
    }

    static Case bundle(String body, String field) {
        return new Case("testsender", HttpMethod.POST, "/api/fhir", FHIR, body, HttpStatus.BAD_REQUEST, field);
    }

    static Stream<Arguments> fhir() {
        String effective = "\"effectiveDateTime\": \"" + AT + "\"";
        String noSystem = "{\"code\": \"8867-4\"}";
        String noCode = "{\"system\": \"http://loinc.org\"}";
        String symptom = "{\"system\": \"https://carepath.dk/fhir/CodeSystem/heart-failure-symptom\"";
        String extension = "{\"extension\": [{\"url\": \"http://hl7.org/fhir/StructureDefinition/data-absent-reason\", \"valueCode\": \"unknown\"}]}";
        return Stream.of(
                Arguments.of("a FHIR coding without system", observation(fhirPulse(noSystem, effective, PULSE_VALUE), "Observation.code.coding[0].system")),
                Arguments.of("a FHIR coding without code", observation(fhirPulse(noCode, effective, PULSE_VALUE), "Observation.code.coding[0].code")),
                Arguments.of("a FHIR coding without system in a Bundle", bundle(fhirBundle(fhirPulse(noSystem, effective, PULSE_VALUE)),
                        "Bundle.entry[0].resource.code.coding[0].system")),
                Arguments.of("a FHIR coding without code in a Bundle", bundle(fhirBundle(fhirPulse(noCode, effective, PULSE_VALUE)),
                        "Bundle.entry[0].resource.code.coding[0].code")),
                Arguments.of("a FHIR symptom coding without code", observation(fhirNyha("\"valueInteger\": 2", symptom + "}"),
                        "Observation.component[0].code.coding[0].code")),
                Arguments.of("a FHIR unknown symptom code", observation(fhirNyha("\"valueInteger\": 2", symptom + ", \"code\": \"HICCUPS\"}"),
                        "Observation.component[0].code.coding[0].code")),
                Arguments.of("a FHIR _effectiveDateTime with only an extension", observation(fhirPulse(PULSE_CODE, "\"_effectiveDateTime\": " + extension,
                        PULSE_VALUE), "Observation.effectiveDateTime")),
                Arguments.of("a FHIR _valueInteger with only an extension", observation(fhirNyha("\"_valueInteger\": " + extension,
                        symptom + ", \"code\": \"DIZZINESS\"}"), "Observation.valueInteger")),
                Arguments.of("a FHIR NYHA class with a fraction", observation(fhirNyha("\"valueInteger\": 2.5", symptom + ", \"code\": \"DIZZINESS\"}"),
                        "Observation.valueInteger")),
                Arguments.of("a FHIR valueQuantity as an array", observation(fhirPulse(PULSE_CODE, effective, "\"valueQuantity\": [{\"value\": 72, "
                        + "\"system\": \"http://unitsofmeasure.org\", \"code\": \"/min\"}]"), "Observation.valueQuantity")),
                Arguments.of("a FHIR effectiveDateTime of a year", observation(fhirPulse(PULSE_CODE, "\"effectiveDateTime\": \"2026\"", PULSE_VALUE),
                        "Observation.effectiveDateTime")),
                Arguments.of("a FHIR effectiveDateTime of a month", observation(fhirPulse(PULSE_CODE, "\"effectiveDateTime\": \"2026-03\"", PULSE_VALUE),
                        "Observation.effectiveDateTime")),
                Arguments.of("a FHIR effectiveDateTime of a day", observation(fhirPulse(PULSE_CODE, "\"effectiveDateTime\": \"2026-03-02\"", PULSE_VALUE),
                        "Observation.effectiveDateTime")),
                Arguments.of("a FHIR effectiveDateTime that is no date", observation(fhirPulse(PULSE_CODE, "\"effectiveDateTime\": \"2026-13-45T07:00:00Z\"",
                        PULSE_VALUE), "Observation.effectiveDateTime")),
                Arguments.of("a FHIR year for a time in a Bundle", bundle(fhirBundle(fhirPulse(PULSE_CODE, "\"effectiveDateTime\": \"2026\"", PULSE_VALUE)),
                        "Bundle.entry[0].resource.effectiveDateTime")),
                Arguments.of("a FHIR element that does not exist", observation(fhirPulse().replace("\"status\"", "\"colour\": \"red\", \"status\""),
                        "Observation.colour")),
                Arguments.of("a FHIR body that is not JSON", observation("{\"resourceType\": \"Observation\", ", "Observation")),
                Arguments.of("a FHIR status that is no status", observation(fhirPulse().replace("\"final\"", "\"done\""), "Observation.status")),
                Arguments.of("a FHIR element twice", observation(fhirPulse().replace("\"status\": \"final\"", "\"status\": \"final\", \"status\": \"final\""),
                        "Observation.status")),
                Arguments.of("a FHIR list given as one value", observation(fhirPulse().replaceFirst("\"identifier\": \\[(\\{[^}]*\\})\\]", "\"identifier\": $1"),
                        "Observation.identifier")),
                Arguments.of("a FHIR resource followed by another", observation(fhirPulse() + fhirPulse(), "Observation")),
                Arguments.of("a FHIR symptom without its answer", observation(fhirNyha("\"valueInteger\": 2", symptom + ", \"code\": \"DIZZINESS\"}")
                        .replace(", \"valueBoolean\": true", ""), "Observation.component[0].valueBoolean")),
                Arguments.of("a FHIR value given as a text", observation(fhirPulse().replace("\"value\": 72", "\"value\": \"72\""),
                        "Observation.valueQuantity.value")));
    }

    // ---- mass plan update: thresholds neither wrapped nor truncated; the request checked before any plan is looked for

    static Case massUpdate(String thresholds, String field) {
        return new Case("testowner", HttpMethod.POST, "/api/monitoring-plans/mass-update", MediaType.APPLICATION_JSON,
                "{\"pathwayIds\": [\"{pathway}\"], \"reason\": \"Ny standard\", \"thresholds\": [" + thresholds + "]}",
                HttpStatus.BAD_REQUEST, field);
    }

    static Stream<Arguments> planUpdates() {
        return Stream.of(
                Arguments.of("a pulse threshold that would wrap to 100", massUpdate(
                        "{\"group\": \"PULSE\", \"from\": [40, 45, 90, 100], \"to\": [40, 45, 90, 4294967396]}", "thresholds[0].to[3]")),
                Arguments.of("a pulse threshold with a fraction", massUpdate(
                        "{\"group\": \"PULSE\", \"from\": [40, 45, 90, 100], \"to\": [40.7, 45, 90, 100]}", "thresholds[0].to[0]")),
                Arguments.of("a pulse threshold to match with a fraction", massUpdate(
                        "{\"group\": \"PULSE\", \"from\": [40, 45.5, 90, 100], \"to\": [40, 45, 90, 100]}", "thresholds[0].from[1]")),
                Arguments.of("a weight threshold more precise than stored", massUpdate(
                        "{\"group\": \"WEIGHT\", \"from\": [-3.0, -2.0, 2.0, 3.0], \"to\": [-3.0, -2.0, 2.05, 3.0]}", "thresholds[0].to[2]")),
                Arguments.of("descending thresholds when no plan matches", massUpdate(
                        "{\"group\": \"PULSE\", \"from\": [41, 46, 91, 101], \"to\": [100, 90, 45, 40]}", "thresholds[0].to")),
                Arguments.of("thresholds outside the possible range when no plan matches", massUpdate(
                        "{\"group\": \"SYSTOLIC\", \"from\": [90, 100, 140, 160], \"to\": [90, 100, 140, 400]}", "thresholds[0].to[3]")),
                Arguments.of("a threshold missing", massUpdate(
                        "{\"group\": \"PULSE\", \"from\": [40, 45, 90, 100], \"to\": [40, null, 90, 100]}", "thresholds[0].to")),
                Arguments.of("a reason longer than stored", new Case("testowner", HttpMethod.POST, "/api/monitoring-plans/mass-update",
                        MediaType.APPLICATION_JSON, "{\"pathwayIds\": [\"{pathway}\"], \"reason\": \"" + "x".repeat(480) + "\", "
                        + "\"frequencies\": [{\"type\": \"STEPS\", \"from\": \"DAILY\", \"to\": \"DAILY\"}]}", HttpStatus.BAD_REQUEST, "reason")));
    }

    // ---- organisations, phones, referral facts, lengths: each field checked against what it may hold

    static String organisation(String name, String region, String mail) {
        return "{\"kind\": \"CLINIC\", \"name\": \"" + name + "\", \"region\": \"" + region + "\", \"mailAddress\": \"" + mail + "\"}";
    }

    static Case putOrganisation(String body, String field) {
        return new Case("testowner", HttpMethod.PUT, "/api/organisations/test-bad-input-clinic", MediaType.APPLICATION_JSON, body,
                HttpStatus.BAD_REQUEST, field);
    }

    static String referral(String phone, String ejectionFraction) {
        return "{\"citizen\": {\"cpr\": \"" + PathwayDriver.newCpr() + "\", \"name\": \"Test Borger\", \"phone\": \"" + phone + "\", "
                + "\"municipalityId\": \"" + PathwayDriver.MUNICIPALITY + "\"}, \"source\": \"HF_CLINIC\", \"clinicId\": \"" + PathwayDriver.CLINIC
                + "\", \"referrerOrganisationId\": \"" + PathwayDriver.CLINIC + "\", \"facts\": {\"ejectionFraction\": " + ejectionFraction + "}}";
    }

    static Case refer(String body, String field) {
        return new Case("testnurse", HttpMethod.POST, "/api/referrals", MediaType.APPLICATION_JSON, body, HttpStatus.BAD_REQUEST, field);
    }

    static Case call(String phone) {
        return new Case("testfrontdesk", HttpMethod.POST, "/api/calls", MediaType.APPLICATION_JSON, "{\"citizenId\": \"{citizen}\", "
                + "\"reason\": \"CLINICAL\", \"message\": \"Ring mig op\", \"callbackPhone\": \"" + phone + "\"}", HttpStatus.BAD_REQUEST,
                "callbackPhone");
    }

    static Stream<Arguments> fields() {
        String long201 = "x".repeat(201);
        return Stream.of(
                Arguments.of("an organisation in a region that does not exist", putOrganisation(organisation("Atlantisklinikken", "ATLANTIS",
                        "a@test.example.dk"), "region")),
                Arguments.of("an organisation name longer than stored", putOrganisation(organisation(long201, "TEST", "a@test.example.dk"), "name")),
                Arguments.of("an organisation region longer than stored", putOrganisation(organisation("Klinik", "R".repeat(21),
                        "a@test.example.dk"), "region")),
                Arguments.of("a citizen phone with markup", refer(referral("abc<script>", "30"), "citizen.phone")),
                Arguments.of("a citizen phone of eight spaces", refer(referral("        ", "30"), "citizen.phone")),
                Arguments.of("a citizen phone of zero-width spaces", refer(referral("\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b", "30"), "citizen.phone")),
                Arguments.of("a citizen phone with double spaces", refer(referral("12  34 56 78", "30"), "citizen.phone")),
                Arguments.of("a call-back phone with markup", call("abc<script>")),
                Arguments.of("a call-back phone of eight spaces", call("        ")),
                Arguments.of("a call-back phone of zero-width spaces", call("\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b")),
                Arguments.of("a call-back phone of too many digits", call("+45 1234 5678 9012 3456")),
                Arguments.of("an ejection fraction with a fraction", refer(referral("+45 12 34 56 78", "40.7"), "facts.ejectionFraction")),
                Arguments.of("an ejection fraction out of range", refer(referral("+45 12 34 56 78", "4294967336"), "facts.ejectionFraction")),
                Arguments.of("a referrer name longer than stored", refer(referral("12345678", "30").replace("\"facts\"",
                        "\"referrerName\": \"" + long201 + "\", \"facts\""), "referrerName")),
                Arguments.of("a clinic id longer than stored", refer(referral("12345678", "30").replace("\"clinicId\": \"" + PathwayDriver.CLINIC,
                        "\"clinicId\": \"" + "x".repeat(41)), "clinicId")),
                Arguments.of("a pause reason that does not fit the journal", new Case("testnurse", HttpMethod.POST, "/api/pathways/{pathway}/pauses",
                        MediaType.APPLICATION_JSON, "{\"until\": \"2099-01-01\", \"reason\": \"" + "x".repeat(501) + "\"}", HttpStatus.BAD_REQUEST,
                        "reason")),
                Arguments.of("a pause until a date that is no date", new Case("testnurse", HttpMethod.POST, "/api/pathways/{pathway}/pauses",
                        MediaType.APPLICATION_JSON, "{\"until\": \"2099-13-45\", \"reason\": \"Ferie\"}", HttpStatus.BAD_REQUEST, "until")),
                Arguments.of("a readmission on a day that does not exist", new Case("testnurse", HttpMethod.POST, "/api/pathways/{pathway}/readmissions",
                        MediaType.APPLICATION_JSON, "{\"admittedOn\": \"2026-02-30\"}", HttpStatus.BAD_REQUEST, "admittedOn")),
                Arguments.of("a call received at a time that is no time", new Case("testfrontdesk", HttpMethod.POST, "/api/calls", MediaType.APPLICATION_JSON,
                        "{\"citizenId\": \"{citizen}\", \"reason\": \"CLINICAL\", \"message\": \"Ring\", \"receivedAt\": \"i går\"}",
                        HttpStatus.BAD_REQUEST, "receivedAt")),
                Arguments.of("a measurement time that is no time", new Case("testowner", HttpMethod.POST, "/api/monitoring-plans/mass-update",
                        MediaType.APPLICATION_JSON, "{\"pathwayIds\": [\"{pathway}\"], \"reason\": \"Ny tid\", "
                        + "\"measurementTime\": {\"from\": \"08:00\", \"to\": \"25:00\"}}", HttpStatus.BAD_REQUEST, "measurementTime.to")),
                Arguments.of("a referral fact as a text", refer(referral("12345678", "30").replace("{\"ejectionFraction\": 30}",
                        "{\"ejectionFraction\": 30, \"hasMitId\": \"ja\"}"), "facts.hasMitId")),
                Arguments.of("a kit number longer than stored", new Case("testservice", HttpMethod.POST, "/api/kits", MediaType.APPLICATION_JSON,
                        "{\"kitNumber\": \"" + "K".repeat(41) + "\"}", HttpStatus.BAD_REQUEST, "kitNumber")),
                Arguments.of("an API client name longer than stored", new Case("testadmin", HttpMethod.POST, "/api/clients", MediaType.APPLICATION_JSON,
                        "{\"id\": \"bad-input-client\", \"name\": \"" + long201 + "\"}", HttpStatus.BAD_REQUEST, "name")));
    }

    // ---- content negotiation: even an answer the client cannot take is a problem detail

    static Stream<Arguments> negotiation() {
        return Stream.of(
                Arguments.of("an answer in a type no endpoint gives", new Case("testnurse", HttpMethod.GET, "/api/pathways/{pathway}", null, null,
                        HttpStatus.NOT_ACCEPTABLE, null, MediaType.IMAGE_PNG)),
                Arguments.of("a measurement answer in a type no endpoint gives", new Case("testsender", HttpMethod.POST, "/api/measurements",
                        MediaType.APPLICATION_JSON, pulse(""), HttpStatus.NOT_ACCEPTABLE, null, MediaType.IMAGE_PNG)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldRefuseWithAPreciseProblemAndStoreNothing(String name, Case c) {
        check(name, c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fhir")
    void shouldRefuseBadFhirWithItsFhirPath(String name, Case c) {
        check(name, c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planUpdates")
    void shouldRefuseABadMassPlanUpdateBeforeLookingForPlans(String name, Case c) {
        check(name, c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void shouldRefuseAFieldThatCannotHoldTheValue(String name, Case c) {
        check(name, c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negotiation")
    void shouldAnswerAProblemWhateverTheClientAccepts(String name, Case c) {
        check(name, c);
    }

    private void check(String name, Case c) {
        long before = jdbc.queryForObject("select count(*) from measurement where citizen_id = ?", Long.class, citizen);
        long organisations = jdbc.queryForObject("select count(*) from organisation", Long.class);
        long citizens = jdbc.queryForObject("select count(*) from citizen", Long.class);
        HttpHeaders headers = new HttpHeaders();
        if (c.type() != null) {
            headers.setContentType(c.type());
        }
        if (c.accept() != null) {
            headers.setAccept(List.of(c.accept()));
        }
        String body = c.body() == null ? null : c.body().replace("{citizen}", citizen.toString()).replace("{pathway}", pathway.toString());
        String path = c.path().replace("{pathway}", pathway.toString());
        ResponseEntity<String> answer = http.withBasicAuth(c.user(), "secret").exchange(path, c.method(), new HttpEntity<>(body, headers),
                String.class);

        assertThat(answer.getStatusCode()).as("%s: %s", name, answer.getBody()).isEqualTo(c.status());
        assertThat(answer.getHeaders().getContentType()).as(name).isNotNull();
        assertThat(answer.getHeaders().getContentType().toString()).as(name).startsWith("application/problem+json");
        assertThat(answer.getBody()).as("%s: the answer echoes at most an excerpt", name).hasSizeLessThan(2000);
        JsonNode problem = read(answer.getBody());
        assertThat(problem.path("status").asInt()).as(name).isEqualTo(c.status().value());
        if (c.field() != null) {
            assertThat(problem.path("type").asText()).as(name).isEqualTo(ProblemHandler.VALIDATION.toString());
            assertThat(problem.path("errors").findValuesAsText("field")).as(name + ": " + answer.getBody()).containsExactly(c.field());
        } else {
            assertThat(problem.path("type").asText("about:blank")).as(name).isIn("about:blank", ProblemHandler.VALIDATION.toString());
        }
        assertThat(jdbc.queryForObject("select count(*) from measurement where citizen_id = ?", Long.class, citizen))
                .as("%s: nothing stored", name).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from organisation", Long.class)).as("%s: no organisation stored", name).isEqualTo(organisations);
        assertThat(jdbc.queryForObject("select count(*) from citizen", Long.class)).as("%s: no citizen stored", name).isEqualTo(citizens);
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

}
