package dk.carepath.equipment;

import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import dk.carepath.equipment.EquipmentFault.Element;
import dk.carepath.equipment.EquipmentFault.Vars;
import dk.carepath.notify.Correspondence;
import dk.carepath.notify.Letter;
import dk.carepath.region.OrganisationKind;
import dk.carepath.region.OrganisationView;
import dk.carepath.region.Organisations;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The equipment-fault process's automatic steps, called from the model as
 * {@code ${equipmentFault.closeAsSolved(execution)}}. Public because the expression language calls
 * only public methods of public classes.
 */
@Component("equipmentFault")
public class EquipmentFaultActivities {

    private static final Logger log = LoggerFactory.getLogger(EquipmentFaultActivities.class);
    static final int BREACH_PRIORITY = 100;

    private final EquipmentFaults faults;
    private final KitRegistry kits;
    private final TaskService tasks;
    private final Organisations organisations;
    private final Correspondence correspondence;
    private final AuditTrail audit;
    private final DateTimeFormatter time;

    EquipmentFaultActivities(EquipmentFaults faults, KitRegistry kits, TaskService tasks, Organisations organisations,
                             Correspondence correspondence, AuditTrail audit,
                             @Value("${carepath.zone}") ZoneId zone) {
        this.faults = faults;
        this.kits = kits;
        this.tasks = tasks;
        this.organisations = organisations;
        this.correspondence = correspondence;
        this.audit = audit;
        this.time = DateTimeFormatter.ofPattern("dd-MM-yyyy 'kl.' HH:mm").withZone(zone);
    }

    /**
     * Event_ServiceLevelBreached: support has not contacted the citizen within the service level.
     * The contact task goes to top priority (Tasklist's "Haster" filter), the fault is marked
     * breached for the KPIs, and the service center's mailbox is told.
     */
    public void escalateServiceLevelBreach(DelegateExecution execution) {
        KitFault fault = faults.require(faultId(execution));
        fault.serviceLevelBreached();
        tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(Element.Task_ContactCitizenAboutFault.id()).list()
                .forEach(task -> tasks.setPriority(task.getId(), BREACH_PRIORITY));
        audit.changed(AuditAction.UPDATE, "kit-fault", fault.citizenId(), fault.pathwayId(), "service level breached");
        String region = Vars.REGION.get(execution);
        Optional<OrganisationView> serviceCenter = organisations.all(OrganisationKind.SERVICE_CENTER).stream()
                .filter(o -> o.region().equals(region) && o.mailAddress() != null && !o.mailAddress().isBlank())
                .findFirst();
        if (serviceCenter.isEmpty()) {
            log.info("service level of fault {} breached; no service center of region {} with a mail address to tell",
                    fault.id(), region);
            return;
        }
        OrganisationView to = serviceCenter.get();
        // no personal data: mail is not a secure channel; the fault id and kit number find the case
        correspondence.queue(new Letter("fault:" + fault.id() + ":SERVICE_LEVEL_BREACH", null, "SERVICE_LEVEL_BREACH", to.id(),
                to.mailAddress(), "TeleHjerte: Servicemål overskredet for fejlmelding af telekit " + fault.kitNumber(),
                "Til: " + to.name() + "\n\n"
                        + "Fejlmeldingen af telekit " + fault.kitNumber() + " (fejl-id " + fault.id() + "), meldt "
                        + time.format(fault.reportedAt()) + ", skulle være fulgt op med kontakt til borgeren senest "
                        + time.format(fault.serviceLevelDue()) + ".\n\n"
                        + "Opgaven \"Kontakt borgeren om fejlen på telekittet\" er sat til højeste prioritet i Tasklist.\n"));
    }

    /** Task_CloseFaultAsSolved: solved remotely or at a home visit; the kit is in use again. */
    public void closeAsSolved(DelegateExecution execution) {
        close(execution, FaultStatus.SOLVED, "Fejl løst");
    }

    /** Task_CloseFaultAsNotTechnical: no kit fault after all; the monitoring nurse takes the question [002 §6.1]. */
    public void closeAsNotTechnical(DelegateExecution execution) {
        close(execution, FaultStatus.NOT_TECHNICAL, "Ingen fejl på kittet");
    }

    private void close(DelegateExecution execution, FaultStatus outcome, String note) {
        KitFault fault = faults.require(faultId(execution));
        kits.faultCleared(fault.citizenId(), note);
        fault.close(outcome, null, kits.now());
        audit.changed(AuditAction.UPDATE, "kit-fault", fault.citizenId(), fault.pathwayId(), "fault " + outcome);
    }

    static UUID faultId(DelegateExecution execution) {
        return UUID.fromString(Vars.FAULT_ID.require(execution));
    }
}
