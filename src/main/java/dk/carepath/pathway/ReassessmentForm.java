package dk.carepath.pathway;

import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import dk.carepath.pathway.HeartFailurePathway.ReassessmentOutcome;
import dk.carepath.pathway.HeartFailurePathway.Vars;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_Reassess: records the outcome and who holds treatment and monitoring responsibility
 * afterwards [002 §4.2.1 Varighed], and refuses combinations the guideline does not allow:
 * discharge to the GP while a municipal course is still running, treatment responsibility leaving
 * the clinic before the course has ended [002 §4.1], a handover that hands nothing over.
 */
@Component("reassessmentForm")
class ReassessmentForm implements TaskListener {

    private final Pathways pathways;
    private final MonitoringPlans plans;
    private final AuditTrail audit;

    ReassessmentForm(Pathways pathways, MonitoringPlans plans, AuditTrail audit) {
        this.pathways = pathways;
        this.plans = plans;
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID pathwayId = UUID.fromString(Vars.PATHWAY_ID.require(task));
        Pathway pathway = pathways.load(pathwayId);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.getExecution().setVariablesLocal(Map.of(
                    "treatmentResponsible", pathway.treatmentResponsible().name(),
                    "monitoringResponsible", pathway.monitoringResponsible().name(),
                    "municipalCourseActive", pathway.municipalCourseActive(),
                    "municipalCourseEnded", false));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            complete(task, pathwayId, pathway);
        }
    }

    private void complete(DelegateTask task, UUID pathwayId, Pathway pathway) {
        FormReader form = new FormReader(task);
        ReassessmentOutcome outcome = form.choice("reassessmentOutcome", "Resultat", ReassessmentOutcome.class, true);
        Party treatment = form.choice("treatmentResponsible", "Behandlingsansvar", Party.class, true);
        Party monitoring = form.choice("monitoringResponsible", "Monitoreringsansvar", Party.class, true);
        boolean courseEnded = form.flag("municipalCourseEnded");
        Integer extensionMonths = outcome == ReassessmentOutcome.EXTEND
                ? form.integer("extensionMonths", "Forlængelse", 1, 12, true) : null;
        form.check();

        boolean courseRunning = pathway.municipalCourseActive() && !courseEnded;
        boolean discharge = outcome == ReassessmentOutcome.DISCHARGE_TO_GP || outcome == ReassessmentOutcome.DISCHARGE_NON_ADHERENCE;
        if (discharge) {
            if (outcome == ReassessmentOutcome.DISCHARGE_TO_GP && courseRunning) {
                form.problem("Borgeren kan først afsluttes til egen læge, når det kommunale forløb er afsluttet");
            }
            if (treatment != Party.GP || monitoring != Party.NONE) {
                form.problem("Ved afslutning overgår behandlingsansvaret til egen læge, og monitoreringen ophører");
            }
        } else {
            if (monitoring == Party.NONE || monitoring == Party.GP) {
                form.problem("Monitoreringen fortsætter og skal have en ansvarlig (klinikken eller kommunen)");
            }
            if (courseRunning && treatment != Party.CLINIC || outcome == ReassessmentOutcome.MUNICIPAL_COURSE && treatment != Party.CLINIC) {
                form.problem("Behandlingsansvaret bliver i klinikken, indtil det kommunale forløb er afsluttet");
            }
            if (outcome == ReassessmentOutcome.HANDOVER && monitoring == pathway.monitoringResponsible()) {
                form.problem("Vælg hvem monitoreringen overdrages til");
            }
            if (outcome != ReassessmentOutcome.HANDOVER && monitoring != pathway.monitoringResponsible()) {
                form.problem("Et skift af monitoreringsansvar er en overdragelse: vælg 'Overdrag monitoreringen'");
            }
        }
        form.check();

        var now = pathways.now();
        if (pathway.municipalCourseActive() && courseEnded) {
            pathway.municipalCourse(false, now);
        }
        switch (outcome) {
            case EXTEND -> {
                pathway.markExtended(now);
                plans.extendBy(pathwayId, extensionMonths);
            }
            case MUNICIPAL_COURSE -> pathway.municipalCourse(true, now);
            case DISCHARGE_TO_GP -> Vars.DISCHARGE_REASON.set(task.getExecution(), "TO_GP");
            case DISCHARGE_NON_ADHERENCE -> Vars.DISCHARGE_REASON.set(task.getExecution(), "NON_ADHERENCE");
            default -> {
            }
        }
        pathway.reassessmentOverdue(false, now);
        // a handover moves the open monitoring tasks to the receiving team in this transaction
        pathways.assignResponsibility(pathwayId, treatment, monitoring);
        audit.changed(AuditAction.UPDATE, "pathway", pathway.citizenId(), pathwayId, "reassessment " + outcome);
        pathways.record(pathwayId, JournalKind.REASSESSMENT, "Revurdering: " + outcome,
                "behandlingsansvar " + treatment.danish() + ", monitoreringsansvar " + monitoring.danish()
                        + (extensionMonths == null ? "" : ", forlænget " + extensionMonths + " mdr."));
    }
}
