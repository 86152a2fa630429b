package dk.carepath.callrouting;

import dk.carepath.pathway.JournalKind;
import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import dk.carepath.callrouting.CitizenCall.AnsweredBy;
import dk.carepath.callrouting.CitizenCall.ContactKind;
import dk.carepath.callrouting.CitizenCall.ContactPurpose;
import dk.carepath.callrouting.CitizenCall.Vars;
import dk.carepath.citizen.CitizenView;
import dk.carepath.citizen.Citizens;
import dk.carepath.pathway.PathwayView;
import dk.carepath.pathway.Pathways;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizens' phone calls to the municipality: registers a call and starts the citizen-call process
 * by message {@code Call_Received} in one transaction; reads calls and the contact statistics.
 */
@Service
@Transactional
public class CitizenCalls {

    private final CallRecordRepository calls;
    private final ContactRegistrationRepository registrations;
    private final Citizens citizens;
    private final Pathways pathways;
    private final RuntimeService runtime;
    private final AuditTrail audit;

    private final dk.carepath.region.Regions regions;

    CitizenCalls(CallRecordRepository calls, ContactRegistrationRepository registrations, Citizens citizens, Pathways pathways,
                 RuntimeService runtime, AuditTrail audit, dk.carepath.region.Regions regions) {
        this.regions = regions;
        this.calls = calls;
        this.registrations = registrations;
        this.citizens = citizens;
        this.pathways = pathways;
        this.runtime = runtime;
        this.audit = audit;
    }

    /**
     * Registers a call: a health professional goes on to handle it; the front desk's message is
     * registered for a call-back ({@link CallView#tellCitizen()} says what to tell the citizen).
     */
    public CallView register(NewCall call) {
        CitizenView citizen = citizens.require(call.citizenId());
        Optional<PathwayView> pathway = pathways.activeFor(citizen.id());
        CallRecord record = calls.saveAndFlush(new CallRecord(citizen.id(), pathway.map(PathwayView::id).orElse(null),
                citizen.municipalityId(), call.receivedAt(), call.answeredBy(), call.answeredByUser(), call.reason(),
                call.message(), call.callbackPhone()));
        audit.changed(AuditAction.CREATE, "citizen-call", citizen.id(), record.pathwayId(), "call " + call.reason() + " answered by " + call.answeredBy());
        pathway.ifPresent(p -> pathways.record(p.id(), JournalKind.CALL, "Opkald fra borgeren ("
                + (call.answeredBy() == AnsweredBy.HEALTH_PROFESSIONAL ? "besvaret af sundhedsfaglig medarbejder" : "besked til opringning")
                + ")", call.message()));

        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.CALL_ID.name(), record.id().toString());
        variables.put(Vars.CITIZEN_ID.name(), citizen.id().toString());
        variables.put(Vars.CITIZEN_LABEL.name(), citizen.label());
        variables.put(Vars.PATHWAY_ID.name(), pathway.map(p -> p.id().toString()).orElse(null));
        variables.put(Vars.MUNICIPALITY_ID.name(), citizen.municipalityId());
        String region = regions.ofOrganisation(citizen.municipalityId()).id();
        variables.put(Vars.REGION.name(), region);
        variables.put(Vars.ANSWERED_BY.name(), call.answeredBy().name());
        variables.put(Vars.HANDLED_BY.name(), call.answeredBy() == AnsweredBy.HEALTH_PROFESSIONAL ? call.answeredByUser() : null);
        variables.put(Vars.CALL_REASON.name(), call.reason().name());
        variables.put(Vars.CALL_MESSAGE.name(), call.message());
        variables.put(Vars.CALLBACK_PHONE.name(), call.callbackPhone());
        variables.put(Vars.RECEIVED_AT.name(), Date.from(call.receivedAt()));
        variables.put(Vars.CONTACT_PURPOSE.name(), ContactPurpose.of(call.reason()).name());
        variables.put(Vars.CONTACT_KIND.name(), call.answeredBy() == AnsweredBy.HEALTH_PROFESSIONAL ? ContactKind.INCOMING_ANSWERED.name() : null);
        // municipal nurses, not physicians, take these calls
        variables.put(Vars.WITH_PHYSICIAN.name(), false);
        runtime.createMessageCorrelation(CitizenCall.Messages.CALL_RECEIVED)
                .tenantId(region)
                .processInstanceBusinessKey(record.id().toString())
                .setVariables(variables)
                .correlateStartMessage();
        return view(record);
    }

    @Transactional(readOnly = true)
    public Optional<CallView> find(UUID callId) {
        return calls.findById(callId).map(this::view);
    }

    /**
     * Calls to these municipalities classified from {@code from} (inclusive) to {@code to}
     * (exclusive), by registration, visit type and note type.
     */
    @Transactional(readOnly = true)
    public List<ContactCount> statistics(Instant from, Instant to, java.util.Collection<String> municipalities) {
        return municipalities.isEmpty() ? List.of() : registrations.countBetween(from, to, municipalities);
    }

    private CallView view(CallRecord record) {
        return record.view(registrations.findByCallId(record.id()).map(ContactRegistration::view).orElse(null));
    }
}
