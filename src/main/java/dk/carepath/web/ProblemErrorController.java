package dk.carepath.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The errors that never reach a controller (the servlet container's own: a malformed URL, a request
 * refused before the application saw it) answered like every other error: RFC 9457 problem details,
 * and a page in Danish for a person's browser. Replaces Spring Boot's default error body.
 */
@Controller
class ProblemErrorController implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = status(request);
        ModelAndView page = new ModelAndView("error-page", status);
        page.addObject("status", status.value());
        page.addObject("detail", status == HttpStatus.NOT_FOUND ? "Siden findes ikke, eller du har ikke adgang til den."
                : "Det lykkedes ikke (" + status.value() + " " + status.getReasonPhrase() + ").");
        return page;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, status.is5xxServerError()
                ? "the request could not be completed; nothing of it was stored" : detail(status));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "the request is malformed (its URL, headers or encoding) and was not read";
            case NOT_FOUND -> "no such resource";
            case METHOD_NOT_ALLOWED -> "the resource does not take this method";
            default -> status.getReasonPhrase();
        };
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
