package dk.carepath.web;

import org.springframework.http.HttpStatus;

/**
 * An error a client caused and can fix, answered as RFC 9457 problem details with this status. The
 * message is the problem's detail and is shown to the client, so it must never contain a CPR number.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    public ProblemException(HttpStatus status, String detail) {
        this(status, null, detail);
    }

    /** @param field the JSON path of the offending field in the request, e.g. {@code citizen.cpr} */
    public ProblemException(HttpStatus status, String field, String detail) {
        super(detail);
        this.status = status;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, detail);
    }

    public static ProblemException invalidField(String field, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, field, detail);
    }

    public static ProblemException unprocessable(String field, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, field, detail);
    }
}
