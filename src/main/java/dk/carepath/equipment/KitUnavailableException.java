package dk.carepath.equipment;

/** A kit that cannot be handed out; the message is Danish, for the person registering it. */
public class KitUnavailableException extends RuntimeException {

    public KitUnavailableException(String message) {
        super(message);
    }
}
