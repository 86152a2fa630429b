package dk.carepath.security;

import dk.carepath.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form of Carepath's own pages, in Danish; Spring Security checks the form against Camunda's users. */
@Controller
@Page
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
