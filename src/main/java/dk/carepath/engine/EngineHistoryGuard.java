package dk.carepath.engine;

import dk.carepath.security.CurrentUser;
import dk.carepath.security.Membership;
import dk.carepath.security.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The history of a process's variables is closed to those who work its tasks. Camunda's historic
 * instance permissions (which Tasklist needs to show and take a task's comments) let a task's
 * candidates read the history of every variable of the whole process instance: the service center,
 * which installed a kit, would read the clinicians' reasons and a red measurement's note. Nobody
 * who works tasks needs the history of variables, so this filter refuses those queries to everyone
 * but administrators, process owners and managers (who, with no variable permission, see no values
 * either, only that there are some).
 */
@Configuration
class EngineHistoryGuard {

    static final Pattern VARIABLE_HISTORY = Pattern.compile(
            "^(?:/camunda/api/engine/engine/[^/]+|/engine-rest(?:/engine/[^/]+)?)/history/(?:variable-instance|detail)(?:/.*)?$");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineHistoryGuardFilter(IdentityService identity) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(identity));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setName("engine-history-guard");
        // after Camunda's REST authentication (HIGHEST_PRECEDENCE + 100), which sets the user
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 102);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final IdentityService identity;

        Filter(IdentityService identity) {
            this.identity = identity;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !VARIABLE_HISTORY.matcher(request.getRequestURI()).matches();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (mayReadVariableHistory(groups(request))) {
                chain.doFilter(request, response);
                return;
            }
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json");
            response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                    + "\"detail\":\"Variablernes historik er lukket for dem, der arbejder med opgaverne\","
                    + "\"message\":\"Variablernes historik er lukket for dem, der arbejder med opgaverne\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }

        static boolean mayReadVariableHistory(List<String> groups) {
            return groups.contains(CurrentUser.CAMUNDA_ADMIN) || groups.stream().map(Membership::ofGroup).flatMap(Optional::stream)
                    .anyMatch(m -> m.role() == Role.PROCESS_OWNER || m.role() == Role.MANAGER);
        }

        /** the REST API's user is set by Camunda's filter; the webapps keep theirs in the session */
        private List<String> groups(HttpServletRequest request) {
            Authentication engineUser = identity.getCurrentAuthentication();
            if (engineUser != null && engineUser.getUserId() != null) {
                return engineUser.getGroupIds() == null ? List.of() : engineUser.getGroupIds();
            }
            HttpSession session = request.getSession(false);
            Authentications webapp = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
            if (webapp != null) {
                Optional<UserAuthentication> user = webapp.getAuthentications().stream().findFirst();
                if (user.isPresent() && user.get().getGroupIds() != null) {
                    return List.copyOf(user.get().getGroupIds());
                }
            }
            return List.of();
        }
    }
}
