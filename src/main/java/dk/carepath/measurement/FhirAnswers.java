package dk.carepath.measurement;

import ca.uhn.fhir.context.FhirContext;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * Carepath's FHIR answers: the stored resource (with Carepath's id, and its colour as an
 * interpretation and an extension, the advice to the citizen as an extension), a batch-response or
 * transaction-response Bundle for a Bundle, and the CapabilityStatement of {@code /api/fhir}.
 */
@Component
class FhirAnswers {

    static final String FHIR_JSON = "application/fhir+json;charset=UTF-8";

    private final FhirContext fhir;
    private final FhirProperties properties;

    FhirAnswers(FhirObservations observations, FhirProperties properties) {
        this.fhir = observations.context();
        this.properties = properties;
    }

    String json(Resource resource) {
        return fhir.newJsonParser().encodeResourceToString(resource);
    }

    /** Whether the answer to the outcome is 201 Created (something was stored now) rather than 200. */
    static boolean created(FhirIntake.Outcome o) {
        return !o.again() && (o.status() == FhirIntake.Status.CREATED || o.status() == FhirIntake.Status.WAITING);
    }

    /** The resource's id in Carepath: a measurement's id; a half of a blood pressure its own, part-<id>. */
    static String id(FhirIntake.Outcome o) {
        if (o.item().kind() == FhirItem.Kind.HALF || o.partId() != null) {
            return "part-" + o.partId();
        }
        return o.measurementId() == null ? null : String.valueOf(o.measurementId());
    }

    /** Where the stored resource is: {@code Observation/123}, relative to {@code /api/fhir}. */
    static String location(FhirIntake.Outcome o) {
        String id = id(o);
        return id == null ? null : o.item().resource().fhirType() + "/" + id;
    }

    /** The resource as Carepath stored it: what was sent, with Carepath's id, time, colour and advice. */
    Resource resource(FhirIntake.Outcome o) {
        Resource copy = o.item().resource().copy();
        String id = id(o);
        if (id != null) {
            copy.setId(id);
        }
        copy.getMeta().setLastUpdated(Date.from(o.at()));
        if (!(copy instanceof DomainResource resource)) {
            return copy;
        }
        if (o.status() != FhirIntake.Status.RETRACTED && o.colour() != null) {
            CodeableConcept colour = new CodeableConcept(new Coding(FhirCodes.COLOUR, o.colour().name(), o.colour().danish()));
            colour.setText(o.reason());
            resource.addExtension(new Extension(FhirCodes.COLOUR_EXTENSION, colour));
            if (copy instanceof Observation observation) {
                CodeableConcept interpretation = new CodeableConcept(new Coding(FhirCodes.COLOUR, o.colour().name(), o.colour().danish()));
                String hl7 = FhirCodes.interpretation(o.colour());
                if (hl7 != null) {
                    interpretation.addCoding(new Coding(FhirCodes.INTERPRETATION, hl7, null));
                }
                interpretation.setText(o.reason());
                observation.addInterpretation(interpretation);
            }
            if (o.advice() != null) {
                resource.addExtension(new Extension(FhirCodes.ADVICE_EXTENSION, new StringType(o.advice())));
            }
        }
        if (o.item().kind() == FhirItem.Kind.HALF || o.partId() != null) {
            if (o.measurementId() != null) {
                resource.addExtension(new Extension(FhirCodes.PAIR_EXTENSION, new Reference("Observation/" + o.measurementId())));
            } else if (o.status() == FhirIntake.Status.WAITING) {
                // until when the other half may come; after that this half is stored alone and coloured CHECK
                resource.addExtension(new Extension(FhirCodes.PAIR_EXTENSION + "-awaited-until",
                        new DateTimeType(Date.from(o.at().plus(properties.pairingWindow())))));
            }
        }
        return copy;
    }

    /** What became of a resource, for the entry of a response Bundle. */
    OperationOutcome outcome(FhirIntake.Outcome o) {
        String text = switch (o.status()) {
            case CREATED -> o.again() ? "sent before: stored as it is, nothing changed"
                    : o.item().kind() == FhirItem.Kind.HALF ? "stored: the pair of halves is measurement " + o.measurementId()
                    : "stored as measurement " + o.measurementId();
            case CORRECTED -> o.again() ? "this correction was received before: nothing changed"
                    : "corrected: the value replaced, the former one kept in the measurement's history";
            case RETRACTED -> o.again() ? "retracted before: nothing changed" : "retracted: out of the nurses' triage, its alarms withdrawn";
            case WAITING -> "stored: a half of a blood pressure, waiting for its other half (same subject, time and basedOn) for "
                    + properties.pairingWindow().toMinutes() + " minutes";
            case SKIPPED -> o.reason();
        };
        if (o.colour() != null && o.status() != FhirIntake.Status.RETRACTED && o.status() != FhirIntake.Status.SKIPPED) {
            text += "; colour " + o.colour() + (o.reason() == null ? "" : " (" + o.reason() + ")");
        }
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION).setCode(OperationOutcome.IssueType.INFORMATIONAL)
                .setDiagnostics(text);
        return outcome;
    }

    /** The response Bundle to a batch or transaction (and to $submit-measurement, which is a transaction). */
    Bundle bundle(List<FhirIntake.Outcome> outcomes, boolean transaction) {
        Bundle answer = new Bundle();
        answer.setType(transaction ? Bundle.BundleType.TRANSACTIONRESPONSE : Bundle.BundleType.BATCHRESPONSE);
        for (FhirIntake.Outcome o : outcomes) {
            Bundle.BundleEntryComponent entry = answer.addEntry();
            if (o.status() != FhirIntake.Status.SKIPPED) {
                Resource stored = resource(o);
                entry.setResource(stored);
                entry.setFullUrl(location(o));
            }
            entry.getResponse().setStatus(created(o) ? "201 Created" : "200 OK").setLocation(location(o))
                    .setLastModified(Date.from(o.at())).setOutcome(outcome(o));
        }
        return answer;
    }

    /** What /api/fhir does, for a FHIR client (HAPI's reads it before its first request). */
    CapabilityStatement capabilities() {
        CapabilityStatement c = new CapabilityStatement();
        c.setStatus(Enumerations.PublicationStatus.ACTIVE);
        c.setDate(new Date(0));
        c.setPublisher("Carepath");
        c.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        c.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        c.addFormat("application/fhir+json");
        c.getSoftware().setName("Carepath");
        c.getImplementation().setDescription("Carepath: home measurements of heart-failure pathways, taken as the national telemedicine "
                + "infrastructure (FUT) sends them");
        CapabilityStatement.CapabilityStatementRestComponent rest = c.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().setDescription("HTTP Basic (a Carepath user, or an API client's id and token) or Bearer (an API client's token)");
        rest.addResource().setType("Observation")
                .addSupportedProfile("http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-observation")
                .setDocumentation("Codes: " + FhirCodes.known() + "; status final, amended or corrected (a correction), "
                        + "entered-in-error (a retraction)")
                .addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.CREATE);
        rest.addResource().setType("QuestionnaireResponse")
                .addSupportedProfile("http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-questionnaireresponse")
                .setDocumentation("The heart-failure PRO questionnaire's answers (NYHA class and symptoms), in a Bundle or "
                        + "$submit-measurement; questionnaires mapped: " + properties.questionnaires().keySet());
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.BATCH);
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION);
        rest.addOperation().setName("submit-measurement")
                .setDefinition("http://ehealth.sundhed.dk/fhir/OperationDefinition/-s-submit-measurement");
        return c;
    }
}
