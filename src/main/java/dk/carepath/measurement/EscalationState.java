package dk.carepath.measurement;

/**
 * Whether the escalation rules have run for a measurement (column {@code measurement.escalation}, stored by name). A
 * measurement is stored first and escalated after the commit; PENDING is what a poller retries until it is DONE.
 */
public enum EscalationState {
    /** nothing to escalate: a green or uncoloured measurement never reaches the rules or the engine */
    NONE,
    /** to be escalated: the rules, alarm, process message and mail have not yet committed together */
    PENDING,
    /** escalated */
    DONE;

    /** what a measurement of this colour (null: its colouring failed, so the escalation colours it) waits for */
    static EscalationState of(Colour colour) {
        return colour == null || colour.escalates() ? PENDING : NONE;
    }
}
