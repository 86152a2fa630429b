package dk.carepath.measurement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The FHIR endpoints answer every refusal as a FHIR client expects it: an OperationOutcome
 * ({@code application/fhir+json}) with one issue per problem, its {@code expression} the FHIRPath of
 * the element, whatever refused the request — the intake, Spring (404, 405, 415), the login (401,
 * 403) or a database that is away (503). The rest of the API keeps its problem details: this filter
 * turns the problem details of {@code /api/fhir/**} into OperationOutcomes, status kept.
 */
@Configuration
class FhirErrors {

    static final String PREFIX = "/api/fhir";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> fhirOperationOutcomes(ObjectMapper json, FhirAnswers answers) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(json, answers));
        registration.setName("fhir-operation-outcomes");
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        // outside the login and the database guard, so that their refusals are turned too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final ObjectMapper json;
        private final FhirAnswers answers;

        Filter(ObjectMapper json, FhirAnswers answers) {
            this.json = json;
            this.answers = answers;
        }

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
            String uri = original != null ? original.toString() : request.getRequestURI();
            String path = uri.substring(request.getContextPath().length());
            return !(path.equals(PREFIX) || path.startsWith(PREFIX + "/"));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (response instanceof ContentCachingResponseWrapper) {
                chain.doFilter(request, response);
                return;
            }
            ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
            try {
                chain.doFilter(request, cached);
            } finally {
                if (cached.getStatus() >= 400 && isProblem(cached.getContentType())) {
                    byte[] body = operationOutcome(cached.getStatus(), cached.getContentAsByteArray()).getBytes(StandardCharsets.UTF_8);
                    cached.resetBuffer();
                    response.setStatus(cached.getStatus());
                    response.setContentType(FhirAnswers.FHIR_JSON);
                    response.setContentLength(body.length);
                    response.getOutputStream().write(body);
                    response.flushBuffer();
                } else {
                    cached.copyBodyToResponse();
                }
            }
        }

        private static boolean isProblem(String contentType) {
            if (contentType == null) {
                return true;
            }
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                return type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON) || type.isCompatibleWith(MediaType.APPLICATION_JSON);
            } catch (org.springframework.http.InvalidMediaTypeException e) {
                return true;
            }
        }

        /** The problem details as an OperationOutcome: one issue per {field, message}, or one with the detail. */
        String operationOutcome(int status, byte[] problem) {
            OperationOutcome outcome = new OperationOutcome();
            JsonNode tree = null;
            try {
                tree = problem.length == 0 ? null : json.readTree(problem);
            } catch (IOException notJson) {
                // the refusal had no problem details: the status alone tells
            }
            OperationOutcome.IssueType code = code(status);
            JsonNode errors = tree == null ? null : tree.path("errors");
            if (errors != null && errors.isArray() && !errors.isEmpty()) {
                for (JsonNode error : errors) {
                    OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                            .setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(code)
                            .setDiagnostics(error.path("message").asText());
                    String field = error.path("field").asText("");
                    if (!field.isBlank()) {
                        issue.addExpression(field);
                    }
                }
            } else {
                String detail = tree == null ? null : tree.path("detail").asText(null);
                outcome.addIssue().setSeverity(status >= 500 ? OperationOutcome.IssueSeverity.FATAL : OperationOutcome.IssueSeverity.ERROR)
                        .setCode(code).setDiagnostics(detail == null ? "HTTP " + status : detail);
            }
            return answers.json(outcome);
        }

        static OperationOutcome.IssueType code(int status) {
            return switch (status) {
                case 400 -> OperationOutcome.IssueType.INVALID;
                case 401 -> OperationOutcome.IssueType.LOGIN;
                case 403 -> OperationOutcome.IssueType.FORBIDDEN;
                case 404 -> OperationOutcome.IssueType.NOTFOUND;
                case 405, 406, 415 -> OperationOutcome.IssueType.NOTSUPPORTED;
                case 409 -> OperationOutcome.IssueType.CONFLICT;
                case 422 -> OperationOutcome.IssueType.PROCESSING;
                case 503 -> OperationOutcome.IssueType.TRANSIENT;
                default -> status >= 500 ? OperationOutcome.IssueType.EXCEPTION : OperationOutcome.IssueType.PROCESSING;
            };
        }
    }
}
