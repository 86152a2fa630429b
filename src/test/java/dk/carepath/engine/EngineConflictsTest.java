package dk.carepath.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which requests are actions on one task, whose failure after another's completion is a lost race. */
class EngineConflictsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            "task/abc-1/complete, abc-1",
            "/task/abc-1/claim, abc-1",
            "engine/default/task/abc-1/submit-form, abc-1",
            "engine/default/task/abc-1/unclaim/, abc-1",
            "task/abc-1/variables, none",
            "task, none",
            "process-instance/abc-1/complete, none"})
    void shouldFindTheTaskOfAnAction(String path, String task) {
        assertThat(EngineConflicts.taskOfAction(path)).isEqualTo(task);
    }

    @org.junit.jupiter.api.Test
    void shouldCallAnExecutionTreeChangedMeanwhileALostRace() {
        var stale = new org.camunda.bpm.engine.ProcessEngineException("ENGINE-03077 Cannot resolve parent with id 'a' of execution 'b', "
                + "perhaps it was deleted in the meantime");
        assertThat(EngineConflicts.in(new RuntimeException(stale))).isEqualTo("En anden ændring af forløbet kom samtidig; send igen");
        assertThat(EngineConflicts.in(new org.camunda.bpm.engine.ProcessEngineException("ENGINE-01009 something else"))).isNull();
    }
}
