package dk.carepath.equipment;

import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import dk.carepath.citizen.CitizenView;
import dk.carepath.citizen.Citizens;
import dk.carepath.equipment.EquipmentFault.Vars;
import dk.carepath.web.ProblemException;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Kit fault reports ("Fejlmelding af TeleKit" [000]): marks the citizen's kit faulty and starts the
 * equipment-fault process by message {@code Fault_Reported}, in one transaction. The public API of
 * faults for other features (call routing files reports; the API takes them from the service
 * center and the nurses).
 */
@Service
@Transactional
public class EquipmentFaults {

    private final KitRegistry kits;
    private final KitFaultRepository faults;
    private final Citizens citizens;
    private final ObjectProvider<RunningPathways> pathways;
    private final ServiceCenter serviceCenter;
    private final RuntimeService runtime;
    private final AuditTrail audit;

    EquipmentFaults(KitRegistry kits, KitFaultRepository faults, Citizens citizens, ObjectProvider<RunningPathways> pathways,
                    ServiceCenter serviceCenter, RuntimeService runtime, AuditTrail audit) {
        this.kits = kits;
        this.faults = faults;
        this.citizens = citizens;
        this.pathways = pathways;
        this.serviceCenter = serviceCenter;
        this.runtime = runtime;
        this.audit = audit;
    }

    /**
     * Reports the citizen's kit faulty.
     *
     * @param reportedVia who reported it: CITIZEN_CALL (staff after a call), SERVICE_CENTER (the citizen called support), STAFF
     * @throws ProblemException 409 when the kit is already reported faulty; 422 when the citizen has no kit
     */
    public FaultView report(UUID citizenId, String description, String reportedVia) {
        CitizenView citizen = citizens.require(citizenId);
        faults.findFirstByCitizenIdAndStatus(citizenId, FaultStatus.OPEN).ifPresent(open -> {
            throw ProblemException.conflict("the citizen's kit " + open.kitNumber() + " is already reported faulty (fault " + open.id() + ")");
        });
        if (kits.kitOf(citizenId).isEmpty()) {
            throw ProblemException.unprocessable("citizenId", "the citizen has no kit registered");
        }
        KitView kit = kits.markFaulty(citizenId, description);
        Optional<UUID> pathway = pathways.getIfAvailable(() -> id -> Optional.empty()).of(citizenId);
        Instant now = kits.now();
        String region = serviceCenter.regionOf(citizen.municipalityId());
        KitFault fault = faults.save(new KitFault(citizenId, kit.kitNumber(), pathway.orElse(null),
                description, reportedVia, audit.currentActor(), now, serviceCenter.serviceLevelDue(region, now)));
        audit.changed(AuditAction.CREATE, "kit-fault", citizenId, fault.pathwayId(), "kit " + kit.kitNumber() + " reported faulty");

        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.FAULT_ID.name(), fault.id().toString());
        variables.put(Vars.CITIZEN_ID.name(), citizenId.toString());
        variables.put(Vars.CITIZEN_LABEL.name(), citizen.label());
        variables.put(Vars.PATHWAY_ID.name(), pathway.map(UUID::toString).orElse(null));
        variables.put(Vars.KIT_NUMBER.name(), kit.kitNumber());
        variables.put(Vars.REGION.name(), region);
        variables.put(Vars.FAULT_DESCRIPTION.name(), description);
        variables.put(Vars.SERVICE_LEVEL_DUE.name(), Date.from(fault.serviceLevelDue()));
        runtime.createMessageCorrelation(EquipmentFault.Messages.FAULT_REPORTED)
                .tenantId(region)
                .processInstanceBusinessKey(fault.id().toString())
                .setVariables(variables)
                .correlateStartMessage();
        return fault.view();
    }

    @Transactional(readOnly = true)
    public Optional<FaultView> find(UUID faultId) {
        return faults.findById(faultId).map(KitFault::view);
    }

    /** The citizen's open fault, if the kit is reported faulty now. */
    @Transactional(readOnly = true)
    public Optional<FaultView> openFaultOf(UUID citizenId) {
        return faults.findFirstByCitizenIdAndStatus(citizenId, FaultStatus.OPEN).map(KitFault::view);
    }

    KitFault require(UUID faultId) {
        return faults.findById(faultId).orElseThrow(() -> new IllegalStateException("no fault " + faultId));
    }
}
