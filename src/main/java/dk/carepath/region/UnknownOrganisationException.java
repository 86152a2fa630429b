package dk.carepath.region;

import dk.carepath.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A referenced organisation that is not registered, or not of the kind the reference needs. */
public class UnknownOrganisationException extends ProblemException {

    public UnknownOrganisationException(String id, OrganisationKind kind) {
        super(HttpStatus.NOT_FOUND, "no " + kind.name().toLowerCase().replace('_', ' ') + " with id '" + id + "'");
    }
}
