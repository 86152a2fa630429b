package dk.carepath.measurement;

import java.time.Clock;
import dk.carepath.web.InvalidRequestException;
import dk.carepath.web.InvalidRequestException.FieldProblem;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Measurement intake as JSON. The sender is the authenticated user (a tablet platform's integration
 * user, group {@code measurement-sender}); together with its {@code senderId} it identifies a
 * measurement, so sending one again is harmless. An answer is given only after the measurement is
 * committed.
 */
@RestController
@RequestMapping("/api/measurements")
class MeasurementController {

    static final int MAX_BATCH = 1000;

    private final MeasurementIntake intake;
    private final IntakeAccess access;

    private final Clock clock;

    MeasurementController(MeasurementIntake intake, IntakeAccess access, Clock clock) {
        this.clock = clock;
        this.intake = intake;
        this.access = access;
    }

    @PostMapping
    ResponseEntity<IntakeResult> one(@RequestBody MeasurementRequest request, Principal sender) {
        List<FieldProblem> problems = Validation.list();
        MeasurementInput input = Validation.json(sender.getName(), request, "", problems, clock.instant());
        if (input == null) {
            throw new InvalidRequestException(problems);
        }
        access.check(List.of(input), null, null);
        IntakeResult result = intake.one(input, "senderId");
        return result.duplicate() ? ResponseEntity.ok(result)
                : ResponseEntity.created(URI.create("/api/measurements/" + result.id())).body(result);
    }

    record Batch(List<MeasurementRequest> measurements) {
    }

    record BatchResult(int stored, int duplicates, List<IntakeResult> results) {
        static BatchResult of(List<IntakeResult> results) {
            int duplicates = (int) results.stream().filter(IntakeResult::duplicate).count();
            return new BatchResult(results.size() - duplicates, duplicates, results);
        }
    }

    /** All or nothing: an invalid item refuses the batch, naming every invalid item. */
    @PostMapping("/batch")
    ResponseEntity<BatchResult> batch(@RequestBody Batch batch, Principal sender) {
        if (batch.measurements() == null || batch.measurements().isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldProblem("measurements", "must contain at least one measurement")));
        }
        if (batch.measurements().size() > MAX_BATCH) {
            throw new InvalidRequestException(List.of(new FieldProblem("measurements", "at most " + MAX_BATCH + " per batch")));
        }
        List<FieldProblem> problems = Validation.list();
        List<MeasurementInput> inputs = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < batch.measurements().size(); i++) {
            inputs.add(Validation.json(sender.getName(), batch.measurements().get(i), "measurements[" + i + "].", problems, now));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        access.check(inputs, "measurements", ".");
        BatchResult result = BatchResult.of(intake.batch(inputs, "measurements", ".", "senderId"));
        return ResponseEntity.status(result.stored() > 0 ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }
}
