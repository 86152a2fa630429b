package dk.carepath.pathway;

import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import dk.carepath.web.ProblemException;
import java.time.LocalTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Monitoring plans and their threshold history: the public API other features read. */
@Service
@Transactional
public class MonitoringPlans {

    private final MonitoringPlanRepository plans;
    private final Pathways pathways;
    private final AuditTrail audit;

    MonitoringPlans(MonitoringPlanRepository plans, Pathways pathways, AuditTrail audit) {
        this.plans = plans;
        this.pathways = pathways;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Optional<MonitoringPlanView> forPathway(UUID pathwayId) {
        return plans.findByPathwayId(pathwayId).map(MonitoringPlan::view);
    }

    MonitoringPlanView set(UUID pathwayId, PlanSettings settings) {
        MonitoringPlan plan = plans.findByPathwayId(pathwayId).orElseGet(() -> new MonitoringPlan(pathwayId));
        String actor = audit.currentActor();
        plan.apply(settings, actor, pathways.now());
        plans.save(plan);
        UUID citizenId = pathways.load(pathwayId).citizenId();
        audit.changed(AuditAction.UPDATE, "monitoring-plan", citizenId, pathwayId, "plan set");
        pathways.record(pathwayId, JournalKind.PLAN, "Måleplan fastlagt",
                settings.measurements() + " kl. " + settings.measurementTime() + ", grænseværdier " + settings.thresholds());
        return plan.view();
    }

    /**
     * Moves the citizen's measurement time, e.g. when the agreed time cannot be kept [000]:
     * journalled on the pathway and audited.
     *
     * @throws ProblemException 409 when the pathway has ended or has no plan yet
     */
    public MonitoringPlanView changeMeasurementTime(UUID pathwayId, LocalTime time, String reason) {
        PathwayView pathway = pathways.require(pathwayId);
        MonitoringPlan plan = plans.findByPathwayId(pathwayId).orElseThrow(() ->
                ProblemException.conflict("pathway " + pathwayId + " has no monitoring plan yet"));
        if (pathway.ended()) {
            throw ProblemException.conflict("pathway " + pathwayId + " has ended");
        }
        LocalTime before = plan.measurementTime(time, pathways.now());
        audit.changed(AuditAction.UPDATE, "monitoring-plan", pathway.citizenId(), pathwayId, "measurement time " + before + " -> " + time);
        pathways.record(pathwayId, JournalKind.PLAN, "Måletidspunkt ændret fra kl. " + before + " til kl. " + time, reason);
        return plan.view();
    }

    /** @return true if the thresholds changed */
    boolean setThresholds(UUID pathwayId, Thresholds thresholds, String reason) {
        MonitoringPlan plan = require(pathwayId);
        boolean changed = plan.setThresholds(thresholds, audit.currentActor(), reason, pathways.now());
        if (changed) {
            audit.changed(AuditAction.UPDATE, "thresholds", pathways.load(pathwayId).citizenId(), pathwayId, reason);
            pathways.record(pathwayId, JournalKind.THRESHOLDS, "Grænseværdier ændret: " + reason, thresholds.toString());
        }
        return changed;
    }

    void reviewInterval(UUID pathwayId, int days) {
        require(pathwayId).reviewInterval(days, pathways.now());
    }

    void extendBy(UUID pathwayId, int months) {
        MonitoringPlan plan = require(pathwayId);
        plan.extendTo(plan.expectedEndDate().plusMonths(months), pathways.now());
    }

    MonitoringPlan require(UUID pathwayId) {
        return plans.findByPathwayId(pathwayId)
                .orElseThrow(() -> new IllegalStateException("pathway " + pathwayId + " has no monitoring plan"));
    }
}
