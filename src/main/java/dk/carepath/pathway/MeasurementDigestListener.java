package dk.carepath.pathway;

import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.pathway.HeartFailurePathway.Vars;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code ${measurementDigest}}, a create listener of the tasks that decide on measurements: what the
 * decision needs, as task-local variables (the task's team reads them; they leave with the task).
 * <ul>
 *   <li>Task_ReviewMeasurements: {@code reviewMeasurements}, what came since the last review (its journal
 *       entry), or since the pathway began;</li>
 *   <li>Task_SetMonitoringPlan: {@code recentWeights}, the citizen's last weights beside the reference weight.</li>
 * </ul>
 */
@Component("measurementDigest")
class MeasurementDigestListener implements TaskListener {

    static final String REVIEW_MEASUREMENTS = "reviewMeasurements";
    static final String RECENT_WEIGHTS = "recentWeights";
    static final String NO_WEIGHTS = "Ingen vægtmålinger endnu";

    private final ObjectProvider<MeasurementDigests> digests;
    private final Pathways pathways;

    MeasurementDigestListener(ObjectProvider<MeasurementDigests> digests, Pathways pathways) {
        this.digests = digests;
        this.pathways = pathways;
    }

    @Override
    public void notify(DelegateTask task) {
        String pathway = Vars.PATHWAY_ID.get(task);
        MeasurementDigests source = digests.getIfAvailable();
        if (pathway == null || source == null || !EVENTNAME_CREATE.equals(task.getEventName())) {
            return;
        }
        UUID pathwayId = UUID.fromString(pathway);
        if (Element.Task_ReviewMeasurements.name().equals(task.getTaskDefinitionKey())) {
            task.setVariableLocal(REVIEW_MEASUREMENTS, source.since(pathwayId, lastReview(pathwayId, task.getName())));
        } else if (Element.Task_SetMonitoringPlan.name().equals(task.getTaskDefinitionKey())) {
            String citizen = Vars.CITIZEN_ID.get(task);
            task.setVariableLocal(RECENT_WEIGHTS, citizen == null ? NO_WEIGHTS : source.recentWeights(UUID.fromString(citizen)));
        }
    }

    /** when the last review was completed: its journal entry (the task's name), or null before the first */
    private Instant lastReview(UUID pathwayId, String reviewName) {
        return pathways.journal(pathwayId).stream()
                .filter(j -> JournalKind.TASK.name().equals(j.kind()) && reviewName != null && reviewName.equals(j.summary()))
                .map(JournalView::occurredAt).reduce((a, b) -> b).orElse(null);
    }
}
