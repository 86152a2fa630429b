package dk.carepath.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;

/**
 * Any other failure of an action on a task that another user's completion ended meanwhile is a lost
 * race, 409, not a server error: the engine read the task before the other commit and may then fail
 * in any way (a NullPointerException on the execution tree the other completion removed). Everything
 * else is left to Camunda's own handler.
 */
@Priority(1)
public class LostRaceMapper implements ExceptionMapper<Throwable> {

    private final ExceptionHandler camunda = new ExceptionHandler();
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable exception) {
        Response answer = EngineRestConfig.answer(exception, uri);
        return answer == null ? camunda.toResponse(exception) : answer;
    }

    /** The answer found, or 409 when the request was an action on a task that has ended meanwhile, or null. */
    static Response orLostRace(Response answer, UriInfo uri) {
        if (answer != null || uri == null) {
            return answer;
        }
        String lost = EngineConflicts.endedMeanwhile(uri.getPath());
        return lost == null ? null : EngineRestConfig.problem(409, lost);
    }
}
