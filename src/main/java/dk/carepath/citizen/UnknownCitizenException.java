package dk.carepath.citizen;

import dk.carepath.web.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

class UnknownCitizenException extends ProblemException {

    UnknownCitizenException(UUID id) {
        super(HttpStatus.NOT_FOUND, "no citizen with id " + id);
    }
}
