package dk.carepath.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs API clients in to {@code /api/**}, before Spring's HTTP Basic filter (which checks people
 * against Camunda): {@code Authorization: Bearer <token>}, or HTTP Basic whose user name is an API
 * client's id and whose password is its token. For such a user name Camunda's password check, and
 * with it Camunda's lockout, is never reached. Any other Basic login passes on to Camunda.
 * Not a bean: Spring Boot would register a filter bean for every request, not only the API's.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokenAuthentication tokens;
    private final AuthenticationEntryPoint unauthorized;
    private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiTokenFilter(ApiTokenAuthentication tokens, AuthenticationEntryPoint unauthorized) {
        this.tokens = tokens;
        this.unauthorized = unauthorized;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        try {
            Authentication client = null;
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                client = tokens.bearer(header.substring(7).trim());
            } else if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                client = basicClient(request);
            }
            if (client != null) {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(client);
                contexts.setContext(context);
            }
        } catch (AuthenticationException e) {
            contexts.clearContext();
            unauthorized.commence(request, response, e);
            return;
        }
        // with a client logged in under the Basic user name, the Basic filter sees it is done and checks nothing
        chain.doFilter(request, response);
    }

    private Authentication basicClient(HttpServletRequest request) {
        UsernamePasswordAuthenticationToken login;
        try {
            login = basic.convert(request);
        } catch (AuthenticationException malformed) {
            return null; // the Basic filter refuses it
        }
        if (login == null || login.getCredentials() == null) {
            return null;
        }
        return tokens.basic(login.getName(), login.getCredentials().toString());
    }
}
