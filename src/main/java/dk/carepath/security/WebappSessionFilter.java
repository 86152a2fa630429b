package dk.carepath.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Tasklist's own scripts read the Carepath API as the nurse who is logged in to Tasklist (her
 * phrases for a note): a GET (or HEAD) without credentials of its own, in a session with a Camunda
 * webapp login, is that user's, with her groups now. Reads only: a change always needs the API's
 * own login, so no other site can make a logged-in nurse's browser change anything (no CSRF).
 * Not a bean, like {@link ApiTokenFilter}.
 */
final class WebappSessionFilter extends OncePerRequestFilter {

    private final ObjectProvider<WebappSessions> sessions;
    private final IdentityService identity;

    WebappSessionFilter(ObjectProvider<WebappSessions> sessions, IdentityService identity) {
        this.sessions = sessions;
        this.identity = identity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getSession(false) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        WebappSessions known = sessions.getIfAvailable();
        Optional<String> user = known == null ? Optional.empty() : known.userOf(request);
        if (user.isPresent() && identity.createUserQuery().userId(user.get()).count() == 1) {
            var groups = identity.createGroupQuery().groupMember(user.get()).list().stream().map(Group::getId).toList();
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null, CurrentUser.authorities(groups)));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
