package dk.carepath.worklist;

import dk.carepath.engine.TaskCandidates;
import dk.carepath.pathway.HeartFailurePathway;
import dk.carepath.pathway.ResponsibilityChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A change of responsibility moves the pathway's open work in the same transaction: after a
 * handover the receiving organisation has every open monitoring task of the citizen (in the
 * pathway and in a kit fault's follow-up), and a new contact person sees the citizen's tasks at once.
 */
@Component
class TaskRouting {

    private final TaskCandidates candidates;

    TaskRouting(TaskCandidates candidates) {
        this.candidates = candidates;
    }

    @EventListener
    void on(ResponsibilityChanged change) {
        candidates.refreshWhere(HeartFailurePathway.Vars.PATHWAY_ID.name(), change.pathwayId().toString());
    }
}
