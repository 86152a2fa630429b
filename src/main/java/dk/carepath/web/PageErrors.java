package dk.carepath.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** An error on one of Carepath's pages, shown as a page in Danish with what the user can do. */
@ControllerAdvice(annotations = Page.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(ProblemException.class)
    String problem(ProblemException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("status", e.status().value());
        model.addAttribute("detail", switch (e.status()) {
            case NOT_FOUND -> "Siden findes ikke, eller du har ikke adgang til den.";
            case FORBIDDEN -> "Din rolle giver ikke adgang til siden.";
            default -> "Oplysningerne kunne ikke bruges: " + e.getMessage();
        });
        return "error-page";
    }
}
