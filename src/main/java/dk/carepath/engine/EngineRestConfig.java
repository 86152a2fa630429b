package dk.carepath.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API with two corrections for form validation: a task completion refused by a form
 * rule answers 400 with the user's message instead of 500, and the engine does not log such a
 * refusal as an ERROR with a stack trace (it is an everyday typing mistake, not a fault).
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

        @Override
        public Response toResponse(RestException exception) {
            FormValidationException invalid = FormValidationException.in(exception);
            return invalid == null ? camunda.toResponse(exception) : badRequest(invalid);
        }
    }

    @Priority(1)
    public static class FormValidationMapper implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            FormValidationException invalid = FormValidationException.in(exception);
            return invalid == null ? camunda.toResponse(exception) : badRequest(invalid);
        }
    }

    /** Drops the engine's ERROR log of a command that failed only because a form was invalid. */
    static class FormValidationLogFilter extends TurboFilter {
        @Override
        public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
                                  Object[] params, Throwable t) {
            if (level != Level.ERROR || !logger.getName().startsWith("org.camunda.bpm.engine")) {
                return FilterReply.NEUTRAL;
            }
            if (FormValidationException.in(t) != null) {
                return FilterReply.DENY;
            }
            if (params != null) {
                for (Object param : params) {
                    if (param instanceof Throwable thrown && FormValidationException.in(thrown) != null) {
                        return FilterReply.DENY;
                    }
                }
            }
            return FilterReply.NEUTRAL;
        }
    }
}
