package dk.carepath.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the Carepath API as RFC 9457 problem details. Validation problems name each
 * offending field in an {@code errors} list of {@code {field, message}}; nothing is stored when
 * one is returned.
 */
@RestControllerAdvice(basePackages = "dk.carepath")
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final URI VALIDATION = URI.create("https://carepath.dk/problems/validation");

    record FieldError(String field, String message) {
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        if (e.field() != null) {
            body.setType(VALIDATION);
            body.setProperty("errors", List.of(new FieldError(e.field(), e.getMessage())));
        }
        return ResponseEntity.status(e.status()).body(body);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return validation(e.problems().stream().map(p -> new FieldError(p.field(), p.message())).toList());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v.getPropertyPath()), v.getMessage()))
                .toList();
        return validation(errors);
    }

    /**
     * The field as the request names it: a request parameter by its name ({@code limit}), a body's
     * field by its path in the body ({@code citizen.cpr}); the method and body parameter are Java's.
     */
    static String field(jakarta.validation.Path path) {
        List<jakarta.validation.Path.Node> nodes = new java.util.ArrayList<>();
        path.forEach(nodes::add);
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            jakarta.validation.Path.Node node = nodes.get(i);
            if (node.getKind() == jakarta.validation.ElementKind.METHOD) {
                continue;
            }
            boolean last = i == nodes.size() - 1;
            if (node.getKind() == jakarta.validation.ElementKind.PARAMETER && !last) {
                continue;
            }
            names.add(node.getName() + (node.getIndex() != null ? "[" + node.getIndex() + "]" : ""));
        }
        return names.isEmpty() ? path.toString() : String.join(".", names);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "the resource was changed by someone else at the same time; fetch it again and retry"));
    }

    /**
     * A database constraint the request's checks did not foresee: only a unique violation is a
     * duplicate (409); a text too long or a value out of range is the client's (400); a missing
     * reference or another constraint is a conflict with what is stored, not called a duplicate.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        String state = sqlState(e);
        log.info("request refused by a database constraint: {} (SQL state {})", e.getMostSpecificCause().getClass().getSimpleName(), state);
        String prefix = state == null || state.length() < 2 ? "" : state.substring(0, 2);
        if ("23505".equals(state)) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "the request duplicates data already stored"));
        }
        if ("22".equals(prefix)) {
            return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "a value of the request does not fit where it is stored (a text too long or a number out of range)"));
        }
        if ("23503".equals(state)) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "the request refers to something that is not stored (or no longer is)"));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "the request conflicts with data already stored"));
    }

    /** The SQL state of the database's refusal (PostgreSQL and H2 use the standard codes: 23505 unique, 22001 too long). */
    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "your role does not allow this"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return validation(List.of(new FieldError(e.getName(), "is not a valid "
                + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName()))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        return ResponseEntity.badRequest().body(validationBody(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(validationBody(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        JsonMappingException mapping = e.getCause() instanceof JsonMappingException m ? m : null;
        String at = mapping == null || mapping.getPath().isEmpty() ? null : path(mapping);
        FieldError error;
        if (cause instanceof UnrecognizedPropertyException u) {
            error = new FieldError(path(u), "unknown field");
        } else if (cause instanceof InvalidFormatException f) {
            error = new FieldError(path(f), excerpt(f.getValue()) + " is not " + kind(f.getTargetType()));
        } else if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            error = new FieldError(path(m), m.getTargetType() == null ? "has the wrong type" : "must be " + kind(m.getTargetType()));
        } else if (cause instanceof ProblemException p) {
            return ResponseEntity.status(p.status()).body(problem(p).getBody());
        } else if (cause instanceof com.fasterxml.jackson.core.exc.InputCoercionException && at != null) {
            error = new FieldError(at, "the number is out of range");
        } else if (cause instanceof java.time.DateTimeException && at != null) {
            error = new FieldError(at, "is not a valid date and time (ISO 8601, e.g. 2026-11-23T07:45:00+01:00)");
        } else if (cause instanceof IllegalArgumentException && at != null) {
            error = new FieldError(at, bounded(cause.getMessage()));
        } else if (cause instanceof com.fasterxml.jackson.core.JsonParseException parse && parse.getOriginalMessage() != null
                && parse.getOriginalMessage().startsWith("Duplicate field '")) {
            String field = parse.getOriginalMessage().substring("Duplicate field '".length()).replaceFirst("'.*$", "");
            error = new FieldError(bounded(at == null ? field : at + "." + field), "appears twice: give each field once");
        } else if (at != null && !(cause instanceof com.fasterxml.jackson.core.JsonParseException)) {
            error = new FieldError(at, "has a value that cannot be read");
        } else if (cause instanceof MismatchedInputException trailing && String.valueOf(trailing.getOriginalMessage()).startsWith("Trailing token")) {
            error = new FieldError("", "nothing may follow the JSON value (one object per request)");
        } else {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request body is not valid JSON"
                    + (cause instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")" : ""));
            return ResponseEntity.badRequest().body(body);
        }
        return ResponseEntity.badRequest().body(validationBody(List.of(error)));
    }

    private ResponseEntity<ProblemDetail> validation(List<FieldError> errors) {
        return ResponseEntity.badRequest().body(validationBody(errors));
    }

    private static ProblemDetail validationBody(List<FieldError> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")));
        body.setType(VALIDATION);
        body.setTitle("Invalid request");
        body.setProperty("errors", errors);
        return body;
    }

    /** at most so much of a sent value is ever echoed: a 5 MB id must not come back as a 10 MB answer */
    static final int ECHO = 40;

    static String excerpt(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > ECHO ? text.substring(0, ECHO) + "…" : text) + "'";
    }

    static String bounded(String text) {
        return text == null ? null : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static String kind(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants()) + " (by name)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == java.math.BigDecimal.class || type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text";
        }
        if (type == java.util.UUID.class) {
            return "an id (UUID)";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date and time (ISO 8601, e.g. 2026-11-23T07:45:00+01:00)";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a " + type.getSimpleName();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

}
