package dk.carepath.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inclusion tasks show the referral's facts and the rules' answer in Danish, as variables of the
 * task itself: the facts are no process variables (need to know), on either way into inclusion.
 */
@CarepathTest
class InclusionTaskDetailsTest {

    @Autowired
    PathwayDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;

    @Test
    void theAssessmentsShowTheReferralsFactsAndTheRulesAnswerInDanishOnTheTaskOnly() {
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        for (Element element : new Element[] {Element.Task_NursingAssessment, Element.Task_CardiologicalAssessment}) {
            Task task = driver.task(pathway, element);
            String facts = (String) tasks.getVariableLocal(task.getId(), InclusionTaskDetails.REFERRAL_FACTS);
            assertThat(facts).contains("Henvist: ", "Hjertesvigtsklinikken", "Uddrivningsfraktion (EF): 30 %",
                    "I målgruppen for medicinsk titrering: ja", "Har MitID: ja");
            assertThat((String) tasks.getVariableLocal(task.getId(), InclusionTaskDetails.ELIGIBILITY_TEXT)).startsWith("Egnet");
            assertThat(tasks.getVariableLocal(task.getId(), "citizenPage")).isEqualTo("/citizens/" + driver.pathway(pathway).citizenId());
            assertThat(runtime.getVariables(task.getProcessInstanceId()).keySet()).as("no fact is a process variable")
                    .doesNotContain(InclusionTaskDetails.REFERRAL_FACTS, InclusionTaskDetails.ELIGIBILITY_TEXT, "ejectionFraction",
                            "titrationTargetGroup", "hasMitId");
        }
    }

    @Test
    void aRejectionToConfirmShowsWhyTheRulesRejectAndTheUnknownFacts() {
        UUID pathway = driver.refer(PathwayDriver.factsWithEjectionFraction(45));
        Task task = driver.task(pathway, Element.Task_ConfirmRejection);
        assertThat((String) tasks.getVariableLocal(task.getId(), InclusionTaskDetails.ELIGIBILITY_TEXT)).startsWith("Ikke egnet: ");
        assertThat((String) tasks.getVariableLocal(task.getId(), InclusionTaskDetails.REFERRAL_FACTS))
                .contains("Uddrivningsfraktion (EF): 45 %");
        assertThat(InclusionTaskDetails.eligibility("NEEDS_JUDGEMENT")).isEqualTo("Kræver faglig vurdering");
        assertThat(InclusionTaskDetails.eligibility(null)).isEqualTo("Ikke vurderet");
    }
}
