package dk.carepath.equipment;

import dk.carepath.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A kit step its life or its owner does not allow: the API answers 409, a task form shows the
 * message. The message is Danish, because the service center reads it in Tasklist as well.
 */
class KitUnavailableException extends ProblemException {

    KitUnavailableException(String message) {
        super(HttpStatus.CONFLICT, message);
    }
}
