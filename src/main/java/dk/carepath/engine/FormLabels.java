package dk.carepath.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The Danish labels of a task's form fields, as its Camunda Form shows them (its {@code formRef} in
 * the process's deployment), so that a refusal names the field as the nurse sees it: "Begrundelse
 * skal udfyldes", not "'nurseReason' skal udfyldes". A form that cannot be read gives no labels, and
 * the refusal names the field by its key.
 */
final class FormLabels {

    /** a field's label and, for choices, each value's label */
    record Field(String label, Map<String, String> choices) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Map<String, Field>> CACHE = new ConcurrentHashMap<>();

    private FormLabels() {
    }

    static Map<String, Field> of(DelegateTask task) {
        UserTask userTask = task.getBpmnModelElementInstance();
        if (userTask == null || userTask.getCamundaFormRef() == null) {
            return Map.of();
        }
        String key = task.getProcessDefinitionId() + "/" + userTask.getCamundaFormRef();
        Map<String, Field> known = CACHE.get(key);
        if (known != null) {
            return known;
        }
        Map<String, Field> fields = read(task);
        if (fields != null) {
            CACHE.put(key, fields);
            return fields;
        }
        return Map.of();
    }

    /** the label of a field, or its key when the form does not name it */
    static String label(Map<String, Field> fields, String key) {
        Field field = fields.get(key);
        return field == null || field.label() == null || field.label().isBlank() ? "'" + key + "'" : field.label();
    }

    private static Map<String, Field> read(DelegateTask task) {
        try (InputStream form = task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId())) {
            Map<String, Field> fields = new HashMap<>();
            collect(JSON.readTree(form).path("components"), fields);
            return fields;
        } catch (Exception unreadable) {
            return null;
        }
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            String key = component.path("key").asText(null);
            if (key != null) {
                String label = component.path("label").asText(component.path("timeLabel").asText(component.path("dateLabel").asText(null)));
                Map<String, String> choices = new LinkedHashMap<>();
                component.path("values").forEach(v -> choices.put(v.path("value").asText(), v.path("label").asText()));
                fields.put(key, new Field(label, choices));
            }
            collect(component.path("components"), fields);
        }
    }
}
