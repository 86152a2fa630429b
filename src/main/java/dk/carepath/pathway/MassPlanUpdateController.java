package dk.carepath.pathway;

import dk.carepath.web.InvalidRequestException;
import dk.carepath.web.InvalidRequestException.FieldProblem;
import java.util.List;
import java.util.UUID;
import dk.carepath.region.OrganisationKind;
import dk.carepath.region.Organisations;
import dk.carepath.security.CurrentUser;
import dk.carepath.security.Role;
import dk.carepath.web.ProblemException;
import java.util.HashSet;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mass update of monitoring plans [001]: a cardiologist for her clinic's pathways, a process owner
 * for the clinics of her region.
 */
@RestController
class MassPlanUpdateController {

    private final MassPlanUpdate update;
    private final Pathways pathways;
    private final CurrentUser user;
    private final Organisations organisations;

    MassPlanUpdateController(MassPlanUpdate update, Pathways pathways, CurrentUser user, Organisations organisations) {
        this.update = update;
        this.pathways = pathways;
        this.user = user;
        this.organisations = organisations;
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
        } else if (request.reason().length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "must be at most " + MAX_REASON + " characters (it is journalled with every plan changed)"));
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
            List<String> groups = MeasurementType.allThresholded().stream().map(Quantity::group).toList();
            if (t.group() == null) {
                problems.add(new FieldProblem("thresholds[" + i + "].group", "is required (one of " + groups + ")"));
            } else if (MeasurementType.byGroup(t.group()).isEmpty()) {
                problems.add(new FieldProblem("thresholds[" + i + "].group", "unknown threshold group '" + t.group() + "' (one of " + groups + ")"));
                continue;
            }
            if (t.to() != null && t.to().size() != 4 || t.from() != null && t.from().size() != 4) {
                problems.add(new FieldProblem("thresholds[" + i + "]", "from and to are four values: red low, yellow low, yellow high, red high"));
            } else if (t.group() != null) {
                // checked here, before any plan is looked for: a bad change is refused whether or not a plan has its from
                problems.addAll(thresholdProblems(t, "thresholds[" + i + "]"));
            }
        }
        if (request.measurementTime() != null && (request.measurementTime().from() == null || request.measurementTime().to() == null)) {
            problems.add(new FieldProblem("measurementTime", "needs from and to"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Set<String> clinics = clinicsInCharge();
        List<UUID> ids;
        if (request.pathwayIds() != null && !request.pathwayIds().isEmpty()) {
            ids = request.pathwayIds();
            for (int i = 0; i < ids.size(); i++) {
                if (!pathways.find(ids.get(i)).map(p -> clinics.contains(p.clinicId())).orElse(false)) {
                    throw new ProblemException(HttpStatus.NOT_FOUND, "pathwayIds[" + i + "]",
                            "no pathway with id " + ids.get(i) + " in the clinics whose plans you may change");
                }
            }
        } else {
            if (!clinics.contains(request.clinicId())) {
                throw new ProblemException(HttpStatus.FORBIDDEN, "clinicId", "you change the plans of your own clinic's"
                        + " pathways (a process owner: of her region's clinics)");
            }
            ids = update.runningWithPlan(request.clinicId());
        }
        return update.apply(ids, new MassPlanUpdate.Changes(request.frequencies(), request.measurementTime(), request.thresholds(),
                request.reason()));
    }

    /** what the journal and the threshold set keep of a reason, with their prefixes, in 500 characters */
    static final int MAX_REASON = 450;

    /**
     * Each value as the plan stores it, or refused: pulse and blood pressure in whole numbers (never
     * truncated: 40.7 is not 40, 4294967396 not 100), weight to the tenth of a kg, within the group's
     * bounds; the new thresholds rising and complete.
     */
    static List<FieldProblem> thresholdProblems(MassPlanUpdate.ThresholdChange change, String field) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        Quantity quantity = change.quantity();
        ThresholdBands bands = quantity.thresholds();
        for (String part : List.of("from", "to")) {
            List<java.math.BigDecimal> values = part.equals("from") ? change.from() : change.to();
            for (int k = 0; values != null && k < values.size(); k++) {
                java.math.BigDecimal v = values.get(k);
                if (v == null) {
                    continue;
                }
                String at = field + "." + part + "[" + k + "]";
                if (bands.decimals() == 0 && v.stripTrailingZeros().scale() > 0) {
                    problems.add(new FieldProblem(at, "must be a whole number: " + change.group() + " thresholds are whole numbers"));
                } else if (v.stripTrailingZeros().scale() > bands.decimals()) {
                    problems.add(new FieldProblem(at, "at most " + bands.decimals() + " decimal(s): " + change.group()
                            + " thresholds are kept to " + bands.decimals() + " decimal(s)"));
                } else if (!bands.bounds().contains(v)) {
                    problems.add(new FieldProblem(at, "must be between " + bands.bounds().min().toPlainString() + " and "
                            + bands.bounds().max().toPlainString()));
                }
            }
        }
        if (problems.isEmpty() && (change.to() != null || !bands.required())) {
            List<java.math.BigDecimal> to = change.to() == null ? java.util.Arrays.asList(null, null, null, null) : change.to();
            for (String problem : Thresholds.problems(quantity, to)) {
                problems.add(new FieldProblem(field + ".to", problem));
            }
        } else if (problems.isEmpty()) {
            problems.add(new FieldProblem(field + ".to", change.group() + " thresholds cannot be removed: every plan has them"));
        }
        return problems;
    }

    /** The clinics whose plans the user may change: where she is a cardiologist, and her regions' clinics as process owner. */
    private Set<String> clinicsInCharge() {
        Set<String> clinics = new HashSet<>(user.organisations(Role.CARDIOLOGIST));
        for (String region : user.organisations(Role.PROCESS_OWNER)) {
            organisations.find(region).ifPresent(r -> organisations.inRegion(r.region()).stream()
                    .filter(o -> o.kind() == OrganisationKind.CLINIC).forEach(o -> clinics.add(o.id())));
        }
        return clinics;
    }
}
