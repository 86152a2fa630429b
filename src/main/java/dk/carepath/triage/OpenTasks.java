package dk.carepath.triage;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The open pathway tasks of citizens (the pathway id is the process's business key), most urgent
 * first, with their address in Tasklist. Tasklist itself decides who may work them.
 */
@Component
class OpenTasks {

    /** An open task and where Tasklist shows it. */
    record OpenTask(String id, String name, int priority, java.util.Date created, java.util.Date due) {
        public String link() {
            return "/camunda/app/tasklist/default/#/?task=" + id;
        }
    }

    private final TaskService tasks;
    private final RuntimeService runtime;

    OpenTasks(TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /** The open tasks of these pathways, by pathway, most urgent (priority, then oldest) first. */
    Map<UUID, List<OpenTask>> of(Collection<UUID> pathwayIds) {
        if (pathwayIds.isEmpty()) {
            return Map.of();
        }
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKeyIn(pathwayIds.stream().map(UUID::toString).toArray(String[]::new))
                .active().orderByTaskPriority().desc().orderByTaskCreateTime().asc().list();
        if (open.isEmpty()) {
            return Map.of();
        }
        Set<String> instanceIds = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> keys = new HashMap<>();
        runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list()
                .forEach((ProcessInstance p) -> keys.put(p.getId(), p.getBusinessKey()));
        Map<UUID, List<OpenTask>> byPathway = new LinkedHashMap<>();
        for (Task task : open) {
            String key = keys.get(task.getProcessInstanceId());
            if (key != null) {
                byPathway.computeIfAbsent(UUID.fromString(key), k -> new java.util.ArrayList<>())
                        .add(new OpenTask(task.getId(), task.getName(), task.getPriority(), task.getCreateTime(), task.getDueDate()));
            }
        }
        return byPathway;
    }
}
