package dk.carepath.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Who is logged in to the Camunda webapps (Tasklist) in this request's session, if anyone: the user
 * id only. The engine adapter knows the webapps' session; this module only asks.
 */
public interface WebappSessions {

    Optional<String> userOf(HttpServletRequest request);
}
