package dk.carepath.engine;

import dk.carepath.security.WebappSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

/** The user logged in to the Camunda webapps (of the default engine) in a request's session: the webapps keep her there. */
@Component
class TasklistSessions implements WebappSessions {

    @Override
    public Optional<String> userOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Authentications webapp = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (webapp == null) {
            return Optional.empty();
        }
        return webapp.getAuthentications().stream().filter(a -> "default".equals(a.getProcessEngineName()))
                .map(UserAuthentication::getIdentityId).filter(id -> id != null && !id.isBlank()).findFirst();
    }
}
