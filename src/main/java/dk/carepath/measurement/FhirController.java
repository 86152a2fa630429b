package dk.carepath.measurement;

import java.time.Clock;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Measurement intake as FHIR R4 (application/fhir+json): one Observation, or a batch/transaction Bundle. */
@RestController
@RequestMapping("/api/fhir")
class FhirController {

    private final FhirObservations fhir;
    private final MeasurementIntake intake;
    private final IntakeAccess access;

    private final Clock clock;

    FhirController(FhirObservations fhir, MeasurementIntake intake, IntakeAccess access, Clock clock) {
        this.clock = clock;
        this.fhir = fhir;
        this.intake = intake;
        this.access = access;
    }

    @PostMapping(path = "/Observation", consumes = {"application/fhir+json", "application/json"})
    ResponseEntity<IntakeResult> observation(@RequestBody(required = false) String body, Principal sender) {
        MeasurementInput input = fhir.observation(body, sender.getName(), clock.instant());
        access.check(List.of(input), null, null);
        IntakeResult result = intake.one(input, "identifier");
        return result.duplicate() ? ResponseEntity.ok(result)
                : ResponseEntity.created(URI.create("/api/measurements/" + result.id())).body(result);
    }

    @PostMapping(consumes = {"application/fhir+json", "application/json"})
    ResponseEntity<MeasurementController.BatchResult> bundle(@RequestBody(required = false) String body, Principal sender) {
        List<MeasurementInput> inputs = fhir.bundle(body, sender.getName(), clock.instant());
        access.check(inputs, "Bundle.entry", ".resource.");
        var result = MeasurementController.BatchResult.of(intake.batch(inputs, "Bundle.entry", ".resource.", "identifier"));
        return ResponseEntity.status(result.stored() > 0 ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }
}
