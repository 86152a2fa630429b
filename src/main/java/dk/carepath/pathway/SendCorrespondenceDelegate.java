package dk.carepath.pathway;

import dk.carepath.engine.ModelProperties;
import dk.carepath.notify.Correspondence;
import dk.carepath.pathway.HeartFailurePathway.Vars;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${sendCorrespondence}} with extension property {@code letter}: queues the letter to each
 * recipient in the mail outbox, in the engine's transaction. Letters that can repeat (a treatment
 * change) are told apart by the activity instance; the others are sent once per pathway even if a
 * job runs twice.
 */
@Component("sendCorrespondence")
class SendCorrespondenceDelegate implements JavaDelegate {

    private final PathwayLetters letters;
    private final Correspondence correspondence;
    private final Pathways pathways;

    SendCorrespondenceDelegate(PathwayLetters letters, Correspondence correspondence, Pathways pathways) {
        this.letters = letters;
        this.correspondence = correspondence;
        this.pathways = pathways;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PathwayLetters.Kind kind = PathwayLetters.Kind.valueOf(ModelProperties.require(execution, "letter"));
        UUID pathwayId = UUID.fromString(Vars.PATHWAY_ID.require(execution));
        String occurrence = kind == PathwayLetters.Kind.TREATMENT_CHANGE || kind == PathwayLetters.Kind.HANDOVER_NOTICE
                || kind == PathwayLetters.Kind.MUNICIPAL_COURSE_REFERRAL ? execution.getActivityInstanceId() : null;
        for (var letter : letters.compose(kind, pathwayId, occurrence, Vars.DISCHARGE_REASON.get(execution))) {
            if (correspondence.queue(letter)) {
                pathways.record(pathwayId, JournalKind.CORRESPONDENCE, letter.subject(), "til " + letter.recipientAddress());
            }
        }
    }
}
