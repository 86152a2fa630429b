package dk.carepath.measurement;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import dk.carepath.citizen.CitizenView;
import dk.carepath.citizen.Citizens;
import dk.carepath.citizen.CprNumber;
import dk.carepath.citizen.InvalidCprNumberException;
import dk.carepath.pathway.MeasurementType;
import dk.carepath.web.InvalidRequestException;
import dk.carepath.web.InvalidRequestException.FieldProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Reads FHIR R4 Observations (alone or in a Bundle of type batch or transaction) with HAPI FHIR
 * and maps them to measurements: LOINC and the Danish NPU/MCS codes, UCUM units, blood pressure as
 * one panel with systolic and diastolic components, the citizen as {@code Patient/<id>} or by CPR
 * identifier, the sender's id as the Observation's identifier. Problems name FHIR paths.
 */
@Component
class FhirObservations {

    static final String LOINC = "http://loinc.org";
    static final String NPU = "urn:oid:1.2.208.176.2.1";
    static final String MCS = "urn:oid:1.2.208.184.100.8";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String CPR = "urn:oid:1.2.208.176.1.2";
    static final String SYMPTOMS = "https://carepath.dk/fhir/CodeSystem/heart-failure-symptom";

    /** code system -> code -> what it measures */
    static final Map<String, Map<String, MeasurementType>> CODES = Map.of(
            LOINC, Map.of("29463-7", MeasurementType.WEIGHT, "8867-4", MeasurementType.PULSE, "85354-9", MeasurementType.BLOOD_PRESSURE,
                    "41950-7", MeasurementType.STEPS, "88020-3", MeasurementType.PRO_QUESTIONNAIRE),
            NPU, Map.of("NPU03804", MeasurementType.WEIGHT, "NPU21692", MeasurementType.PULSE),
            MCS, Map.of("MCS88192", MeasurementType.STEPS));
    static final Set<String> SYSTOLIC = Set.of(LOINC + "|8480-6", NPU + "|DNK05472");
    static final Set<String> DIASTOLIC = Set.of(LOINC + "|8462-4", NPU + "|DNK05473");

    /** Where a FHIR Observation carries what the validation names */
    static final Map<String, String> FIELDS = Map.of(
            "value", "valueQuantity.value",
            "unit", "valueQuantity.code",
            "systolic", "component[systolic].valueQuantity.value",
            "diastolic", "component[diastolic].valueQuantity.value",
            "nyhaClass", "valueInteger",
            "measuredAt", "effectiveDateTime");

    private final FhirContext fhir = FhirContext.forR4Cached();
    private final Citizens citizens;

    FhirObservations(Citizens citizens) {
        this.citizens = citizens;
    }

    private IParser parser() {
        return fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    /** Parses one Observation; malformed or invalid content throws a 400 naming the FHIR path. */
    MeasurementInput observation(String json, String sender, Instant now) {
        Resource resource = parse(json, "Observation");
        if (!(resource instanceof Observation observation)) {
            throw invalid("resourceType", "must be Observation, not " + resource.fhirType());
        }
        List<FieldProblem> problems = new ArrayList<>();
        MeasurementInput input = map(observation, sender, "Observation.", problems, now);
        if (input == null) {
            throw new InvalidRequestException(problems);
        }
        return input;
    }

    /** Parses a Bundle of type batch or transaction; every invalid entry is reported, none stored. */
    List<MeasurementInput> bundle(String json, String sender, Instant now) {
        Resource resource = parse(json, "Bundle");
        if (!(resource instanceof Bundle bundle)) {
            throw invalid("resourceType", "must be Bundle, not " + resource.fhirType());
        }
        if (bundle.getType() != Bundle.BundleType.BATCH && bundle.getType() != Bundle.BundleType.TRANSACTION) {
            throw invalid("Bundle.type", "must be batch or transaction");
        }
        if (bundle.getEntry().isEmpty() || bundle.getEntry().size() > MeasurementController.MAX_BATCH) {
            throw invalid("Bundle.entry", "must hold 1 to " + MeasurementController.MAX_BATCH + " entries");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<MeasurementInput> inputs = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
            String path = "Bundle.entry[" + i + "].";
            if (!(entry.getResource() instanceof Observation observation)) {
                problems.add(new FieldProblem(path + "resource", "must be an Observation"));
                continue;
            }
            if (entry.hasRequest() && entry.getRequest().getMethod() != Bundle.HTTPVerb.POST) {
                problems.add(new FieldProblem(path + "request.method", "must be POST"));
            }
            inputs.add(map(observation, sender, path + "resource.", problems, now));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return inputs;
    }

    private Resource parse(String json, String expected) {
        if (json == null || json.isBlank()) {
            throw invalid(expected, "the body must be a FHIR " + expected + " in JSON");
        }
        com.fasterxml.jackson.databind.JsonNode tree = FhirShape.read(json, expected);
        com.fasterxml.jackson.databind.JsonNode type = tree.path("resourceType");
        if (type.isTextual() && !type.asText().equals(expected)) {
            throw invalid("resourceType", "must be " + expected + ", not " + Validation.excerpt(type.asText()));
        }
        List<FieldProblem> problems = FhirShape.check(fhir, tree, expected);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        try {
            return (Resource) parser().parseResource(json);
        } catch (DataFormatException | ClassCastException e) {
            // (what the shape check lets through and HAPI still refuses: named by the element HAPI names, if any)
            java.util.regex.Matcher element = java.util.regex.Pattern.compile("\\[element=\"([A-Za-z0-9_]{1,64})\"]")
                    .matcher(String.valueOf(e.getMessage()));
            String message = String.valueOf(e.getMessage());
            throw invalid(element.find() ? expected + "." + element.group(1) : expected, "not a valid FHIR R4 " + expected + ": "
                    + (message.length() > 200 ? message.substring(0, 200) + "…" : message));
        }
    }

    private MeasurementInput map(Observation o, String sender, String path, List<FieldProblem> problems, Instant now) {
        int before = problems.size();
        Validation v = new Validation(path, problems, FIELDS);
        // status: only final results are measurements
        if (o.getStatus() == null || !Set.of(Observation.ObservationStatus.FINAL, Observation.ObservationStatus.AMENDED,
                Observation.ObservationStatus.CORRECTED).contains(o.getStatus())) {
            v.problem("status", "must be final, amended or corrected");
        }
        // identifier: the sender's own id, within the authenticated sender's source: naming another's
        // identifier system keeps a sender in its own namespace, so it can never take another's ids
        String source = sender;
        String senderId = null;
        if (o.getIdentifier().isEmpty() || !o.getIdentifierFirstRep().hasValue()) {
            v.problem("identifier", "is required: the sender's own id of the measurement, so that sending it again stores it once");
        } else {
            Identifier id = o.getIdentifierFirstRep();
            String value = v.identifier("identifier.value", id.getValue());
            String system = id.hasSystem() ? v.identifier("identifier.system", id.getSystem()) : "";
            if (value != null && system != null) {
                senderId = system.isEmpty() ? value : system + "|" + value;
                if (senderId.length() > Validation.MAX_ID) {
                    v.problem("identifier", "system and value together must be at most " + Validation.MAX_ID + " characters");
                }
            }
        }
        UUID citizenId = subject(o.getSubject(), v);
        Instant measuredAt = null;
        if (!o.hasEffectiveDateTimeType() || o.getEffectiveDateTimeType().getValue() == null) {
            v.problem("effectiveDateTime", "is required: the moment of the measurement (an extension alone gives no time)");
        } else if (!moment(o.getEffectiveDateTimeType())) {
            // a partial date is no moment, and Carepath does not make one up (2026 is not 2026-01-01T00:00)
            v.problem("effectiveDateTime", "must be a moment: a date and a time to the second with its offset"
                    + " (e.g. 2026-11-23T07:45:00+01:00), not only " + o.getEffectiveDateTimeType().getPrecision().name().toLowerCase());
        } else {
            measuredAt = o.getEffectiveDateTimeType().getValue().toInstant();
            v.measuredAt(measuredAt, now);
        }
        boolean complete = complete(o.getCode(), "code", v);
        for (int i = 0; i < o.getComponent().size(); i++) {
            complete &= complete(o.getComponent().get(i).getCode(), "component[" + i + "].code", v);
        }
        MeasurementType type = complete ? type(o.getCode(), v) : null;
        if (type == null) {
            return null;
        }
        BigDecimal value = null;
        BigDecimal value2 = null;
        String unit = null;
        List<String> symptoms = List.of();
        switch (type) {
            case WEIGHT, PULSE, STEPS -> {
                Quantity q = quantity(o, v, "valueQuantity");
                if (q != null) {
                    value = q.getValue();
                    unit = unit(q, v, "valueQuantity");
                    v.values(type, value, null, "value");
                    v.unit(type, unit == null && type == MeasurementType.STEPS ? null : unit);
                }
            }
            case BLOOD_PRESSURE -> {
                for (Observation.ObservationComponentComponent component : o.getComponent()) {
                    String code = component.getCode().getCoding().stream().map(c -> c.getSystem() + "|" + c.getCode())
                            .filter(c -> SYSTOLIC.contains(c) || DIASTOLIC.contains(c)).findFirst().orElse(null);
                    if (code == null || !component.hasValueQuantity() || component.getValueQuantity().getValue() == null) {
                        continue;
                    }
                    Quantity q = component.getValueQuantity();
                    String u = unit(q, v, "component.valueQuantity");
                    if (u != null && !MeasurementType.BLOOD_PRESSURE.primary().units().contains(u)) {
                        v.problem("component.valueQuantity.code", "'" + u + "' is not a unit of blood pressure (UCUM mm[Hg])");
                    }
                    unit = u;
                    if (SYSTOLIC.contains(code)) {
                        value = q.getValue();
                    } else {
                        value2 = q.getValue();
                    }
                }
                if (value == null) {
                    v.problem("component", "needs a systolic component (LOINC 8480-6 or NPU DNK05472) with a valueQuantity");
                }
                if (value2 == null) {
                    v.problem("component", "needs a diastolic component (LOINC 8462-4 or NPU DNK05473) with a valueQuantity");
                }
                v.values(type, value, value2, "systolic");
            }
            case PRO_QUESTIONNAIRE -> {
                if (o.getValue() instanceof IntegerType nyha && nyha.getValue() != null) {
                    value = BigDecimal.valueOf(nyha.getValue());
                    v.values(type, value, null, "nyhaClass");
                } else {
                    v.problem("nyhaClass", "the NYHA class (1-4) is required as valueInteger");
                }
                List<String> found = new ArrayList<>();
                for (int i = 0; i < o.getComponent().size(); i++) {
                    Observation.ObservationComponentComponent component = o.getComponent().get(i);
                    List<Coding> codings = component.getCode().getCoding();
                    for (int j = 0; j < codings.size(); j++) {
                        Coding coding = codings.get(j);
                        if (!SYMPTOMS.equals(coding.getSystem())) {
                            continue;
                        }
                        Symptom symptom = java.util.Arrays.stream(Symptom.values()).filter(s -> s.name().equals(coding.getCode()))
                                .findFirst().orElse(null);
                        if (symptom == null) {
                            v.problem("component[" + i + "].code.coding[" + j + "].code", "unknown symptom code "
                                    + Validation.excerpt(coding.getCode()) + " in " + SYMPTOMS + " (one of " + List.of(Symptom.values()) + ")");
                        } else if (!(component.getValue() instanceof org.hl7.fhir.r4.model.BooleanType answer) || answer.getValue() == null) {
                            v.problem("component[" + i + "].valueBoolean", "is required: whether the citizen has "
                                    + symptom.name() + " (true or false)");
                        } else if (answer.getValue()) {
                            found.add(symptom.name());
                        }
                    }
                }
                symptoms = found.stream().distinct().sorted().toList();
            }
        }
        if (problems.size() > before || citizenId == null) {
            return null;
        }
        return new MeasurementInput(source, senderId, citizenId, type, value, value2, symptoms, unit, Validation.atStoredPrecision(measuredAt));
    }

    private UUID subject(Reference subject, Validation v) {
        if (subject == null || subject.isEmpty()) {
            v.problem("subject", "is required: Patient/<citizen id> or the CPR identifier");
            return null;
        }
        if (subject.getReference() != null) {
            String ref = subject.getReference();
            UUID id = ref.startsWith("Patient/") ? Validation.uuid(ref.substring("Patient/".length())) : null;
            if (id == null) {
                v.problem("subject.reference", "must be Patient/<citizen id>");
            }
            return id;
        }
        if (subject.hasIdentifier() && CPR.equals(subject.getIdentifier().getSystem())) {
            try {
                CprNumber cpr = CprNumber.of(subject.getIdentifier().getValue());
                return citizens.findByCpr(cpr).map(CitizenView::id).orElseGet(() -> {
                    v.problem("subject.identifier", "no citizen with that CPR number");
                    return null;
                });
            } catch (InvalidCprNumberException e) {
                v.problem("subject.identifier", e.getMessage());
                return null;
            }
        }
        v.problem("subject", "must reference Patient/<citizen id> or carry a CPR identifier (" + CPR + ")");
        return null;
    }

    /** Whether every coding of a code names both its system and its code; each that does not is a problem. */
    private static boolean complete(CodeableConcept code, String field, Validation v) {
        boolean complete = true;
        for (int i = 0; i < code.getCoding().size(); i++) {
            Coding coding = code.getCoding().get(i);
            if (coding.getSystem() == null || coding.getSystem().isBlank()) {
                v.problem(field + ".coding[" + i + "].system", "is required: the code system (LOINC http://loinc.org, NPU " + NPU
                        + ", MCS " + MCS + ")");
                complete = false;
            }
            if (coding.getCode() == null || coding.getCode().isBlank()) {
                v.problem(field + ".coding[" + i + "].code", "is required: a coding without its code says nothing");
                complete = false;
            }
        }
        return complete;
    }

    /** A date and time to the second (or finer) with its offset: the only thing that is a moment. */
    private static boolean moment(org.hl7.fhir.r4.model.DateTimeType at) {
        return at.getPrecision().ordinal() >= ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND.ordinal()
                && (at.isTimeZoneZulu() || at.getTimeZone() != null);
    }

    private static MeasurementType type(CodeableConcept code, Validation v) {
        if (code == null || code.getCoding().isEmpty()) {
            v.problem("code", "is required (LOINC, NPU or MCS)");
            return null;
        }
        for (Coding coding : code.getCoding()) {
            MeasurementType type = CODES.getOrDefault(coding.getSystem(), Map.of()).get(coding.getCode());
            if (type != null) {
                return type;
            }
        }
        Coding first = code.getCodingFirstRep();
        v.problem("code", "unknown code " + Validation.excerpt(first.getSystem() + "|" + first.getCode())
                + " (weight LOINC 29463-7/NPU03804, pulse 8867-4/NPU21692, blood pressure 85354-9, steps 41950-7/MCS88192, NYHA 88020-3)");
        return null;
    }

    private static Quantity quantity(Observation o, Validation v, String field) {
        if (!o.hasValueQuantity()) {
            v.problem(field, "is required");
            return null;
        }
        Quantity q = o.getValueQuantity();
        if (q.getValue() == null) {
            v.problem(field + ".value", "is required");
            return null;
        }
        return q;
    }

    /** The UCUM code of a quantity (or its unit text when no code is given). */
    private static String unit(Quantity q, Validation v, String field) {
        if (q.hasSystem() && !UCUM.equals(q.getSystem())) {
            v.problem(field + ".system", "must be UCUM (" + UCUM + ")");
        }
        return q.hasCode() ? q.getCode() : q.hasUnit() ? q.getUnit() : null;
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldProblem(field, message)));
    }
}
