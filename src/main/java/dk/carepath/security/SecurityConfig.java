package dk.carepath.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. People are Camunda's users (and its actor groups), maintained in Camunda
 * Admin; integration systems are API clients with a token ({@link ApiClients}), which nobody can
 * lock out by guessing, as Camunda locks a person's account.
 * <ul>
 *   <li>{@code /api/**}: the Carepath API: API clients by token (Bearer, or Basic with the client id),
 *       people by HTTP Basic against Camunda's users; which roles may call which endpoint is
 *       {@link ApiAccess}'s table, decided before the request body is read; a GET in a session logged in
 *       to Tasklist is that user's ({@link WebappSessionFilter}: Tasklist's scripts read her phrases);</li>
 *   <li>{@code /engine-rest/**}: Camunda's REST API, HTTP Basic through Camunda's own filter
 *       (it sets the engine's authentication, so Camunda authorizations apply);</li>
 *   <li>{@code /camunda/**}: Tasklist, Cockpit, Admin, with their own login and authorizations;</li>
 *   <li>{@code /actuator/health}: open, for load balancers; everything else is closed.</li>
 * </ul>
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ApiTokenAuthentication tokens,
                            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings,
                            ObjectProvider<WebappSessions> webappSessions, org.camunda.bpm.engine.IdentityService identity) throws Exception {
        AuthenticationEntryPoint apiUnauthorized = unauthorized(json, true);
        http.securityMatcher(paths("/api/**"))
                .authorizeHttpRequests(requests -> {
                    PathPatternRequestMatcher.Builder matchers = PathPatternRequestMatcher.withDefaults();
                    for (ApiAccess.Rule rule : ApiAccess.RULES) {
                        var endpoint = requests.requestMatchers(matchers.matcher(rule.method(), rule.path()));
                        switch (rule.audience()) {
                            case AUTHENTICATED -> endpoint.authenticated();
                            case ADMINISTRATORS -> endpoint.hasRole(CurrentUser.CAMUNDA_ADMIN);
                            case ROLES -> endpoint.hasAnyRole(rule.roles().stream().map(Role::id).toArray(String[]::new));
                        }
                    }
                    // an endpoint without a rule is nobody's; a path or method that is no endpoint at all is left to
                    // the API to answer (404, 405 as problem details) for a logged-in user
                    requests.anyRequest().access((authentication, context) -> new AuthorizationDecision(
                            isLoggedIn(authentication.get()) && !isEndpoint(mappings.getObject(), context.getRequest())));
                })
                .addFilterBefore(new ApiTokenFilter(tokens, apiUnauthorized), BasicAuthenticationFilter.class)
                // Tasklist's scripts read as the nurse logged in to Tasklist (GET only)
                .addFilterBefore(new WebappSessionFilter(webappSessions, identity), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(apiUnauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(apiUnauthorized).accessDeniedHandler(forbidden(json)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * Carepath's own pages (the authorisation review, the KPI dashboard, triage and the citizen page): a
     * Danish login form against the same Camunda users, a session, CSRF protection.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.securityMatcher(paths(PAGES))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths("/login", "/assets/**", "/webjars/chart.js/**")).permitAll()
                        .requestMatchers(paths("/access-reviews", "/access-reviews/**", "/kpi", "/kpi/**")).hasRole(Role.MANAGER.id())
                        // the process owners' page: regions, their packs and model versions
                        .requestMatchers(paths("/regions", "/regions/**")).hasRole(Role.PROCESS_OWNER.id())
                        // the nurses' pages: the roles that watch measurements (as GET /api/triage); whose citizens is CitizenAccess's
                        .requestMatchers(paths("/triage", "/triage/**", "/citizens/**", "/library", "/library/**"))
                        .hasAnyRole(Role.HF_NURSE.id(), Role.CARDIOLOGIST.id(), Role.MUNICIPAL_NURSE.id())
                        .anyRequest().authenticated())
                .formLogin(login -> login.loginPage("/login").successHandler(startPage()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.accessDeniedPage("/login?denied"));
        return http.build();
    }

    /** the paths of Carepath's own pages */
    static final String[] PAGES = {"/login", "/logout", "/assets/**", "/webjars/chart.js/**", "/access-reviews", "/access-reviews/**",
            "/kpi", "/kpi/**", "/triage", "/triage/**", "/citizens/**", "/regions", "/regions/**", "/library", "/library/**"};

    /** the Camunda group of operators, who (with Camunda's administrators) read the operational metrics */
    static final String OPERATORS = "operators";

    /**
     * Operational metrics for Prometheus ({@code /actuator/prometheus}): HTTP Basic, Camunda
     * administrators and the group {@value #OPERATORS} only; anonymous requests answer 401.
     */
    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, ObjectMapper json) throws Exception {
        http.securityMatcher(paths("/actuator/prometheus", "/actuator/prometheus/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole(CurrentUser.CAMUNDA_ADMIN, OPERATORS))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized(json, false)))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized(json, false)).accessDeniedHandler(forbidden(json)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** After the login: the page asked for, else the user's own start page (managers the review, clinicians triage). */
    private static SavedRequestAwareAuthenticationSuccessHandler startPage() {
        return new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
                boolean manager = authentication.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.MANAGER.id()));
                boolean processOwner = authentication.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.PROCESS_OWNER.id()));
                return manager ? "/access-reviews" : processOwner ? "/regions" : "/triage";
            }
        };
    }

    @Bean
    @Order(3)
    SecurityFilterChain webapps(HttpSecurity http) throws Exception {
        // the engine REST API and the webapps authenticate themselves (see engineRestAuthentication);
        // Spring Security must not add a second login or a CSRF check of its own in front of them
        http.securityMatcher(paths("/engine-rest/**", "/camunda/**", "/camunda-welcome/**",
                        "/", "/favicon.ico", "/error", "/actuator/health/**", "/actuator/info"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain everythingElse(HttpSecurity http, ObjectMapper json) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Role.MANAGER.id()))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized(json, false)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    private static boolean isLoggedIn(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** Whether a controller method of the API answers this request (method and path). */
    static boolean isEndpoint(RequestMappingHandlerMapping mappings, HttpServletRequest request) {
        try {
            return mappings.getHandler(request) != null;
        } catch (org.springframework.web.HttpRequestMethodNotSupportedException | org.springframework.web.HttpMediaTypeException e) {
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    /**
     * Matches on the whole request path: the engine REST API is a servlet of its own (Jersey), which
     * Spring Security's default MVC matchers do not see.
     */
    private static RequestMatcher paths(String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(patterns).map(p -> (RequestMatcher) builder.matcher(p)).toList());
    }

    /** Camunda's REST API has no authentication by default: HTTP Basic against Camunda's users. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    /** @param tokens whether API clients' tokens are accepted too (on {@code /api/**} only) */
    private static AuthenticationEntryPoint unauthorized(ObjectMapper json, boolean tokens) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Carepath\"");
            if (tokens) {
                response.addHeader("WWW-Authenticate", "Bearer realm=\"Carepath\"");
            }
            write(json, response, HttpStatus.UNAUTHORIZED, tokens
                    ? "log in with your Carepath user (HTTP Basic), or as an API client with its token (Bearer)"
                    : "log in with your Carepath user (HTTP Basic)");
        };
    }

    private static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) -> write(json, response, HttpStatus.FORBIDDEN, "your role does not allow this");
    }

    private static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String detail)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
    }
}
