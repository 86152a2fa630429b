package dk.carepath.calendar;

import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * The region of the process instance an expression is evaluated for, so that the models say
 * {@code ${clinicHours.dueInWorkingDays(1)}} in every region and still count that region's hours:
 * the process definition's tenant (its region's deployment) or else the instance's {@code region}
 * variable, which every process gets at its start.
 */
public final class EngineRegion {

    /** the process variable every process instance carries */
    public static final String VARIABLE = "region";

    private EngineRegion() {
    }

    /** the region of the execution at hand, or null outside one (a call from Java) */
    public static String current() {
        BpmnExecutionContext context = Context.getBpmnExecutionContext();
        ExecutionEntity execution = context == null ? null : context.getExecution();
        if (execution == null) {
            return null;
        }
        if (execution.getTenantId() != null) {
            return execution.getTenantId();
        }
        Object region = execution.getVariable(VARIABLE);
        return region == null ? null : region.toString();
    }
}
