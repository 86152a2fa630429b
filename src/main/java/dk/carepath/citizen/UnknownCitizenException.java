package dk.carepath.citizen;

import dk.carepath.web.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

public class UnknownCitizenException extends ProblemException {

    public UnknownCitizenException(UUID id) {
        super(HttpStatus.NOT_FOUND, "no citizen with id " + id);
    }
}
