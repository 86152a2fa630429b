package dk.carepath.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist submits forms through the webapp's own copy of the engine REST API, which answers a
 * refused form with HTTP 500 and the engine's English wrapping around our Danish explanation
 * ("Cannot submit task form ...: ENGINE-03051 There was an exception while invoking the
 * TaskListener ..."). This filter hands the nurse only the Danish explanation, as a 400.
 */
@Configuration
class TasklistFormErrors {

    static final Pattern DANISH = Pattern.compile("(" + Pattern.quote(FormValidationException.PREFIX) + ".*?)'?$", Pattern.DOTALL);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> tasklistFormErrorFilter(ObjectMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(json));
        registration.addUrlPatterns("/camunda/api/engine/*");
        registration.setName("tasklist-form-errors");
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final ObjectMapper json;

        Filter(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String uri = request.getRequestURI();
            return !"POST".equals(request.getMethod()) || !(uri.endsWith("/submit-form") || uri.endsWith("/complete"));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() >= 400) {
                String danish = danishExplanation(new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8));
                if (danish != null) {
                    wrapper.resetBuffer();
                    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                    response.setContentType("application/json;charset=UTF-8");
                    response.getOutputStream().write(json.writeValueAsBytes(
                            Map.of("type", "FormValidationException", "message", danish, "code", 0)));
                    return;
                }
            }
            wrapper.copyBodyToResponse();
        }
    }

    /** The Danish part of an error body, or null when the error is not a refused form. */
    static String danishExplanation(String body) {
        int start = body.indexOf(FormValidationException.PREFIX);
        if (start < 0) {
            return null;
        }
        String message;
        try {
            message = new ObjectMapper().readTree(body).path("message").asText(body);
        } catch (IOException e) {
            message = body;
        }
        Matcher matcher = DANISH.matcher(message);
        return matcher.find() ? matcher.group(1).trim() : null;
    }
}
