package dk.carepath.rules;

import dk.carepath.engine.ModelProperties;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The delegate behind every BPMN business rule task: {@code camunda:delegateExpression="${evaluateDecision}"}
 * with the extension property {@code decision} naming the Drools decision, so the Modeler shows which
 * decision a task uses. The decision's inputs are read from the process variables of the same names;
 * each output becomes a process variable of its name (numbers as Long or Double). The decision is the one
 * deployed with the instance's version of the process ({@link DeploymentDecisions}): its region's rules, as they
 * were when that version was deployed.
 */
@Component("evaluateDecision")
class EvaluateDecisionDelegate implements JavaDelegate {

    static final String DECISION_PROPERTY = "decision";

    private final DeploymentDecisions deployed;

    EvaluateDecisionDelegate(DeploymentDecisions deployed) {
        this.deployed = deployed;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decisionId = ModelProperties.require(execution, DECISION_PROPERTY);
        DroolsDecisions decisions = deployed.ofDefinition(execution.getProcessDefinitionId());
        Map<String, Object> inputs = new HashMap<>();
        for (String input : decisions.inputsOf(decisionId)) {
            inputs.put(input, execution.getVariable(input));
        }
        DecisionResult result = decisions.evaluate(decisionId, inputs);
        result.outputs().forEach((name, value) -> execution.setVariable(name, engineValue(value)));
    }

    /**
     * FEEL numbers are BigDecimal, which the engine could only store serialized: a whole number
     * becomes a Long, any other a Double.
     */
    static Object engineValue(Object value) {
        if (value instanceof BigDecimal number) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException notWhole) {
                return number.doubleValue();
            }
        }
        return value;
    }
}
