package dk.carepath.pathway;

import dk.carepath.web.InvalidRequestException;
import dk.carepath.web.InvalidRequestException.FieldProblem;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Mass update of monitoring plans [001], for process owners and cardiologists. */
@RestController
@PreAuthorize("hasAnyRole('process-owner', 'cardiologist')")
class MassPlanUpdateController {

    private final MassPlanUpdate update;

    MassPlanUpdateController(MassPlanUpdate update) {
        this.update = update;
    }

    /**
     * @param pathwayIds the pathways to change, or
     * @param clinicId   all running pathways of a clinic
     */
    record Request(List<UUID> pathwayIds, String clinicId, List<MassPlanUpdate.FrequencyChange> frequencies,
                   MassPlanUpdate.TimeChange measurementTime, List<MassPlanUpdate.ThresholdChange> thresholds, String reason) {
    }

    @PostMapping("/api/monitoring-plans/mass-update")
    MassPlanUpdate.Outcome massUpdate(@RequestBody Request request) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if ((request.pathwayIds() == null || request.pathwayIds().isEmpty()) && request.clinicId() == null) {
            problems.add(new FieldProblem("pathwayIds", "name the pathways, or give a clinicId for all its running pathways"));
        }
        if (request.reason() == null || request.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "is required: it is journalled on every plan changed"));
        }
        boolean nothing = (request.frequencies() == null || request.frequencies().isEmpty()) && request.measurementTime() == null
                && (request.thresholds() == null || request.thresholds().isEmpty());
        if (nothing) {
            problems.add(new FieldProblem("frequencies", "give at least one change (frequencies, measurementTime or thresholds)"));
        }
        List<MassPlanUpdate.FrequencyChange> frequencies = request.frequencies() == null ? List.of() : request.frequencies();
        for (int i = 0; i < frequencies.size(); i++) {
            if (frequencies.get(i).type() == null) {
                problems.add(new FieldProblem("frequencies[" + i + "].type", "is required"));
            }
        }
        List<MassPlanUpdate.ThresholdChange> thresholds = request.thresholds() == null ? List.of() : request.thresholds();
        for (int i = 0; i < thresholds.size(); i++) {
            var t = thresholds.get(i);
            if (t.group() == null) {
                problems.add(new FieldProblem("thresholds[" + i + "].group", "is required (PULSE, WEIGHT, SYSTOLIC, DIASTOLIC)"));
            }
            if (t.to() != null && t.to().size() != 4 || t.from() != null && t.from().size() != 4) {
                problems.add(new FieldProblem("thresholds[" + i + "]", "from and to are four values: red low, yellow low, yellow high, red high"));
            }
        }
        if (request.measurementTime() != null && (request.measurementTime().from() == null || request.measurementTime().to() == null)) {
            problems.add(new FieldProblem("measurementTime", "needs from and to"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        List<UUID> ids = request.pathwayIds() != null && !request.pathwayIds().isEmpty() ? request.pathwayIds()
                : update.runningWithPlan(request.clinicId());
        return update.apply(ids, new MassPlanUpdate.Changes(request.frequencies(), request.measurementTime(), request.thresholds(),
                request.reason()));
    }
}
