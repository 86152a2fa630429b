package dk.carepath.engine;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Reads the extension properties of the model element being executed ("decision",
 * "letter"): a process owner sets them in the Modeler's properties panel, so one delegate serves
 * many tasks and the model says what each one does.
 */
public final class ModelProperties {

    private ModelProperties() {
    }

    public static Optional<String> of(DelegateExecution execution, String name) {
        return of(execution.getBpmnModelElementInstance(), name);
    }

    public static Optional<String> of(DelegateTask task, String name) {
        return of(task.getBpmnModelElementInstance(), name);
    }

    public static String require(DelegateExecution execution, String name) {
        return of(execution, name).orElseThrow(() -> new IllegalStateException(
                "model element " + execution.getCurrentActivityId() + " has no extension property '" + name + "'"));
    }

    private static Optional<String> of(BaseElement element, String name) {
        if (element == null) {
            return Optional.empty();
        }
        ExtensionElements extensions = element.getExtensionElements();
        if (extensions == null) {
            return Optional.empty();
        }
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> name.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst();
    }
}
