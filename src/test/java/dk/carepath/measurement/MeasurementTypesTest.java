package dk.carepath.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.carepath.pathway.Band;
import dk.carepath.pathway.FhirCode;
import dk.carepath.pathway.Frequency;
import dk.carepath.pathway.MeasurementType;
import dk.carepath.pathway.MonitoringPlans;
import dk.carepath.pathway.Quantity;
import dk.carepath.pathway.Thresholds;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every measurement type, from its descriptor alone, through everything Carepath does with a
 * measurement: planned (mass update of its frequency, and of its thresholds where it has them),
 * taken as JSON and as FHIR (an Observation under each of its codes, shaped as its descriptor says,
 * and a type of two values also as two Observations of one value each), coloured by its DMN table (a
 * value at a red threshold is red), written for the nurse, and shown as the citizen's latest value in
 * triage. A type that is declared but not wired into one of these (no FHIR codes, say) fails here.
 */
@CarepathTest
class MeasurementTypesTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;
    @Autowired
    MonitoringPlans plans;

    final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(MeasurementType.class)
    void everyTypeIsPlannedTakenColouredAndShownInTriage(MeasurementType type) throws Exception {
        UUID pathway = driver.inTitration();
        UUID citizen = driver.pathway(pathway).citizenId();

        // planned: daily for this citizen, whatever the plan said; thresholds raised where the type has them
        var plan = plans.forPathway(pathway).orElseThrow();
        Frequency before = plan.measurements().get(type);
        Thresholds current = plan.currentThresholds().thresholds();
        List<Map<String, Object>> thresholdChanges = new ArrayList<>();
        for (Quantity q : type.thresholded()) {
            thresholdChanges.add(Map.of("group", q.group(), "from", current.group(q) == null ? List.of() : current.group(q),
                    "to", raised(q, current)));
        }
        ObjectNode update = json.createObjectNode();
        update.putArray("pathwayIds").add(pathway.toString());
        update.put("reason", "Alle måletyper");
        update.putArray("frequencies").addObject().put("type", type.name()).put("from", before == null ? null : before.name())
                .put("to", Frequency.DAILY.name());
        if (!thresholdChanges.isEmpty()) {
            var array = update.putArray("thresholds");
            for (Map<String, Object> change : thresholdChanges) {
                ObjectNode c = array.addObject().put("group", (String) change.get("group"));
                if (((List<?>) change.get("from")).isEmpty()) c.putNull("from"); else c.set("from", json.valueToTree(change.get("from")));
                c.set("to", json.valueToTree(change.get("to")));
            }
        }
        ResponseEntity<JsonNode> updated = post("testowner", "/api/monitoring-plans/mass-update", update);
        assertThat(updated.getStatusCode()).as(updated.getBody().toString()).isEqualTo(HttpStatus.OK);
        var planned = plans.forPathway(pathway).orElseThrow();
        assertThat(planned.measurements()).containsEntry(type, Frequency.DAILY);
        Thresholds now = planned.currentThresholds().thresholds();
        for (Quantity q : type.thresholded()) {
            assertThat(now.group(q)).usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(raised(q, current));
        }

        // taken and coloured: a typical value
        BigDecimal reference = planned.referenceWeightKg();
        ResponseEntity<JsonNode> typical = post("testsender", "/api/measurements", measurement(type, citizen, typicals(type, now, reference, false)));
        assertThat(typical.getStatusCode()).as(typical.getBody().toString()).isEqualTo(HttpStatus.CREATED);
        // decided by the type's table (a failed colouring has neither colour nor reason); steps are UNCOLOURED by their table
        assertThat(typical.getBody().path("colour").isNull()).isFalse();
        assertThat(typical.getBody().path("reason").asText()).isNotBlank();
        assertThat(typical.getBody().path("colour").asText()).isNotEqualTo("CHECK");

        // a value at its red high threshold is red
        if (!type.thresholded().isEmpty()) {
            ResponseEntity<JsonNode> red = post("testsender", "/api/measurements", measurement(type, citizen, typicals(type, now, reference, true)));
            assertThat(red.getStatusCode()).as(red.getBody().toString()).isEqualTo(HttpStatus.CREATED);
            assertThat(red.getBody().path("colour").asText()).isEqualTo("RED");
        }

        // taken as FHIR, under each of its codes: the same value the same colour (a count of several days is its daily
        // mean times the days); at its red high threshold red
        assertThat(type.fhirCodes()).as(type + " declares the FHIR codes it is sent with").isNotEmpty();
        String typicalColour = typical.getBody().path("colour").asText();
        List<BigDecimal> typicalValues = typicals(type, now, reference, false);
        for (FhirCode code : type.fhirCodes()) {
            ResponseEntity<JsonNode> answer = fhir(observation(type, code, citizen, typicalValues, FutExamples.at(4)));
            assertThat(answer.getStatusCode()).as(code + ": " + answer.getBody()).isEqualTo(HttpStatus.CREATED);
            assertThat(FutIntakeTest.colour(answer.getBody())).as(code.toString()).isEqualTo(typicalColour);
        }
        if (!type.thresholded().isEmpty()) {
            ResponseEntity<JsonNode> red = fhir(observation(type, type.fhirCodes().get(0), citizen, typicals(type, now, reference, true),
                    FutExamples.at(4)));
            assertThat(red.getStatusCode()).as(red.getBody().toString()).isEqualTo(HttpStatus.CREATED);
            assertThat(FutIntakeTest.colour(red.getBody())).isEqualTo("RED");
        }
        if (type.quantities().size() == 2) {
            // its values as Observations of their own (FUT's blood pressure in two): paired, and the pair coloured once
            String at = FutExamples.at(3);
            ResponseEntity<JsonNode> first = fhir(alone(type, 0, citizen, typicalValues.get(0), at));
            assertThat(first.getStatusCode()).as(first.getBody().toString()).isEqualTo(HttpStatus.CREATED);
            assertThat(FutIntakeTest.colour(first.getBody())).as("a value alone waits for its mate").isNull();
            ResponseEntity<JsonNode> second = fhir(alone(type, 1, citizen, typicalValues.get(1), at));
            assertThat(second.getStatusCode()).as(second.getBody().toString()).isEqualTo(HttpStatus.CREATED);
            assertThat(FutIntakeTest.colour(second.getBody())).isEqualTo(typicalColour);
        } else {
            assertThat(type.quantities()).as("a type has one or two values (a third has no place in a measurement)").hasSize(1);
        }

        // shown: the citizen's latest value of the type in the nurse's triage (a citizen is listed for a coloured measurement:
        // where the type's table colours none, beside a typical pulse)
        if (typical.getBody().path("colour").asText().equals("UNCOLOURED")) {
            MeasurementType pulse = MeasurementType.PULSE;
            assertThat(post("testsender", "/api/measurements", measurement(pulse, citizen, typicals(pulse, now, reference, false)))
                    .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        JsonNode triage = http.withBasicAuth("testnurse", "secret").getForEntity("/api/triage", JsonNode.class).getBody();
        JsonNode entry = null;
        for (JsonNode e : triage) {
            if (e.path("citizenId").asText().equals(citizen.toString())) entry = e;
        }
        assertThat(entry).as("the citizen is in triage").isNotNull();
        List<String> latestTypes = entry.path("latest").findValuesAsText("type");
        assertThat(latestTypes).contains(type.name());
    }

    /** each value one step up from the current thresholds (or, where none is set, plausible values around the typical one) */
    static List<BigDecimal> raised(Quantity q, Thresholds current) {
        List<BigDecimal> group = current.group(q);
        BigDecimal step = BigDecimal.ONE.movePointLeft(q.thresholds().decimals());
        if (group != null) {
            return group.stream().map(v -> v.add(step)).toList();
        }
        BigDecimal t = q.typical();
        BigDecimal ten = BigDecimal.TEN;
        return List.of(t.subtract(ten.multiply(BigDecimal.valueOf(3))), t.subtract(ten.multiply(BigDecimal.valueOf(2))),
                t.add(ten.multiply(BigDecimal.valueOf(2))), t.add(ten.multiply(BigDecimal.valueOf(3))));
    }

    /** the type's values: typical, or at the red high threshold of every thresholded value */
    static List<BigDecimal> typicals(MeasurementType type, Thresholds thresholds, BigDecimal reference, boolean atRedHigh) {
        List<BigDecimal> values = new ArrayList<>();
        for (Quantity q : type.quantities()) {
            BigDecimal v = q.typical();
            if (q.hasThresholds()) {
                BigDecimal mid = thresholds.get(q, Band.YELLOW_LOW).add(thresholds.get(q, Band.YELLOW_HIGH)).divide(BigDecimal.valueOf(2));
                BigDecimal chosen = atRedHigh ? thresholds.get(q, Band.RED_HIGH) : mid.setScale(q.thresholds().decimals(), java.math.RoundingMode.DOWN);
                v = q.thresholds().relativeToReference() ? reference.add(chosen) : chosen;
            }
            values.add(v);
        }
        return values;
    }

    ObjectNode measurement(MeasurementType type, UUID citizen, List<BigDecimal> values) {
        ObjectNode m = json.createObjectNode().put("senderId", "types-" + UUID.randomUUID()).put("citizenId", citizen.toString())
                .put("type", type.name()).put("measuredAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).toString());
        for (int i = 0; i < type.quantities().size(); i++) {
            Quantity q = type.quantities().get(i);
            if (q.decimals() == 0) m.put(q.field(), values.get(i).intValueExact()); else m.put(q.field(), values.get(i));
        }
        if (!type.primary().units().isEmpty()) {
            m.put("unit", type.primary().units().get(0));
        }
        return m;
    }

    /** An Observation of the type under the code, its values where the descriptor says FHIR carries them. */
    String observation(MeasurementType type, FhirCode code, UUID citizen, List<BigDecimal> values, String at) {
        ObjectNode o = resource(code, citizen, at);
        if (type.quantities().size() > 1) {
            var components = o.putArray("component");
            for (int i = 0; i < type.quantities().size(); i++) {
                Quantity q = type.quantities().get(i);
                ObjectNode component = components.addObject();
                coding(component.putObject("code"), q.fhirCodes().get(0));
                quantity(component.putObject("valueQuantity"), q, values.get(i), q.units().get(0));
            }
        } else if (!type.primary().labels().isEmpty()) {
            o.put("valueInteger", values.get(0).intValueExact());
        } else {
            List<String> units = type.fhirUnits(code);
            quantity(o.putObject("valueQuantity"), type.primary(), values.get(0).multiply(BigDecimal.valueOf(code.days())),
                    units.isEmpty() ? null : units.get(0));
        }
        return o.toString();
    }

    /** An Observation of one value of a type with two, under the value's first code. */
    String alone(MeasurementType type, int index, UUID citizen, BigDecimal value, String at) {
        Quantity q = type.quantities().get(index);
        assertThat(q.fhirCodes()).as(q.name() + " declares the codes of its component").isNotEmpty();
        ObjectNode o = resource(q.fhirCodes().get(0), citizen, at);
        quantity(o.putObject("valueQuantity"), q, value, q.units().get(0));
        return o.toString();
    }

    ObjectNode resource(FhirCode code, UUID citizen, String at) {
        ObjectNode o = json.createObjectNode().put("resourceType", "Observation").put("status", "final");
        o.putArray("identifier").addObject().put("system", "urn:carepath:test:types").put("value", UUID.randomUUID().toString());
        coding(o.putObject("code"), code);
        o.putObject("subject").put("reference", "Patient/" + citizen);
        o.put("effectiveDateTime", at);
        return o;
    }

    static void coding(ObjectNode concept, FhirCode code) {
        concept.putArray("coding").addObject().put("system", code.system()).put("code", code.code());
    }

    static void quantity(ObjectNode node, Quantity q, BigDecimal value, String unit) {
        if (q.decimals() == 0) node.put("value", value.intValueExact()); else node.put("value", value);
        if (unit != null) {
            node.put("unit", unit).put("system", FhirCodes.UCUM).put("code", unit);
        }
    }

    ResponseEntity<JsonNode> fhir(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/fhir+json"));
        return http.withBasicAuth("testsender", "secret").exchange("/api/fhir/Observation", HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    ResponseEntity<JsonNode> post(String user, String path, JsonNode body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "secret").exchange(path, HttpMethod.POST, new HttpEntity<>(body.toString(), headers), JsonNode.class);
    }
}
