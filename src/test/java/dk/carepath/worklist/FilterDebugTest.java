package dk.carepath.worklist;

import dk.carepath.pathway.HeartFailurePathway.Messages;
import dk.carepath.pathway.PathwayMessages;
import dk.carepath.pathway.Pathways;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CarepathTest
class FilterDebugTest {
    @Autowired PathwayDriver driver;
    @Autowired PathwayMessages messages;
    @Autowired Pathways pathways;
    @Autowired TaskService tasks;
    @Autowired FilterService filters;
    @Autowired IdentityService identity;

    @Test
    void debug() {
        UUID mine = driver.inTitration();
        pathways.assignContactPerson(mine, "testnurse");
        messages.send(mine, Messages.MEASUREMENT_RED, Map.of("measurementId", "1", "measurementSummary", "x"));
        var task = tasks.createTaskQuery().processInstanceBusinessKey(mine.toString()).taskDefinitionKey("Task_ReviewRedMeasurement").singleResult();
        System.out.println("DEBUG links " + tasks.getIdentityLinksForTask(task.getId()).stream().map(l -> l.getType() + ":" + l.getUserId() + "/" + l.getGroupId()).toList());
        System.out.println("DEBUG vars " + tasks.getVariablesLocal(task.getId()));
        System.out.println("DEBUG involved " + tasks.createTaskQuery().taskId(task.getId()).taskInvolvedUser("testnurse").count());
        System.out.println("DEBUG or " + tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroupIn(List.of("test-clinic.hf-nurse")).includeAssignedTasks()
                .or().taskInvolvedUser("testnurse").taskVariableValueEquals("hasContactPerson", false).endOr().count());
        String tid = task.getId();
        System.out.println("DEBUG a " + tasks.createTaskQuery().taskId(tid).or().taskInvolvedUser("testnurse").endOr().count());
        System.out.println("DEBUG b " + tasks.createTaskQuery().taskId(tid).taskCandidateGroupIn(List.of("test-clinic.hf-nurse")).or().taskInvolvedUser("testnurse").endOr().count());
        System.out.println("DEBUG b2 " + tasks.createTaskQuery().taskId(tid).taskCandidateGroupIn(List.of("test-clinic.hf-nurse")).includeAssignedTasks().or().taskInvolvedUser("testnurse").endOr().count());
        System.out.println("DEBUG c " + tasks.createTaskQuery().taskId(tid).or().taskVariableValueEquals("hasContactPerson", true).endOr().count());
        System.out.println("DEBUG d " + tasks.createTaskQuery().taskId(tid).or().taskInvolvedUser("testnurse").taskVariableValueEquals("hasContactPerson", false).endOr().count());
        System.out.println("DEBUG e " + tasks.createTaskQuery().taskId(tid).taskCandidateGroupIn(List.of("test-clinic.hf-nurse")).or().taskVariableValueEquals("hasContactPerson", true).endOr().count());
        System.out.println("DEBUG f " + tasks.createTaskQuery().taskId(tid).or().taskCandidateUser("testnurse").taskVariableValueEquals("hasContactPerson", false).endOr().count());
        System.out.println("DEBUG g " + tasks.createTaskQuery().taskId(tid).taskInvolvedUser("testnurse").taskCandidateGroupIn(List.of("test-clinic.hf-nurse")).count());
        identity.setAuthentication("testnurse", List.of("test-clinic.hf-nurse"));
        String id = filters.createFilterQuery().filterName("Mine borgere").singleResult().getId();
        System.out.println("DEBUG filter " + filters.<org.camunda.bpm.engine.task.Task>list(id).stream().filter(t -> t.getId().equals(task.getId())).count());
        System.out.println("DEBUG filter query " + filters.getFilter(id).getQuery());
        identity.clearAuthentication();
    }
}
