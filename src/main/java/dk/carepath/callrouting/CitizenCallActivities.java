package dk.carepath.callrouting;

import java.time.Clock;
import dk.carepath.pathway.JournalKind;
import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import dk.carepath.calendar.PhoneHours;
import dk.carepath.callrouting.CitizenCall.Vars;
import dk.carepath.equipment.EquipmentFaults;
import dk.carepath.equipment.FaultView;
import dk.carepath.equipment.KitRegistry;
import dk.carepath.pathway.HeartFailurePathway;
import dk.carepath.pathway.MonitoringPlans;
import dk.carepath.pathway.PathwayMessages;
import dk.carepath.pathway.Pathways;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The citizen-call process's automatic steps, called from the model as
 * {@code ${citizenCall.registerMessage(execution)}} so that a process owner reads in the Modeler
 * what each step does. Public because the expression language calls only public methods of public classes.
 */
@Component("citizenCall")
public class CitizenCallActivities {

    private final CallRecordRepository calls;
    private final ContactRegistrationRepository registrations;
    private final PhoneHours phoneHours;
    private final Pathways pathways;
    private final MonitoringPlans plans;
    private final PathwayMessages pathwayMessages;
    private final KitRegistry kits;
    private final EquipmentFaults faults;
    private final AuditTrail audit;

    private final Clock clock;

    CitizenCallActivities(CallRecordRepository calls, ContactRegistrationRepository registrations, PhoneHours phoneHours,
                          Pathways pathways, MonitoringPlans plans, PathwayMessages pathwayMessages, KitRegistry kits,
                          EquipmentFaults faults, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.calls = calls;
        this.registrations = registrations;
        this.phoneHours = phoneHours;
        this.pathways = pathways;
        this.plans = plans;
        this.pathwayMessages = pathwayMessages;
        this.kits = kits;
        this.faults = faults;
        this.audit = audit;
    }

    /**
     * Task_RegisterMessage: the front desk's message waits for a nurse's call-back, within the
     * municipality's phone hours the same day, outside them the next phone hours (the next
     * working day after closing) [000]. Sets when, and what the citizen is told.
     */
    public void registerMessage(DelegateExecution execution) {
        CallRecord call = load(execution);
        PhoneHours.CallBack callBack = phoneHours.callBack(call.municipalityId(), call.receivedAt());
        String promise = CallBackPromise.of(callBack, call.receivedAt().atZone(callBack.from().getZone()));
        call.callBack(callBack.withinPhoneHours(), callBack.from().toInstant(), callBack.due().toInstant(), promise);
        Vars.WITHIN_PHONE_HOURS.set(execution, callBack.withinPhoneHours());
        Vars.CALL_BACK_FROM.set(execution, Date.from(callBack.from().toInstant()));
        Vars.CALL_BACK_DUE.set(execution, Date.from(callBack.due().toInstant()));
        Vars.CALL_BACK_PROMISE.set(execution, promise);
        journal(call, "Besked registreret til opringning", promise);
    }

    /** For the technical form: the citizen's kit and whether it is already reported faulty. */
    public String kitSummary(String citizenId) {
        UUID citizen = UUID.fromString(citizenId);
        return kits.kitOf(citizen)
                .map(kit -> "Kit " + kit.kitNumber() + " (" + kit.status().danish() + ")"
                        + faults.openFaultOf(citizen).map(f -> " – allerede fejlmeldt; servicecentret arbejder på det").orElse(""))
                .orElse("Borgeren har intet telekit registreret");
    }

    /** For the deviation form: the citizen's measurement time now. */
    public String measurementTimeOf(String pathwayId) {
        if (pathwayId == null) {
            return "Borgeren er ikke i et telemedicinsk forløb";
        }
        return plans.forPathway(UUID.fromString(pathwayId)).map(p -> "kl. " + p.measurementTime()).orElse("Ingen måleplan endnu");
    }

    /**
     * Task_FileFaultReport: staff file the fault report ("Fejlmelding af TeleKit" [000]), which
     * starts equipment-fault; a kit already reported faulty is not reported twice.
     */
    public void fileFaultReport(DelegateExecution execution) {
        CallRecord call = load(execution);
        Optional<FaultView> open = faults.openFaultOf(call.citizenId());
        FaultView fault = open.orElseGet(() -> faults.report(call.citizenId(), Vars.FAULT_DESCRIPTION.require(execution), "CITIZEN_CALL"));
        Vars.FAULT_ID.set(execution, fault.id().toString());
        journal(call, open.isPresent() ? "Telekit " + fault.kitNumber() + " var allerede fejlmeldt" : "Telekit " + fault.kitNumber() + " fejlmeldt",
                fault.description());
    }

    /** Task_ChangeMeasurementTime: the citizen's measurement time in the monitoring plan [000]. */
    public void changeMeasurementTime(DelegateExecution execution) {
        CallRecord call = load(execution);
        plans.changeMeasurementTime(call.pathwayId(), LocalTime.parse(Vars.NEW_MEASUREMENT_TIME.require(execution)),
                "Borgeren ringede: " + Optional.ofNullable(Vars.DEVIATION_NOTE.get(execution)).orElse(Vars.CALL_MESSAGE.get(execution)));
    }

    /** Task_RequestPause: Pause_Requested to the citizen's pathway; no missing-measurement alarms until it ends [000]. */
    public void requestPause(DelegateExecution execution) {
        CallRecord call = load(execution);
        Map<String, Object> payload = new HashMap<>();
        payload.put(HeartFailurePathway.Vars.PAUSE_UNTIL.name(), Vars.PAUSE_UNTIL.require(execution));
        payload.put(HeartFailurePathway.Vars.PAUSE_REASON.name(),
                Optional.ofNullable(Vars.DEVIATION_NOTE.get(execution)).orElse(Vars.CALL_MESSAGE.get(execution)));
        pathwayMessages.send(call.pathwayId(), HeartFailurePathway.Messages.PAUSE_REQUESTED, payload);
        audit.changed(AuditAction.UPDATE, "pathway", call.citizenId(), call.pathwayId(),
                "pause until " + Vars.PAUSE_UNTIL.require(execution).toInstant() + " requested by phone");
    }

    /** The end events of the call's paths: how the call ended, on the call and in the pathway's journal. */
    public void recordOutcome(DelegateExecution execution) {
        CallRecord call = load(execution);
        String outcome = execution.getCurrentActivityName();
        call.outcome(outcome);
        journal(call, "Opkald: " + outcome, null);
    }

    /** After Task_ClassifyContact: the call's contact registration, stored for the statistics [003]; the call is closed. */
    public void recordContactRegistration(DelegateExecution execution) {
        CallRecord call = load(execution);
        if (!registrations.existsByCallId(call.id())) {
            Boolean registered = Vars.REGISTERED_AS_CONTACT.get(execution);
            BigDecimal fee = Vars.PATIENT_FEE.get(execution);
            registrations.save(new ContactRegistration(call.id(), call.citizenId(), now(),
                    Vars.CONTACT_PURPOSE.require(execution), Vars.CONTACT_KIND.require(execution), Boolean.TRUE.equals(registered),
                    Vars.VISIT_TYPE.get(execution), fee, Vars.PAYMENT_METHOD.get(execution), Vars.NOTE_TYPE.get(execution),
                    Vars.FOLLOW_UP.get(execution), Vars.REGISTRATION_REASON.require(execution)));
            audit.changed(AuditAction.CREATE, "contact-registration", call.citizenId(), call.pathwayId(),
                    Boolean.TRUE.equals(registered) ? "registered as phone contact" : "not a phone contact");
        }
        call.close(now());
        journal(call, Boolean.TRUE.equals(Vars.REGISTERED_AS_CONTACT.get(execution))
                ? "Telefonkontakt registreret (" + Vars.VISIT_TYPE.get(execution) + ", " + Vars.NOTE_TYPE.get(execution) + ")"
                : "Opkaldet registreres ikke som telefonkontakt", Vars.REGISTRATION_REASON.get(execution));
    }

    private CallRecord load(DelegateExecution execution) {
        UUID id = UUID.fromString(Vars.CALL_ID.require(execution));
        return calls.findById(id).orElseThrow(() -> new IllegalStateException("no call " + id));
    }

    private void journal(CallRecord call, String summary, String detail) {
        if (call.pathwayId() != null) {
            pathways.record(call.pathwayId(), JournalKind.CALL, summary, detail);
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
