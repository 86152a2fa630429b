package dk.carepath.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.carepath.region.ModelChecker.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * A user task's form against the task's variables, as far as the models say it: the completion rules
 * ({@link FormRules}: {@code required}, {@code choices.<field>}) against the form's fields and choices, each
 * field the nurse fills in against the task's input parameters (a form field is declared as one, so it lives
 * with the task and is journalled, and does not leak into the process), and each read-only field against what
 * provides it. What a task's own Java listener reads or sets cannot be seen here: a task with a complete
 * listener is taken to read its fields, one with a create listener to provide its read-only ones.
 */
final class FormFieldCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** a form field: its key, whether the nurse fills it in, whether the form requires it, its offered values (empty: free) */
    record Field(String key, boolean editable, boolean required, Set<String> values) {
    }

    private FormFieldCheck() {
    }

    /** the form's fields by key, or null when it is no form-js JSON */
    static Map<String, Field> fields(byte[] json) {
        try {
            Map<String, Field> fields = new LinkedHashMap<>();
            collect(JSON.readTree(json).path("components"), fields);
            return fields;
        } catch (Exception e) {
            return null;
        }
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode c : components) {
            String key = c.path("key").asText(null);
            if (key != null && !"button".equals(c.path("type").asText())) {
                Set<String> values = new LinkedHashSet<>();
                c.path("values").forEach(v -> values.add(v.path("value").asText()));
                boolean editable = !c.path("readonly").asBoolean(false) && !c.path("disabled").asBoolean(false);
                fields.putIfAbsent(key, new Field(key, editable, c.path("validate").path("required").asBoolean(false), values));
            }
            collect(c.path("components"), fields);
        }
    }

    /**
     * @param resource  the model's file
     * @param task      the user task
     * @param formFile  the file of its form (for the findings)
     * @param fields    the form's fields
     * @param provided  the variables the process's code provides (its {@link ProcessContract}; empty when it has none)
     */
    static List<Finding> check(String resource, Element task, String formFile, Map<String, Field> fields, Set<String> provided) {
        List<Finding> findings = new ArrayList<>();
        String id = task.getAttribute("id");
        Map<String, String> properties = ModelXml.properties(task);
        Set<String> inputs = ModelXml.parameters(task, "inputParameter");
        Set<String> listeners = ModelXml.taskListenerEvents(task);
        List<String> required = ModelXml.list(properties.get("required"));
        for (String key : required) {
            if (!fields.containsKey(key)) {
                findings.add(new Finding(resource, id, "the completion requires '" + key + "', which form " + formFile + " has no field for: "
                        + "no one could complete the task; add the field to the form or remove '" + key + "' from the task's 'required' property",
                        "afslutningen kræver '" + key + "', som formularen " + formFile + " ikke har et felt til: ingen kan afslutte opgaven; "
                                + "tilføj feltet i formularen, eller fjern '" + key + "' fra opgavens egenskab 'required'"));
            }
        }
        properties.forEach((name, value) -> {
            if (!name.startsWith("choices.")) return;
            String key = name.substring("choices.".length());
            Field field = fields.get(key);
            Set<String> allowed = new LinkedHashSet<>(ModelXml.list(value));
            if (field == null) {
                findings.add(new Finding(resource, id, "its property '" + name + "' names '" + key + "', which form " + formFile + " has no field for: "
                        + "add the field to the form or remove the property", "egenskaben '" + name + "' nævner '" + key + "', som formularen "
                        + formFile + " ikke har et felt til: tilføj feltet i formularen, eller fjern egenskaben"));
                return;
            }
            Set<String> refused = new LinkedHashSet<>(field.values());
            refused.removeAll(allowed);
            Set<String> unoffered = new LinkedHashSet<>(allowed);
            unoffered.removeAll(field.values());
            if (!field.values().isEmpty() && (!refused.isEmpty() || !unoffered.isEmpty())) {
                findings.add(new Finding(resource, id, "form " + formFile + " offers " + field.values() + " for '" + key + "', the completion allows "
                        + allowed + ": make the form's values and the property '" + name + "' the same",
                        "formularen " + formFile + " tilbyder " + field.values() + " i '" + key + "', afslutningen tillader " + allowed
                                + ": gør formularens værdier og egenskaben '" + name + "' ens"));
            }
        });
        for (Field field : fields.values()) {
            if (field.editable()) {
                if (!inputs.contains(field.key()) && !listeners.contains("complete")) {
                    findings.add(new Finding(resource, id, "form " + formFile + " has the field '" + field.key() + "', which is not a variable of the task: "
                            + "nothing reads it, and it would be written into the whole process; declare it as the task's input parameter "
                            + "(camunda:inputParameter name=\"" + field.key() + "\") or remove it from the form",
                            "formularen " + formFile + " har feltet '" + field.key() + "', som ikke er en variabel på opgaven: intet læser det, og det "
                                    + "ville blive skrevet i hele processen; erklær det som opgavens inputparameter (camunda:inputParameter name=\""
                                    + field.key() + "\"), eller fjern det fra formularen"));
                }
                if (field.required() && !required.contains(field.key()) && !listeners.contains("complete")) {
                    findings.add(new Finding(resource, id, "form " + formFile + " requires '" + field.key() + "', the completion does not: through the "
                            + "engine's REST API the task can be completed without it; add '" + field.key() + "' to the task's 'required' property",
                            "formularen " + formFile + " kræver '" + field.key() + "', afslutningen gør ikke: gennem motorens REST API kan opgaven "
                                    + "afsluttes uden; tilføj '" + field.key() + "' til opgavens egenskab 'required'"));
                }
            } else if (!inputs.contains(field.key()) && !provided.contains(field.key()) && !listeners.contains("create")) {
                findings.add(new Finding(resource, id, "form " + formFile + " shows '" + field.key() + "', which nothing provides to the task: "
                        + "declare it as the task's input parameter (camunda:inputParameter name=\"" + field.key() + "\" with the value to show) "
                        + "or remove it from the form", "formularen " + formFile + " viser '" + field.key() + "', som intet giver opgaven: erklær "
                        + "det som opgavens inputparameter (camunda:inputParameter name=\"" + field.key() + "\" med værdien, der skal vises), "
                        + "eller fjern det fra formularen"));
            }
        }
        return findings;
    }
}
