package dk.carepath.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A change whose answer the client would not accept is refused before it is carried out: the API
 * answers JSON (problem details, FHIR JSON, and CSV where a path ends in {@code .csv}), and a
 * measurement posted with {@code Accept: image/png} must not be stored and then answered 406. The
 * 406 itself is a problem detail (application/problem+json, which Spring writes whatever the Accept).
 */
@Configuration
class AcceptableAnswers implements WebMvcConfigurer {

    static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON,
            MediaType.parseMediaType("application/fhir+json"));
    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws HttpMediaTypeNotAcceptableException {
                check(request);
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    static void check(HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank() || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            // a read has no effect to prevent: its endpoint negotiates (JSON, or CSV where it offers it: /api/kpis with
            // Accept: text/csv) and Spring answers what it cannot give with a 406 problem
            return;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("the Accept header cannot be read: " + ProblemHandler.excerpt(accept));
        }
        List<MediaType> offered = request.getRequestURI().endsWith(".csv") ? List.of(CSV) : JSON;
        for (MediaType wanted : accepted) {
            if (wanted.getQualityValue() > 0 && offered.stream().anyMatch(wanted::isCompatibleWith)) {
                return;
            }
        }
        throw new HttpMediaTypeNotAcceptableException(offered);
    }
}
