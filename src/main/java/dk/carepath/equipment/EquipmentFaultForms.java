package dk.carepath.equipment;

import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import dk.carepath.engine.FormRules;
import dk.carepath.equipment.EquipmentFault.Vars;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service center's forms in the equipment-fault process: {@code ${faultNoteForm}} keeps what
 * support and the home visit wrote on the fault; {@code ${kitSwapForm}} swaps the kit.
 */
@Configuration
class EquipmentFaultForms {

    /** the form fields whose text is kept on the fault */
    static final List<String> NOTE_FIELDS = List.of("contactNote", "visitNote");

    @Bean("faultNoteForm")
    TaskListener faultNoteForm(EquipmentFaults faults) {
        return task -> {
            KitFault fault = faults.require(faultId(task));
            for (String field : NOTE_FIELDS) {
                Object note = task.getExecution().getVariableLocal(field);
                if (note != null) {
                    fault.note(task.getName() + ": " + note);
                }
            }
        };
    }

    /**
     * Task_SwapKit: the new kit number is recorded on the citizen, the old kit is swapped out for
     * repair, and the fault closed as swapped. The new number goes to the process for the
     * monitoring nurse's task.
     */
    @Bean("kitSwapForm")
    TaskListener kitSwapForm(EquipmentFaults faults, KitRegistry kits, AuditTrail audit) {
        return task -> {
            Object number = task.getVariable(Vars.NEW_KIT_NUMBER.name());
            if (number == null || number.toString().isBlank() || number.toString().trim().length() > 40) {
                throw FormRules.invalid(List.of("Nyt kitnummer skal udfyldes (højst 40 tegn)"));
            }
            KitFault fault = faults.require(faultId(task));
            KitRegistry.Swap swap;
            try {
                swap = kits.swap(fault.citizenId(), number.toString(), text(task, "swapNote"));
            } catch (KitUnavailableException e) {
                throw FormRules.invalid(List.of(e.getMessage()));
            }
            fault.note(text(task, "swapNote"));
            fault.close(FaultStatus.SWAPPED, swap.newKit().kitNumber(), kits.now());
            audit.changed(AuditAction.UPDATE, "kit-fault", fault.citizenId(), fault.pathwayId(),
                    "kit " + swap.oldKit().kitNumber() + " swapped for " + swap.newKit().kitNumber());
            Vars.NEW_KIT_NUMBER.set(task.getExecution().getProcessInstance(), swap.newKit().kitNumber());
        };
    }

    private static UUID faultId(DelegateTask task) {
        return UUID.fromString(Vars.FAULT_ID.require(task));
    }

    private static String text(DelegateTask task, String field) {
        Object value = task.getVariable(field);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
