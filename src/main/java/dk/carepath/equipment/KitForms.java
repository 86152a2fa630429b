package dk.carepath.equipment;

import dk.carepath.engine.FormRules;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service center's kit tasks in the pathway: {@code ${kitInstallationForm}} records the kit
 * handed out, {@code ${kitCollectionForm}} takes it back. Both read the process variable
 * {@code citizenId}.
 */
@Configuration
class KitForms {

    @Bean("kitInstallationForm")
    TaskListener kitInstallationForm(KitRegistry kits) {
        return task -> {
            Object number = task.getVariable("kitNumber");
            if (number == null || number.toString().isBlank() || number.toString().trim().length() > 40) {
                throw FormRules.invalid(List.of("Kitnummer skal udfyldes (højst 40 tegn)"));
            }
            try {
                kits.handOut(number.toString(), citizen(task), text(task, "installationNote"));
            } catch (KitUnavailableException e) {
                throw FormRules.invalid(List.of(e.getMessage()));
            }
        };
    }

    @Bean("kitCollectionForm")
    TaskListener kitCollectionForm(KitRegistry kits) {
        return task -> kits.takeBack(citizen(task), "COLLECTED".equals(task.getVariable("kitCollected")),
                text(task, "collectionNote"));
    }

    private static UUID citizen(DelegateTask task) {
        return UUID.fromString((String) task.getVariable("citizenId"));
    }

    private static String text(DelegateTask task, String field) {
        Object value = task.getVariable(field);
        return value == null ? null : value.toString();
    }
}
