package dk.carepath.measurement;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Measurement intake as FHIR R4 (application/fhir+json), answered as FHIR: one Observation; a
 * batch/transaction Bundle of Observations and QuestionnaireResponses (Media and Provenance
 * acknowledged); the national infrastructure's {@code $submit-measurement}; the CapabilityStatement.
 * Refusals are OperationOutcomes ({@link FhirErrors}).
 */
@RestController
@RequestMapping("/api/fhir")
class FhirController {

    private final FhirObservations fhir;
    private final FhirIntake intake;
    private final FhirAnswers answers;
    private final IntakeAccess access;
    private final Clock clock;

    FhirController(FhirObservations fhir, FhirIntake intake, FhirAnswers answers, IntakeAccess access, Clock clock) {
        this.fhir = fhir;
        this.intake = intake;
        this.answers = answers;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping(path = "/Observation", consumes = {"application/fhir+json", "application/json"})
    ResponseEntity<String> observation(@RequestBody(required = false) String body, Principal sender) {
        FhirItem item = fhir.observation(body, sender.getName(), clock.instant());
        check(List.of(item));
        FhirIntake.Outcome outcome = intake.submit(List.of(item)).get(0);
        String location = FhirAnswers.location(outcome);
        ResponseEntity.BodyBuilder answer = FhirAnswers.created(outcome) ? ResponseEntity.created(URI.create("/api/fhir/" + location))
                : location == null ? ResponseEntity.ok() : ResponseEntity.ok().header("Content-Location", "/api/fhir/" + location);
        return answer.contentType(MediaType.parseMediaType(FhirAnswers.FHIR_JSON)).body(answers.json(answers.resource(outcome)));
    }

    @PostMapping(consumes = {"application/fhir+json", "application/json"})
    ResponseEntity<String> bundle(@RequestBody(required = false) String body, Principal sender) {
        FhirObservations.Submission submission = fhir.bundle(body, sender.getName(), clock.instant());
        return answer(submission.items(), submission.transaction());
    }

    /** FUT's operation: a Parameters whose measurement is the submission Bundle, answered as a transaction-response. */
    @PostMapping(path = "/$submit-measurement", consumes = {"application/fhir+json", "application/json"})
    ResponseEntity<String> submitMeasurement(@RequestBody(required = false) String body, Principal sender) {
        return answer(fhir.submitMeasurement(body, sender.getName(), clock.instant()).items(), true);
    }

    @GetMapping(path = "/metadata", produces = {"application/fhir+json", "application/json"})
    ResponseEntity<String> metadata() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(FhirAnswers.FHIR_JSON)).body(answers.json(answers.capabilities()));
    }

    private ResponseEntity<String> answer(List<FhirItem> items, boolean transaction) {
        check(items);
        List<FhirIntake.Outcome> outcomes = intake.submit(items);
        // a batch or transaction answers 200 with its response Bundle; each entry says 201 Created or 200 OK (FHIR R4 3.1.0.11)
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(FhirAnswers.FHIR_JSON))
                .body(answers.json(answers.bundle(outcomes, transaction)));
    }

    /** A nurse records only for the citizens her organisation serves (a platform for any). */
    private void check(List<FhirItem> items) {
        for (FhirItem item : items) {
            if (item.input() != null && item.input().citizenId() != null) {
                access.check(item.input().citizenId(), item.path() + ".subject");
            }
        }
    }
}
