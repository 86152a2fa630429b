package dk.carepath.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Enforces the form rules a process owner writes on a user task as extension properties:
 * {@code required} (comma-separated field names) and {@code choices.<field>} (the allowed values).
 * Tasklist's forms check the same, but the engine REST API does not go through forms, so the rules
 * are checked again when the task completes. A violation refuses the completion with HTTP 400, naming
 * the field (and its choices) as the task's form labels them in Danish ({@link FormLabels}).
 */
public class FormRules implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        java.util.function.Supplier<java.util.Map<String, FormLabels.Field>> labels = memo(() -> FormLabels.of(task));
        ModelProperties.of(task, "required").ifPresent(required -> {
            for (String field : split(required)) {
                Object value = task.getVariable(field);
                if (value == null || value instanceof String s && s.isBlank()) {
                    problems.add(FormLabels.label(labels.get(), field) + " skal udfyldes");
                }
            }
        });
        var element = task.getBpmnModelElementInstance();
        if (element != null && element.getExtensionElements() != null) {
            element.getExtensionElements().getElementsQuery()
                    .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
                    .flatMap(p -> p.getCamundaProperties().stream())
                    .filter(p -> p.getCamundaName() != null && p.getCamundaName().startsWith("choices."))
                    .forEach(p -> {
                        String field = p.getCamundaName().substring("choices.".length());
                        Object value = task.getVariable(field);
                        Set<String> allowed = Set.copyOf(split(p.getCamundaValue()));
                        if (value != null && !allowed.contains(value.toString())) {
                            var form = labels.get().get(field);
                            problems.add(FormLabels.label(labels.get(), field) + " skal være en af " + allowed.stream().sorted()
                                    .map(v -> form == null || !form.choices().containsKey(v) ? v : form.choices().get(v) + " (" + v + ")")
                                    .collect(Collectors.joining(", ")) + ", ikke '" + value + "'");
                        }
                    });
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
    }

    /** the form's labels are read once, and only when a rule is broken */
    private static <T> java.util.function.Supplier<T> memo(java.util.function.Supplier<T> supplier) {
        return new java.util.function.Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /** The exception a form listener throws for invalid input: the engine REST API answers 400 with the message. */
    public static FormValidationException invalid(List<String> problems) {
        return new FormValidationException(problems);
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
