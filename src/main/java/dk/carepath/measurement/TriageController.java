package dk.carepath.measurement;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The triage overview and acknowledgements, for the clinicians who watch measurements. */
@RestController
@Validated
class TriageController {

    private final Triage triage;

    TriageController(Triage triage) {
        this.triage = triage;
    }

    /** @param mine only the citizens whose contact person I am, and those without one */
    @GetMapping("/api/triage")
    List<Triage.Entry> list(@RequestParam(defaultValue = "false") boolean mine, Principal user) {
        return triage.list(mine ? user.getName() : null);
    }

    @PostMapping("/api/measurements/{id}/acknowledgement")
    Triage.Acknowledgement acknowledge(@PathVariable long id) {
        return triage.acknowledge(id);
    }

    record GreenRequest(List<UUID> pathwayIds) {
    }

    /** Acknowledges all green measurements of the given citizens' pathways at once. */
    @PostMapping("/api/triage/green-acknowledgement")
    Map<String, Integer> acknowledgeGreen(@RequestBody GreenRequest request) {
        if (request.pathwayIds() == null || request.pathwayIds().isEmpty()) {
            throw new dk.carepath.web.InvalidRequestException(List.of(
                    new dk.carepath.web.InvalidRequestException.FieldProblem("pathwayIds", "name the pathways whose green measurements you acknowledge")));
        }
        return Map.of("acknowledged", triage.acknowledgeGreen(request.pathwayIds()));
    }

    @PostMapping("/api/alarms/{id}/acknowledgement")
    Triage.Acknowledgement acknowledgeAlarm(@PathVariable long id) {
        return triage.acknowledgeAlarm(id);
    }

    @GetMapping("/api/pathways/{id}/measurements")
    List<StoredMeasurement> measurements(@PathVariable UUID id, @RequestParam(defaultValue = "14") @Min(1) @Max(400) int days) {
        return triage.measurements(id, days);
    }
}
