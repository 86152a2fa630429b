package dk.carepath.measurement;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import dk.carepath.citizen.CitizenView;
import dk.carepath.citizen.Citizens;
import dk.carepath.citizen.CprNumber;
import dk.carepath.citizen.FhirPatients;
import dk.carepath.citizen.InvalidCprNumberException;
import dk.carepath.pathway.MeasurementType;
import dk.carepath.web.InvalidRequestException;
import dk.carepath.web.InvalidRequestException.FieldProblem;
import dk.carepath.web.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads FHIR R4 submissions with HAPI FHIR — an Observation, a Bundle of type batch or transaction,
 * or the national infrastructure's {@code $submit-measurement} Parameters — into {@link FhirItem}s:
 * the codes of {@link FhirCodes}, UCUM units, the time as {@code effectiveDateTime},
 * {@code effectivePeriod} or {@code effectiveInstant}, the citizen by {@code Patient/<id>}, by a
 * Patient URL of a configured patient service, by a contained Patient's CPR number or by the CPR
 * identifier; blood pressure as a panel or in two halves; a QuestionnaireResponse of a mapped
 * questionnaire as the PRO measurement; corrections and retractions by status. Problems name FHIR
 * paths: 400 for what is malformed or impossible, 422 for a subject no citizen answers to.
 */
@Component
class FhirObservations {

    static final String LOINC = FhirCodes.LOINC;
    static final String NPU = FhirCodes.NPU;
    static final String MCS = FhirCodes.MCS;
    static final String UCUM = FhirCodes.UCUM;
    static final String CPR = FhirCodes.CPR;
    static final String SYMPTOMS = FhirCodes.SYMPTOMS;
    static final String EFFECTIVE_PERIOD = "http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-effectivePeriod";

    /**
     * Where a FHIR Observation carries what the validation names, as the descriptors shape it: the one value of a
     * type in {@code valueQuantity} ({@code valueInteger} for a class), each value of a type with several in its
     * component ({@code component[systolic]})
     */
    static final Map<String, String> FIELDS = fields();

    private static Map<String, String> fields() {
        Map<String, String> fields = new HashMap<>(Map.of("unit", "valueQuantity.code", "measuredAt", "effectiveDateTime"));
        for (MeasurementType type : MeasurementType.values()) {
            for (dk.carepath.pathway.Quantity q : type.quantities()) {
                fields.putIfAbsent(q.field(), type.quantities().size() > 1 ? "component[" + q.name() + "].valueQuantity.value"
                        : q.labels().isEmpty() ? "valueQuantity.value" : "valueInteger");
            }
        }
        return Map.copyOf(fields);
    }

    private final FhirContext fhir = FhirContext.forR4Cached();
    private final Citizens citizens;
    private final FhirPatients patients;
    private final FhirProperties properties;

    FhirObservations(Citizens citizens, FhirPatients patients, FhirProperties properties) {
        this.citizens = citizens;
        this.patients = patients;
        this.properties = properties;
    }

    FhirContext context() {
        return fhir;
    }

    private IParser parser() {
        return fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    /** What the reading of one request found: the items, and the problems of each kind. */
    private static final class Reading {
        final List<FieldProblem> invalid = new ArrayList<>();
        final List<FieldProblem> unresolved = new ArrayList<>();
        final List<FhirItem> items = new ArrayList<>();

        List<FhirItem> result() {
            if (!invalid.isEmpty()) {
                throw new InvalidRequestException(invalid);
            }
            if (!unresolved.isEmpty()) {
                FieldProblem first = unresolved.get(0);
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, first.field(), first.message());
            }
            return items;
        }
    }

    /** Parses one Observation; malformed or invalid content throws a 400 naming the FHIR path. */
    FhirItem observation(String json, String sender, Instant now) {
        Resource resource = parse(json, "Observation");
        if (!(resource instanceof Observation observation)) {
            throw invalid("resourceType", "must be Observation, not " + resource.fhirType());
        }
        Reading reading = new Reading();
        FhirItem item = observation(observation, null, sender, "Observation.", reading, now);
        if (item != null) {
            reading.items.add(item);
        }
        List<FhirItem> items = reading.result();
        if (items.isEmpty()) {
            throw invalid("Observation", "is no measurement Carepath can read");
        }
        return items.get(0);
    }

    /** What a Bundle carries, and whether it is a transaction (else a batch). */
    record Submission(List<FhirItem> items, boolean transaction) {
    }

    /** Parses a Bundle of type batch or transaction; every invalid entry is reported, none stored. */
    Submission bundle(String json, String sender, Instant now) {
        Resource resource = parse(json, "Bundle");
        if (!(resource instanceof Bundle bundle)) {
            throw invalid("resourceType", "must be Bundle, not " + resource.fhirType());
        }
        return new Submission(bundle(bundle, "Bundle", sender, now), bundle.getType() == Bundle.BundleType.TRANSACTION);
    }

    /**
     * The national infrastructure's {@code $submit-measurement}: a Parameters whose parameter
     * {@code measurement} is the submission Bundle (Observations, QuestionnaireResponses, Media, Provenance).
     */
    Submission submitMeasurement(String json, String sender, Instant now) {
        Resource resource = parse(json, "Parameters");
        if (!(resource instanceof Parameters parameters)) {
            throw invalid("resourceType", "must be Parameters, not " + resource.fhirType());
        }
        List<Parameters.ParametersParameterComponent> given = parameters.getParameter();
        for (int i = 0; i < given.size(); i++) {
            if (!"measurement".equals(given.get(i).getName())) {
                throw invalid("Parameters.parameter[" + i + "].name", "unknown parameter "
                        + Validation.excerpt(String.valueOf(given.get(i).getName())) + ": $submit-measurement takes one, measurement");
            }
        }
        if (given.size() != 1 || !(given.get(0).getResource() instanceof Bundle bundle)) {
            throw invalid("Parameters.parameter", "needs exactly one parameter measurement with the submission Bundle as its resource");
        }
        return new Submission(bundle(bundle, "Parameters.parameter[0].resource", sender, now), true);
    }

    private List<FhirItem> bundle(Bundle bundle, String root, String sender, Instant now) {
        if (bundle.getType() != Bundle.BundleType.BATCH && bundle.getType() != Bundle.BundleType.TRANSACTION) {
            throw invalid(root + ".type", "must be batch or transaction");
        }
        if (bundle.getEntry().isEmpty() || bundle.getEntry().size() > MeasurementController.MAX_BATCH) {
            throw invalid(root + ".entry", "must hold 1 to " + MeasurementController.MAX_BATCH + " entries");
        }
        Reading reading = new Reading();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
            String path = (root.equals("Bundle") ? "Bundle" : root) + ".entry[" + i + "].";
            String fullUrl = entry.hasFullUrl() ? entry.getFullUrl() : null;
            if (entry.hasRequest() && entry.getRequest().getMethod() != Bundle.HTTPVerb.POST) {
                reading.invalid.add(new FieldProblem(path + "request.method", "must be POST"));
            }
            Resource r = entry.getResource();
            FhirItem item;
            if (r instanceof Observation o) {
                item = observation(o, fullUrl, sender, path + "resource.", reading, now);
            } else if (r instanceof QuestionnaireResponse q) {
                item = questionnaireResponse(q, fullUrl, sender, path + "resource.", reading, now);
            } else if (r != null && SKIPPED.containsKey(r.fhirType())) {
                item = FhirItem.skipped(path + "resource", r, SKIPPED.get(r.fhirType()));
            } else {
                reading.invalid.add(new FieldProblem(path + "resource", "must be an Observation or a QuestionnaireResponse (Media and "
                        + "Provenance are acknowledged and not stored), not " + (r == null ? "empty" : r.fhirType())));
                continue;
            }
            if (item != null) {
                reading.items.add(item);
            }
        }
        return reading.result();
    }

    /** What a submission may carry besides measurements, and why Carepath does not store it. */
    static final Map<String, String> SKIPPED = Map.of(
            "Media", "not stored: Carepath colours measurements and keeps no images or documents of them",
            "Provenance", "not stored: Carepath keeps the measurements' own identifiers and times, not their provenance");

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

    // ---- Observation

    private FhirItem observation(Observation o, String fullUrl, String sender, String path, Reading reading, Instant now) {
        int before = reading.invalid.size();
        int unresolvedBefore = reading.unresolved.size();
        Map<String, String> fields = new HashMap<>(FIELDS);
        if (!o.hasEffectiveDateTimeType() && o.hasEffectivePeriod()) {
            fields.put("measuredAt", "effectivePeriod.end");
        } else if (!o.hasEffectiveDateTimeType() && o.hasEffectiveInstantType()) {
            fields.put("measuredAt", "effectiveInstant");
        }
        Validation v = new Validation(path, reading.invalid, fields);
        boolean amended = false;
        boolean retraction = false;
        if (o.getStatus() == null) {
            v.problem("status", "is required: final, amended, corrected or entered-in-error");
        } else {
            switch (o.getStatus()) {
                case FINAL -> {
                }
                case AMENDED, CORRECTED -> amended = true;
                case ENTEREDINERROR -> retraction = true;
                default -> v.problem("status", "must be final, amended, corrected or entered-in-error (a retraction), not "
                        + o.getStatus().toCode());
            }
        }
        String senderId = senderId(o.getIdentifier(), fullUrl, v);
        if (retraction) {
            // a retraction names the measurement by its identifier; what else it says (the values it withdraws) is not read
            if (reading.invalid.size() > before || senderId == null) {
                return null;
            }
            return new FhirItem(FhirItem.Kind.RETRACTION, false, path.substring(0, path.length() - 1), o,
                    new MeasurementInput(sender, senderId, null, null, null, null, List.of(), null, null), null, null, null, null,
                    o.hasNote() && o.getNoteFirstRep().hasText() ? o.getNoteFirstRep().getText() : null);
        }
        Subject subject = subject(o.getSubject(), o, "Observation", path, v, reading);
        Instant[] effective = effective(o, v, now);
        Instant measuredAt = effective == null ? null : effective[1];
        Instant periodStart = effective == null ? null : effective[0];

        boolean complete = complete(o.getCode(), "code", v);
        for (int i = 0; i < o.getComponent().size(); i++) {
            complete &= complete(o.getComponent().get(i).getCode(), "component[" + i + "].code", v);
        }
        if (!complete) {
            return null;
        }
        FhirCodes.Meaning meaning = null;
        FhirCodes.HalfMeaning half = null;
        for (Coding coding : o.getCode().getCoding()) {
            meaning = meaning != null ? meaning : FhirCodes.meaning(coding.getSystem(), coding.getCode()).orElse(null);
            half = half != null ? half : FhirCodes.half(coding.getSystem(), coding.getCode()).orElse(null);
        }
        if (o.getCode().getCoding().isEmpty()) {
            v.problem("code", "is required (LOINC, NPU, MCS or SKS)");
            return null;
        }
        if (meaning == null && half == null) {
            Coding first = o.getCode().getCodingFirstRep();
            v.problem("code", "unknown code " + Validation.excerpt(first.getSystem() + "|" + first.getCode()) + " (" + FhirCodes.known() + ")");
            return null;
        }
        String basedOn = o.hasBasedOn() && o.getBasedOnFirstRep().hasReference() ? o.getBasedOnFirstRep().getReference() : null;
        if (meaning == null) {
            return half(o, half, sender, senderId, subject, measuredAt, periodStart, basedOn, amended, path, v, reading, before, unresolvedBefore);
        }
        MeasurementType type = meaning.type();
        BigDecimal value = null;
        BigDecimal value2 = null;
        String unit = null;
        List<String> symptoms = List.of();
        // how the value is carried follows from the type's descriptor: several values as components, a class as an integer,
        // one figure as a quantity
        if (type.quantities().size() > 1) {
            BigDecimal[] values = new BigDecimal[type.quantities().size()];
            for (int i = 0; i < o.getComponent().size(); i++) {
                Observation.ObservationComponentComponent component = o.getComponent().get(i);
                FhirCodes.HalfMeaning which = component.getCode().getCoding().stream()
                        .map(c -> FhirCodes.half(c.getSystem(), c.getCode()).orElse(null))
                        .filter(h -> h != null && h.type() == type).findFirst().orElse(null);
                if (which == null || !component.hasValueQuantity() || component.getValueQuantity().getValue() == null) {
                    continue;
                }
                Quantity q = component.getValueQuantity();
                comparator(q, v, "component[" + i + "].valueQuantity.comparator");
                String u = unit(q, v, "component.valueQuantity");
                List<String> units = which.quantity().units();
                if (u != null && !units.contains(u)) {
                    v.problem("component.valueQuantity.code", "'" + u + "' is not a unit of " + type + " (UCUM " + units.get(0) + ")");
                }
                unit = u;
                values[which.half().index()] = q.getValue();
            }
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    dk.carepath.pathway.Quantity q = type.quantities().get(i);
                    v.problem("component", "needs a " + q.name() + " component (" + q.fhirCodes().stream()
                            .map(dk.carepath.pathway.FhirCode::shortName).collect(java.util.stream.Collectors.joining(" or ")) + ") with a valueQuantity");
                }
            }
            value = values[0];
            value2 = values[1];
            v.values(type, value, value2, type.primary().field());
        } else if (!type.primary().labels().isEmpty()) {
            dk.carepath.pathway.Quantity d = type.primary();
            if (o.getValue() instanceof IntegerType answer && answer.getValue() != null) {
                value = BigDecimal.valueOf(answer.getValue());
                v.values(type, value, null, d.field());
            } else {
                v.problem(d.field(), "the " + d.danish() + " (" + d.possible() + ") is required as valueInteger");
            }
        } else {
            Quantity q = quantity(o, v, "valueQuantity");
            if (q != null) {
                value = q.getValue();
                unit = unit(q, v, "valueQuantity");
                dk.carepath.pathway.Quantity d = type.primary();
                if (meaning.counted()) {
                    dk.carepath.pathway.Quantity.Range possible = meaning.possible();
                    if (!possible.contains(value) || (d.decimals() == 0 && value.stripTrailingZeros().scale() > 0)) {
                        v.problem("value", "a count of " + meaning.code().days() + " days of " + d.danish() + " must be "
                                + (d.decimals() == 0 ? "a whole number " : "") + "from " + possible.min() + " to " + possible.max());
                    }
                } else {
                    v.values(type, value, null, d.field());
                }
                boolean noUnitAllowed = type.unitOptional() && !meaning.counted();
                if (unit == null && !noUnitAllowed) {
                    v.problem("unit", "is required for " + type + " (" + meaning.units().stream().sorted().toList() + ")");
                } else if (unit != null && !meaning.units().contains(unit.strip())) {
                    v.problem("unit", Validation.excerpt(unit) + " is not a unit of " + type + " for this code (UCUM: "
                            + meaning.units().stream().sorted().toList() + ")");
                }
            }
        }
        if (type.answersSymptoms()) {
            symptoms = symptomComponents(o, v);
        }
        if (reading.invalid.size() > before || reading.unresolved.size() > unresolvedBefore || subject == null || senderId == null
                || measuredAt == null) {
            return null;
        }
        MeasurementInput input = new MeasurementInput(sender, senderId, subject.citizenId(), type, value, value2, symptoms,
                unit == null ? null : unit.strip(), Validation.atStoredPrecision(measuredAt));
        return new FhirItem(FhirItem.Kind.MEASUREMENT, amended, path.substring(0, path.length() - 1), o, input, null, basedOn,
                Validation.atStoredPrecision(periodStart), subject.learn(), null);
    }

    /**
     * An Observation of one value of a type with two: a half of a blood pressure (DNK05472 systolic, DNK05473
     * diastolic, or their LOINC codes), as its descriptor codes the values.
     */
    private FhirItem half(Observation o, FhirCodes.HalfMeaning half, String sender, String senderId, Subject subject, Instant measuredAt,
                          Instant periodStart, String basedOn, boolean amended, String path, Validation v, Reading reading,
                          int before, int unresolvedBefore) {
        MeasurementType type = half.type();
        boolean first = half.half() == FhirCodes.Half.SYSTOLIC;
        Quantity q = quantity(o, v, "valueQuantity");
        BigDecimal value = null;
        String unit = null;
        if (q != null) {
            value = q.getValue();
            unit = unit(q, v, "valueQuantity");
            List<String> units = half.quantity().units();
            if (unit == null) {
                v.problem("unit", "is required for a " + type + " (UCUM " + units.get(0) + ")");
            } else if (!units.contains(unit.strip())) {
                v.problem("unit", Validation.excerpt(unit) + " is not a unit of " + type + " (UCUM " + units.get(0) + ")");
            }
            Map<String, String> named = new HashMap<>();
            type.quantities().forEach(each -> named.put(each.field(), "valueQuantity.value"));
            new Validation(path, reading.invalid, named).values(type, first ? value : null, first ? null : value, type.primary().field());
        }
        if (periodStart != null) {
            v.problem("effectivePeriod", "a half of a " + type + " is measured at a moment: start and end must be the same");
        }
        if (reading.invalid.size() > before || reading.unresolved.size() > unresolvedBefore || subject == null || senderId == null
                || measuredAt == null) {
            return null;
        }
        MeasurementInput input = new MeasurementInput(sender, senderId, subject.citizenId(), type,
                first ? value : null, first ? null : value, List.of(),
                unit.strip(), Validation.atStoredPrecision(measuredAt));
        return new FhirItem(FhirItem.Kind.HALF, amended, path.substring(0, path.length() - 1), o, input, half.half(), basedOn, null,
                subject.learn(), null);
    }

    private static List<String> symptomComponents(Observation o, Validation v) {
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
                } else if (!(component.getValue() instanceof BooleanType answer) || answer.getValue() == null) {
                    v.problem("component[" + i + "].valueBoolean", "is required: whether the citizen has "
                            + symptom.name() + " (true or false)");
                } else if (answer.getValue()) {
                    found.add(symptom.name());
                }
            }
        }
        return found.stream().distinct().sorted().toList();
    }

    /**
     * The time of an Observation: {@code effectiveDateTime}, {@code effectiveInstant}, or
     * {@code effectivePeriod} — start = end is that moment, an interval is read at its end with its
     * start kept. @return {periodStart (null for a moment), measuredAt}, or null with the problem recorded
     */
    private static Instant[] effective(Observation o, Validation v, Instant now) {
        if (o.hasEffectiveDateTimeType()) {
            Instant at = moment(o.getEffectiveDateTimeType(), "effectiveDateTime", v);
            return at == null || !measuredAt(at, v, now) ? null : new Instant[] {null, at};
        }
        if (o.hasEffectiveInstantType()) {
            Instant at = moment(o.getEffectiveInstantType(), "effectiveInstant", v);
            return at == null || !measuredAt(at, v, now) ? null : new Instant[] {null, at};
        }
        if (o.hasEffectivePeriod()) {
            Period p = o.getEffectivePeriod();
            if (!p.hasEndElement() || p.getEndElement().getValue() == null) {
                v.problem("effectivePeriod.end", "is required: a measurement is read at the end of its period (FUT: start = end)");
                return null;
            }
            Instant end = moment(p.getEndElement(), "effectivePeriod.end", v);
            Instant start = p.hasStartElement() && p.getStartElement().getValue() != null
                    ? moment(p.getStartElement(), "effectivePeriod.start", v) : end;
            if (start == null || end == null) {
                return null;
            }
            if (start.isAfter(end)) {
                v.problem("effectivePeriod.start", "must not be after effectivePeriod.end");
                return null;
            }
            return !measuredAt(end, v, now) ? null : new Instant[] {start.equals(end) ? null : start, end};
        }
        if (o.hasEffective()) {
            v.problem("effective[x]", "must be effectiveDateTime, effectivePeriod or effectiveInstant, not " + o.getEffective().fhirType());
        } else {
            v.problem("effective[x]", "is required: the moment of the measurement (effectiveDateTime, or effectivePeriod as the national infrastructure sends it)");
        }
        return null;
    }

    private static boolean measuredAt(Instant at, Validation v, Instant now) {
        int before = v.problems().size();
        v.measuredAt(at, now);
        return v.problems().size() == before;
    }

    /** A date and time to the second (or finer) with its offset: the only thing that is a moment. */
    private static Instant moment(BaseDateTimeType at, String field, Validation v) {
        if (at.getValue() == null) {
            v.problem(field, "is required: the moment of the measurement (an extension alone gives no time)");
            return null;
        }
        if (at.getPrecision().ordinal() < ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND.ordinal()
                || !(at.isTimeZoneZulu() || at.getTimeZone() != null)) {
            // a partial date is no moment, and Carepath does not make one up (2026 is not 2026-01-01T00:00)
            v.problem(field, "must be a moment: a date and a time to the second with its offset"
                    + " (e.g. 2026-11-23T07:45:00+01:00), not only " + at.getPrecision().name().toLowerCase());
            return null;
        }
        return at.getValue().toInstant();
    }

    // ---- QuestionnaireResponse

    /**
     * A QuestionnaireResponse of a mapped questionnaire ({@code carepath.fhir.questionnaires}) as the
     * PRO measurement: the NYHA question's answer (valueInteger 1-4, or a valueCoding whose code is 1-4
     * or I-IV) and each symptom question's yes/no; other questions are not read.
     */
    private FhirItem questionnaireResponse(QuestionnaireResponse q, String fullUrl, String sender, String path, Reading reading,
                                           Instant now) {
        int before = reading.invalid.size();
        int unresolvedBefore = reading.unresolved.size();
        Map<String, String> fields = new HashMap<>(Map.of("measuredAt", "authored", "nyhaClass", "item"));
        Extension period = q.getExtensionByUrl(EFFECTIVE_PERIOD);
        if (period != null) {
            fields.put("measuredAt", "extension(" + EFFECTIVE_PERIOD + ").valuePeriod.end");
        }
        Validation v = new Validation(path, reading.invalid, fields);
        boolean amended = false;
        boolean retraction = false;
        if (q.getStatus() == null) {
            v.problem("status", "is required: completed, amended or entered-in-error");
        } else {
            switch (q.getStatus()) {
                case COMPLETED -> {
                }
                case AMENDED -> amended = true;
                case ENTEREDINERROR -> retraction = true;
                default -> v.problem("status", "must be completed, amended or entered-in-error: an answer "
                        + q.getStatus().toCode() + " is not the citizen's answer yet");
            }
        }
        String senderId = senderId(q.hasIdentifier() ? List.of(q.getIdentifier()) : List.of(), fullUrl, v);
        if (retraction) {
            if (reading.invalid.size() > before || senderId == null) {
                return null;
            }
            return new FhirItem(FhirItem.Kind.RETRACTION, false, path.substring(0, path.length() - 1), q,
                    new MeasurementInput(sender, senderId, null, null, null, null, List.of(), null, null), null, null, null, null, null);
        }
        FhirProperties.Questionnaire mapping = properties.questionnaire(q.getQuestionnaire()).orElse(null);
        if (mapping == null) {
            reading.unresolved.add(new FieldProblem(path + "questionnaire", "questionnaire " + Validation.excerpt(String.valueOf(q.getQuestionnaire()))
                    + " is not one Carepath reads as a PRO answer (carepath.fhir.questionnaires: "
                    + properties.questionnaires().values().stream().flatMap(m -> m.urls().stream()).toList() + ")"));
        }
        Subject subject = subject(q.getSubject(), q, "QuestionnaireResponse", path, v, reading);
        Instant measuredAt = null;
        if (period != null && period.getValue() instanceof Period p && p.hasEndElement()) {
            measuredAt = moment(p.getEndElement(), "extension(" + EFFECTIVE_PERIOD + ").valuePeriod.end", v);
        } else if (q.hasAuthoredElement()) {
            measuredAt = moment(q.getAuthoredElement(), "authored", v);
        } else {
            v.problem("authored", "is required: when the citizen answered");
        }
        if (measuredAt != null && !measuredAt(measuredAt, v, now)) {
            measuredAt = null;
        }
        BigDecimal nyha = null;
        List<String> symptoms = new ArrayList<>();
        if (mapping != null) {
            List<Object[]> items = new ArrayList<>();
            flatten(q.getItem(), "item", items);
            for (Object[] found : items) {
                QuestionnaireResponse.QuestionnaireResponseItemComponent item = (QuestionnaireResponse.QuestionnaireResponseItemComponent) found[1];
                String itemPath = (String) found[0];
                if (item.getLinkId().equals(mapping.nyhaLinkId())) {
                    nyha = nyha(item, itemPath, v);
                } else if (mapping.symptomLinkIds().containsKey(item.getLinkId())) {
                    Symptom symptom = mapping.symptomLinkIds().get(item.getLinkId());
                    if (item.getAnswer().size() != 1 || !(item.getAnswerFirstRep().getValue() instanceof BooleanType yes) || yes.getValue() == null) {
                        v.problem(itemPath + ".answer", "needs one valueBoolean: whether the citizen has " + symptom.name());
                    } else if (yes.getValue()) {
                        symptoms.add(symptom.name());
                    }
                }
            }
            if (nyha == null && reading.invalid.size() == before) {
                v.problem("item", "no answer to the NYHA question (linkId " + Validation.excerpt(mapping.nyhaLinkId()) + ")");
            }
        }
        if (reading.invalid.size() > before || reading.unresolved.size() > unresolvedBefore || subject == null || senderId == null
                || measuredAt == null || nyha == null) {
            return null;
        }
        MeasurementInput input = new MeasurementInput(sender, senderId, subject.citizenId(), MeasurementType.PRO_QUESTIONNAIRE, nyha, null,
                symptoms.stream().distinct().sorted().toList(), null, Validation.atStoredPrecision(measuredAt));
        String basedOn = q.hasBasedOn() && q.getBasedOnFirstRep().hasReference() ? q.getBasedOnFirstRep().getReference() : null;
        return new FhirItem(FhirItem.Kind.MEASUREMENT, amended, path.substring(0, path.length() - 1), q, input, null, basedOn, null,
                subject.learn(), null);
    }

    private static void flatten(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items, String path, List<Object[]> into) {
        for (int i = 0; i < items.size(); i++) {
            QuestionnaireResponse.QuestionnaireResponseItemComponent item = items.get(i);
            String at = path + "[" + i + "]";
            into.add(new Object[] {at, item});
            flatten(item.getItem(), at + ".item", into);
            for (int j = 0; j < item.getAnswer().size(); j++) {
                flatten(item.getAnswer().get(j).getItem(), at + ".answer[" + j + "].item", into);
            }
        }
    }

    private static final List<String> ROMAN = List.of("I", "II", "III", "IV");

    private static BigDecimal nyha(QuestionnaireResponse.QuestionnaireResponseItemComponent item, String path, Validation v) {
        if (item.getAnswer().size() != 1) {
            v.problem(path + ".answer", "needs exactly one answer: the NYHA class");
            return null;
        }
        var value = item.getAnswerFirstRep().getValue();
        Integer nyha = null;
        if (value instanceof IntegerType i && i.getValue() != null) {
            nyha = i.getValue();
        } else if (value instanceof Coding c && c.getCode() != null) {
            String code = c.getCode().strip();
            nyha = ROMAN.contains(code) ? ROMAN.indexOf(code) + 1 : code.matches("[1-4]") ? Integer.valueOf(code) : null;
        }
        if (nyha == null || nyha < 1 || nyha > 4) {
            v.problem(path + ".answer[0].value[x]", "must be the NYHA class: valueInteger 1-4, or a valueCoding with code 1-4 or I-IV");
            return null;
        }
        return BigDecimal.valueOf(nyha);
    }

    // ---- identity and subject

    /**
     * The sender's own id of the resource, within the authenticated sender's source: its first identifier
     * (system|value), or in a Bundle its {@code fullUrl} when that is a {@code urn:uuid:}/{@code urn:oid:}.
     */
    private static String senderId(List<Identifier> identifiers, String fullUrl, Validation v) {
        if (identifiers.isEmpty() || !identifiers.get(0).hasValue()) {
            if (fullUrl != null && (fullUrl.startsWith("urn:uuid:") || fullUrl.startsWith("urn:oid:"))) {
                return v.identifier("fullUrl", fullUrl);
            }
            v.problem("identifier", "is required: the sender's own id of the measurement, so that sending it again stores it once"
                    + " (in a Bundle, a urn:uuid fullUrl serves too)");
            return null;
        }
        Identifier id = identifiers.get(0);
        String value = v.identifier("identifier.value", id.getValue());
        String system = id.hasSystem() ? v.identifier("identifier.system", id.getSystem()) : "";
        if (value == null || system == null) {
            return null;
        }
        String senderId = system.isEmpty() ? value : system + "|" + value;
        if (senderId.length() > Validation.MAX_ID) {
            v.problem("identifier", "system and value together must be at most " + Validation.MAX_ID + " characters");
            return null;
        }
        return senderId;
    }

    /** The citizen a resource is about, and a patient link that the CPR number taught. */
    record Subject(UUID citizenId, FhirItem.PatientLink learn) {
    }

    /**
     * The citizen: by {@code Patient/<citizen id>}; by the Patient URL of a configured patient service
     * whose patient is linked to a citizen; by the CPR number of a contained Patient ({@code #id}); by
     * {@code subject.identifier} with the CPR system. When several name the citizen they must agree.
     * A URL of a configured service that is not linked yet is linked by the CPR given with it. None
     * resolving is a 422 naming the subject; Carepath never guesses.
     */
    private Subject subject(Reference subject, DomainResource resource, String type, String path, Validation v, Reading reading) {
        if (subject == null || subject.isEmpty()) {
            v.problem("subject", "is required: Patient/<citizen id>, the Patient URL of a configured patient service, "
                    + "#<contained Patient> or the CPR identifier");
            return null;
        }
        UUID byReference = null;
        FhirPatients.PatientRef unlinked = null;
        String referenceNamed = null;
        UUID byCpr = null;
        String cprField = null;
        int invalidBefore = reading.invalid.size();
        if (subject.hasReference()) {
            String ref = subject.getReference();
            referenceNamed = Validation.excerpt(ref);
            if (ref.startsWith("#")) {
                Patient contained = contained(subject, resource, ref.substring(1));
                if (contained == null) {
                    v.problem("subject.reference", "names no contained Patient: " + referenceNamed);
                    return null;
                }
                Identifier cpr = contained.getIdentifier().stream().filter(i -> CPR.equals(i.getSystem())).findFirst().orElse(null);
                if (cpr == null) {
                    reading.unresolved.add(new FieldProblem(path + "subject.reference", "the contained Patient " + referenceNamed
                            + " carries no CPR identifier (" + CPR + "): Carepath cannot tell whose measurement this is"));
                    return null;
                }
                int i = contained.getIdentifier().indexOf(cpr);
                byCpr = cpr(cpr.getValue(), path + "contained[" + resource.getContained().indexOf(contained) + "].identifier[" + i + "]",
                        v, reading);
                cprField = "the contained Patient's CPR";
                if (byCpr == null) {
                    return null;
                }
            } else if (ref.startsWith("Patient/")) {
                byReference = Validation.uuid(ref.substring("Patient/".length()));
                if (byReference == null) {
                    reading.unresolved.add(new FieldProblem(path + "subject.reference", referenceNamed + " is no Carepath citizen: a relative "
                            + "Patient reference names a Carepath citizen id (a UUID); a patient service's patient is named by its absolute URL "
                            + "(configured services: " + patients.services() + ")"));
                }
            } else if (FhirPatients.looksLikePatientUrl(ref)) {
                Optional<FhirPatients.PatientRef> patient = patients.parse(ref);
                if (patient.isEmpty()) {
                    reading.unresolved.add(new FieldProblem(path + "subject.reference", referenceNamed + " is a patient of a FHIR server "
                            + "Carepath does not read (configured patient services: " + patients.services() + ")"));
                } else {
                    byReference = patients.citizenOf(patient.get()).orElse(null);
                    if (byReference == null) {
                        unlinked = patient.get();
                    }
                }
            } else {
                v.problem("subject.reference", "must be Patient/<citizen id>, the Patient URL of a configured patient service, "
                        + "or #<contained Patient>, not " + referenceNamed);
                return null;
            }
        }
        if (subject.hasIdentifier()) {
            Identifier id = subject.getIdentifier();
            if (CPR.equals(id.getSystem())) {
                UUID found = cpr(id.getValue(), path + "subject.identifier", v, reading);
                if (byCpr != null && found != null && !found.equals(byCpr)) {
                    reading.unresolved.add(new FieldProblem(path + "subject.identifier", "names another citizen than " + cprField));
                    return null;
                }
                byCpr = byCpr != null ? byCpr : found;
                cprField = cprField != null ? cprField : "subject.identifier";
            } else if (!subject.hasReference()) {
                reading.unresolved.add(new FieldProblem(path + "subject.identifier", "must be a CPR identifier (" + CPR
                        + ") to name a citizen, not " + Validation.excerpt(String.valueOf(id.getSystem()))));
                return null;
            }
        }
        if (reading.invalid.size() > invalidBefore) {
            return null;
        }
        if (byReference != null && byCpr != null && !byReference.equals(byCpr)) {
            reading.unresolved.add(new FieldProblem(path + "subject", "subject.reference " + referenceNamed + " and " + cprField
                    + " name different citizens: Carepath does not choose between them"));
            return null;
        }
        if (byReference != null) {
            return new Subject(byReference, null);
        }
        if (byCpr != null) {
            // a reference that names no citizen Carepath knows (a configured service's patient not linked yet, another
            // server's patient) beside a CPR number that does: the CPR number decides, and links the configured service's patient
            reading.unresolved.removeIf(p -> p.field().equals(path + "subject.reference"));
            return new Subject(byCpr, unlinked == null ? null : new FhirItem.PatientLink(byCpr, unlinked));
        }
        if (unlinked != null) {
            reading.unresolved.add(new FieldProblem(path + "subject.reference", "Patient " + unlinked.id() + " of " + unlinked.service()
                    + " is a patient Carepath has not linked to a citizen: give the patient's URL at referral, or send the CPR number once with it (subject.identifier " + CPR + ")"));
        } else if (reading.unresolved.stream().noneMatch(p -> p.field().startsWith(path + "subject"))) {
            reading.unresolved.add(new FieldProblem(path + "subject", "names no citizen Carepath knows"));
        }
        return null;
    }

    private static Patient contained(Reference subject, DomainResource resource, String id) {
        if (subject.getResource() instanceof Patient p) {
            return p;
        }
        for (Resource r : resource.getContained()) {
            String own = r.getIdElement().getIdPart();
            if (r instanceof Patient p && own != null && (own.equals(id) || own.equals("#" + id))) {
                return p;
            }
        }
        return null;
    }

    /** The citizen of a CPR number; an invalid number is a 400, an unknown one a 422. */
    private UUID cpr(String value, String field, Validation v, Reading reading) {
        try {
            CprNumber cpr = CprNumber.of(value);
            Optional<UUID> citizen = citizens.findByCpr(cpr).map(CitizenView::id);
            if (citizen.isEmpty()) {
                reading.unresolved.add(new FieldProblem(field, "no citizen with that CPR number"));
            }
            return citizen.orElse(null);
        } catch (InvalidCprNumberException e) {
            reading.invalid.add(new FieldProblem(field, e.getMessage()));
            return null;
        }
    }

    // ---- values

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
        return comparator(q, v, field + ".comparator") ? q : null;
    }

    /**
     * A value given with a comparator ({@code >} 66) is not a measured value: refused, never stored or
     * coloured as exactly 66. @return whether the quantity has none
     */
    private static boolean comparator(Quantity q, Validation v, String field) {
        if (q.hasComparator()) {
            v.problem(field, "a value given as '" + q.getComparator().toCode() + " " + q.getValue().toPlainString()
                    + "' is no measured value: Carepath stores and colours measured values only; send the value that was measured");
            return false;
        }
        return true;
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
