package dk.carepath.measurement;

/**
 * The answer for one measurement: its id, colour and what to tell the citizen now. A measurement
 * sent again answers with what was stored the first time and {@code duplicate = true}.
 */
public record IntakeResult(String senderId, long id, Colour colour, String reason, Long thresholdSetId, String advice,
                           boolean duplicate) {
}
