package dk.carepath.citizen;

/** A CPR number that is not one; the message is safe to show and log (it never contains the number). */
public class InvalidCprNumberException extends IllegalArgumentException {

    public InvalidCprNumberException(String message) {
        super(message);
    }
}
