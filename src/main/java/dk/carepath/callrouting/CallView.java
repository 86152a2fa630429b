package dk.carepath.callrouting;

import dk.carepath.callrouting.CitizenCall.AnsweredBy;
import dk.carepath.callrouting.CitizenCall.CallReason;
import java.time.Instant;
import java.util.UUID;

/**
 * A citizen's call as the API shows it.
 *
 * @param tellCitizen what the front desk tells the citizen about the call-back (Danish); null when a nurse answered
 * @param outcome     how the call ended, as the model names it (Danish)
 * @param registration the contact registration of the call, once classified
 */
public record CallView(UUID id, UUID citizenId, UUID pathwayId, String municipalityId, Instant receivedAt,
                       AnsweredBy answeredBy, String answeredByUser, CallReason reason, String message, String callbackPhone,
                       Boolean withinPhoneHours, Instant callBackFrom, Instant callBackDue, String tellCitizen,
                       boolean closed, String outcome, Instant closedAt, ContactRegistrationView registration) {
}
