package dk.carepath.worklist;

import dk.carepath.engine.TaskCandidates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters a nurse starts from: her citizens ("Mine borgere": those whose
 * contact person she is, and every citizen of her team without one, so nobody is overlooked
 * [001]), her team's tasks by priority then due date (so red measurements come first), her own,
 * and the urgent ones. Each shows whose task it is (the citizen label) and which team it is with.
 * A user's groups are organisation × role, so "her team" is her clinic's or municipality's. Created
 * once; a process owner may change them in Tasklist.
 */
@Component
class TasklistFilters {

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void ensure() {
        // no candidate-group criterion: Camunda cannot combine it with "involved user" (both read the same identity
        // link), and the user sees only her teams' tasks and her own anyway (authorizations)
        create("Mine borgere", "Mine borgeres opgaver og opgaverne for teamets borgere uden kontaktperson", -20,
                tasks.createTaskQuery().or().taskInvolvedUserExpression("${currentUser()}")
                        .taskVariableValueEquals(TaskCandidates.PERSONAL_VARIABLE, false).endOr()
                        .orderByTaskPriority().desc().orderByDueDate().asc());
        create("Min gruppes opgaver", "Opgaver til mine grupper, vigtigste først", -10,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .orderByTaskPriority().desc().orderByDueDate().asc());
        create("Mine opgaver", "Opgaver jeg har taget", -5,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByTaskPriority().desc().orderByDueDate().asc());
        create("Haster (røde målinger m.m.)", "Høj prioritet: røde målinger og overskredne revurderinger", 0,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .taskMinPriority(90).orderByDueDate().asc());
    }

    private void create(String name, String description, int order, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", order);
        properties.put("refresh", true);
        properties.put("variables", List.of(Map.of("name", "citizenLabel", "label", "Borger"),
                Map.of("name", TaskCandidates.TEAM_VARIABLE, "label", "Team")));
        filter.setProperties(properties);
        filter.setQuery(query);
        filters.saveFilter(filter);
    }
}
