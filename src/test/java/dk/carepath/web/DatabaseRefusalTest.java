package dk.carepath.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A database constraint the request's own checks did not foresee: only a unique violation is called a duplicate. */
class DatabaseRefusalTest {

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("a unique key violated", "23505", HttpStatus.CONFLICT, true),
                Arguments.of("a text too long for its column", "22001", HttpStatus.BAD_REQUEST, false),
                Arguments.of("a number out of its column's range", "22003", HttpStatus.BAD_REQUEST, false),
                Arguments.of("a reference to nothing", "23503", HttpStatus.CONFLICT, false),
                Arguments.of("a check constraint violated", "23514", HttpStatus.CONFLICT, false),
                Arguments.of("no SQL state at all", null, HttpStatus.CONFLICT, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void shouldCallOnlyAUniqueViolationADuplicate(String name, String state, HttpStatus status, boolean duplicate) {
        DataIntegrityViolationException refusal = new DataIntegrityViolationException("could not execute statement",
                new RuntimeException("wrapped", new SQLException("refused", state)));

        ResponseEntity<ProblemDetail> answer = new ProblemHandler().integrity(refusal);

        assertThat(answer.getStatusCode()).as(name).isEqualTo(status);
        assertThat(answer.getBody().getDetail().contains("duplicate")).as(name + ": " + answer.getBody().getDetail()).isEqualTo(duplicate);
    }
}
