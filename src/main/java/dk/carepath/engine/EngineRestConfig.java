package dk.carepath.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import dk.carepath.web.DatabaseUnavailable;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API with corrections for what a user did, which Camunda answers as a server error:
 * a task completion refused by a form rule answers 400 with the user's message (and is not logged
 * as an ERROR with a stack trace: it is an everyday typing mistake, not a fault); a claim Carepath
 * refuses answers 403 or 422 ({@link TaskActionRefused}); a claim or completion that lost a race
 * with another user answers 409. Refusals and conflicts are RFC 9457 problem details, with Camunda's
 * {@code message} too, which Tasklist shows.
 */
@Component
class EngineRestConfig extends CamundaJerseyResourceConfig {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(EngineRestConfig.class);

    EngineRestConfig() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.addTurboFilter(new FormValidationLogFilter());
        }
    }

    @Override
    protected void registerAdditionalResources() {
        register(FormValidationMapper.class);
        register(WrappedFormValidationMapper.class);
        register(DatabaseUnavailableMapper.class);
        register(LostRaceMapper.class);
    }

    /** The answer to an error a user caused, or null for a real fault (left to Camunda's handlers). */
    static Response userError(Throwable error) {
        if (DatabaseUnavailable.in(error)) {
            log.warn("engine REST: database unavailable, answered 503");
            return Response.status(503).header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .type("application/problem+json").entity(DatabaseUnavailable.json()).build();
        }
        FormValidationException invalid = FormValidationException.in(error);
        if (invalid != null) {
            return badRequest(invalid);
        }
        TaskActionRefused refused = TaskActionRefused.in(error);
        if (refused != null) {
            return problem(refused.status(), refused.getMessage());
        }
        String conflict = EngineConflicts.in(error);
        if (conflict != null) {
            return problem(409, conflict);
        }
        return null;
    }

    /**
     * The answer to an error of a request on this path: the database away (503), else a lost race (an action on a
     * task another user's completion just ended: 409), else a user's error, else an object that does not exist
     * (404), else null for Camunda's own handlers.
     */
    static Response answer(Throwable error, jakarta.ws.rs.core.UriInfo uri) {
        // a task another user's completion ended meanwhile is a lost race whatever else failed (its form rules then
        // read variables that are gone and would say "skal udfyldes")
        Response answer = DatabaseUnavailable.in(error) ? userError(error) : LostRaceMapper.orLostRace(null, uri);
        answer = answer != null ? answer : userError(error);
        if (answer == null && missing(error) != null) {
            answer = problem(404, missing(error));
        }
        return answer;
    }

    /**
     * A task (or other object) that does not exist is a 404, not Camunda's 500: the engine says so with a
     * NotFoundException, or a NullValueException "Cannot find ... with id ...".
     */
    static String missing(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.camunda.bpm.engine.exception.NotFoundException
                    || t instanceof org.camunda.bpm.engine.exception.NullValueException && t.getMessage() != null
                    && t.getMessage().contains("Cannot find")) {
                return "Findes ikke: " + t.getMessage().replaceFirst("^ENGINE-\\d+ ", "");
            }
        }
        return null;
    }

    static Response problem(int status, String detail) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", Response.Status.fromStatusCode(status) == null ? "Unprocessable Entity"
                : Response.Status.fromStatusCode(status).getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        body.put("message", detail);
        return Response.status(status).type("application/problem+json").entity(body).build();
    }

    static Response badRequest(FormValidationException invalid) {
        log.info("task completion refused: {}", invalid.getMessage());
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", "FormValidationException", "message", invalid.getMessage(),
                        "problems", invalid.problems(), "code", 0))
                .build();
    }

    /** The task resources wrap engine exceptions in a RestException ("Cannot complete task ..."). */
    @Priority(1)
    public static class WrappedFormValidationMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();
        @jakarta.ws.rs.core.Context
        jakarta.ws.rs.core.UriInfo uri;

        @Override
        public Response toResponse(RestException exception) {
            Response answer = answer(exception, uri);
            return answer == null ? camunda.toResponse(exception) : answer;
        }
    }

    @Priority(1)
    public static class FormValidationMapper implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();
        @jakarta.ws.rs.core.Context
        jakarta.ws.rs.core.UriInfo uri;

        @Override
        public Response toResponse(ProcessEngineException exception) {
            Response answer = answer(exception, uri);
            return answer == null ? camunda.toResponse(exception) : answer;
        }
    }

    /**
     * What the engine did not wrap (the Spring transaction that could not begin without a connection): a 503 when the
     * database is down, a 409 for a task action that lost a race, else Camunda's own answer.
     */
    @Priority(1)
    public static class DatabaseUnavailableMapper implements ExceptionMapper<RuntimeException> {

        private final ExceptionHandler camunda = new ExceptionHandler();
        @jakarta.ws.rs.core.Context
        jakarta.ws.rs.core.UriInfo uri;

        @Override
        public Response toResponse(RuntimeException exception) {
            Response answer = answer(exception, uri);
            return answer == null ? camunda.toResponse(exception) : answer;
        }
    }

    static boolean isUserError(Throwable t) {
        return FormValidationException.in(t) != null || TaskActionRefused.in(t) != null || EngineConflicts.in(t) != null
                || missing(t) != null;
    }

    /** Drops the engine's ERROR log of a command that failed only because of what a user did (or lost a race). */
    static class FormValidationLogFilter extends TurboFilter {
        @Override
        public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
                                  Object[] params, Throwable t) {
            if (level != Level.ERROR || !logger.getName().startsWith("org.camunda.bpm.engine")) {
                return FilterReply.NEUTRAL;
            }
            if (isUserError(t)) {
                return FilterReply.DENY;
            }
            if (params != null) {
                for (Object param : params) {
                    if (param instanceof Throwable thrown && isUserError(thrown)) {
                        return FilterReply.DENY;
                    }
                }
            }
            return FilterReply.NEUTRAL;
        }
    }
}
