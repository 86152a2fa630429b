package dk.carepath.callrouting;

import dk.carepath.callrouting.CitizenCall.AnsweredBy;
import dk.carepath.callrouting.CitizenCall.CallReason;
import java.time.Instant;
import java.util.UUID;

/**
 * A phone call to register: whose, who answered, why, and the message.
 *
 * @param answeredByUser the user who took the phone
 * @param receivedAt     when the call came (phone hours are judged by it)
 */
public record NewCall(UUID citizenId, AnsweredBy answeredBy, String answeredByUser, CallReason reason, String message,
                      String callbackPhone, Instant receivedAt) {
}
