package dk.carepath.engine;

import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist, Cockpit and other clients of the engine REST API read and change process data that
 * is citizen data (task and process variables: the citizen's name, measurements, notes). The access
 * log must show those too, not only the Carepath API: every successful request for a task, a process
 * instance, their variables, their history or a filter's task list is recorded with the user, and
 * with the citizen where the request names one task or process instance.
 */
@Configuration
class EngineAccessAudit {

    private static final Logger log = LoggerFactory.getLogger(EngineAccessAudit.class);

    /** The webapps' copy of the REST API ({@code /camunda/api/engine/engine/default/...}) and the REST API itself. */
    static final Pattern ENGINE_PATH = Pattern.compile("^(?:/camunda/api/engine/engine/[^/]+|/engine-rest(?:/engine/[^/]+)?)(/.*)$");
    /** Resources that hold process data; definitions, deployments, identity and metrics do not. */
    static final Pattern DATA = Pattern.compile(
            "^/(task|process-instance|execution|variable-instance|external-task|history/[a-z-]+|filter/[^/]+/(?:list|singleResult))(?:/|$).*");
    static final Pattern TASK = Pattern.compile("^/(?:history/)?task/([0-9a-fA-F-]{8,})(?:/.*)?$");
    static final Pattern PROCESS_INSTANCE = Pattern.compile("^/(?:history/)?process-instance/([0-9a-fA-F-]{8,})(?:/.*)?$");
    /** POSTs that query, not change. */
    static final Set<String> QUERY_ENDPOINTS = Set.of("/task", "/process-instance", "/execution", "/variable-instance", "/external-task");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineAccessAuditFilter(AuditTrail audit, HistoryService history, IdentityService identity) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(audit, history, identity));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setName("engine-access-audit");
        // inside Camunda's REST authentication (HIGHEST_PRECEDENCE + 100), so the engine user is known
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 101);
        return registration;
    }

    /** What a request touches, or null when it touches no process data. */
    record Access(AuditAction action, String resource, String taskId, String processInstanceId, String detail) {
    }

    static Access classify(String method, String uri, String query) {
        Matcher engine = ENGINE_PATH.matcher(uri);
        if (!engine.matches()) {
            return null;
        }
        String path = engine.group(1);
        if (!DATA.matcher(path).matches() || path.endsWith("/count")) {
            return null;
        }
        boolean read = "GET".equals(method)
                || "POST".equals(method) && (QUERY_ENDPOINTS.contains(path) || path.startsWith("/history/") || path.startsWith("/filter/"));
        if (!read && !Set.of("POST", "PUT", "DELETE").contains(method)) {
            return null;
        }
        Matcher task = TASK.matcher(path);
        Matcher instance = PROCESS_INSTANCE.matcher(path);
        String resource = "engine:" + path.substring(1).split("/")[0];
        String client = uri.startsWith("/camunda/") ? "Camunda webapp" : "engine REST API";
        String detail = method + " " + path + (query == null ? "" : "?" + query) + " (" + client + ")";
        return new Access(read ? AuditAction.READ : AuditAction.UPDATE, resource, task.matches() ? task.group(1) : null,
                instance.matches() ? instance.group(1) : null, detail.length() > 500 ? detail.substring(0, 497) + "..." : detail);
    }

    static final class Filter extends OncePerRequestFilter {

        private final AuditTrail audit;
        private final HistoryService history;
        private final IdentityService identity;

        Filter(AuditTrail audit, HistoryService history, IdentityService identity) {
            this.audit = audit;
            this.history = history;
            this.identity = identity;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Access access = classify(request.getMethod(), request.getRequestURI(), request.getQueryString());
            // the REST API's user is set by Camunda's filter around this one; the webapps keep theirs in the session
            String actor = access == null ? null : actor(request);
            chain.doFilter(request, response);
            if (access == null || response.getStatus() >= 400) {
                return;
            }
            try {
                record(access, actor);
            } catch (RuntimeException e) {
                // the answer has been sent; a lost audit entry must at least be visible to operations
                log.error("engine access by {} not audited: {} ({})", actor, access.detail(), e.toString());
            }
        }

        private String actor(HttpServletRequest request) {
            Authentication engineUser = identity.getCurrentAuthentication();
            if (engineUser != null && engineUser.getUserId() != null) {
                return engineUser.getUserId();
            }
            HttpSession session = request.getSession(false);
            Authentications webapp = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
            if (webapp != null) {
                Optional<UserAuthentication> user = webapp.getAuthentications().stream().findFirst();
                if (user.isPresent()) {
                    return user.get().getIdentityId();
                }
            }
            return "anonymous";
        }

        private void record(Access access, String actor) {
            String instanceId = access.processInstanceId();
            // the lookups are the audit's own, not the user's: without the user's authorizations
            Authentication user = identity.getCurrentAuthentication();
            identity.clearAuthentication();
            try {
                if (instanceId == null && access.taskId() != null) {
                    HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(access.taskId()).singleResult();
                    instanceId = task == null ? null : task.getProcessInstanceId();
                }
                UUID citizen = instanceId == null ? null : uuidVariable(instanceId, "citizenId");
                UUID pathway = instanceId == null ? null : uuidVariable(instanceId, "pathwayId");
                audit.recordBy(actor, access.action(), access.resource(), citizen, pathway, access.detail());
            } finally {
                if (user != null) {
                    identity.setAuthentication(user);
                }
            }
        }

        private UUID uuidVariable(String processInstanceId, String name) {
            HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                    .variableName(name).disableCustomObjectDeserialization().list().stream().findFirst().orElse(null);
            if (variable == null || !(variable.getValue() instanceof String value)) {
                return null;
            }
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
