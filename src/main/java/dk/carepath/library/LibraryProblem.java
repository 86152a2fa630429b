package dk.carepath.library;

import dk.carepath.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A refused phrase or material: the API's problem (English, naming the field) and what the page tells a nurse in Danish. */
public class LibraryProblem extends ProblemException {

    private final String danish;

    LibraryProblem(HttpStatus status, String field, String detail, String danish) {
        super(status, field, detail);
        this.danish = danish;
    }

    public String danish() {
        return danish;
    }

    static LibraryProblem invalid(String field, String detail, String danish) {
        return new LibraryProblem(HttpStatus.BAD_REQUEST, field, detail, danish);
    }

    static LibraryProblem missing(String detail) {
        return new LibraryProblem(HttpStatus.NOT_FOUND, null, detail, "Findes ikke, eller du har ikke adgang til det.");
    }
}
