package dk.carepath.security;

import dk.carepath.security.ApiClients.IssuedToken;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * API clients, for Camunda administrators (group {@code camunda-admin}, as in Camunda Admin). A token
 * is in the answer to its issue (create, rotate) and nowhere else.
 */
@RestController
@RequestMapping("/api/clients")
class ApiClientController {

    private final ApiClients clients;

    ApiClientController(ApiClients clients) {
        this.clients = clients;
    }

    record NewClient(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}", message = "must be 2-40 lower-case letters, digits and hyphens, "
                    + "starting with a letter or digit") String id,
            @NotBlank @Size(max = 200) String name,
            // optional: the only role there is for now
            @Pattern(regexp = ApiClients.ROLE, message = "must be " + ApiClients.ROLE
                    + " (the only role an API client may act in)") String role) {
    }

    @PostMapping
    ResponseEntity<IssuedToken> create(@Valid @RequestBody NewClient request) {
        IssuedToken issued = clients.create(request.id(), request.name().strip(),
                request.role() == null ? ApiClients.ROLE : request.role());
        return ResponseEntity.created(URI.create("/api/clients/" + request.id())).body(issued);
    }

    @GetMapping
    List<ApiClientView> list() {
        return clients.all();
    }

    @GetMapping("/{id}")
    ApiClientView get(@PathVariable String id) {
        return clients.require(id);
    }

    /** Rotation: a new token, the old one dead. */
    @PostMapping("/{id}/token")
    IssuedToken rotate(@PathVariable String id) {
        return clients.rotate(id);
    }

    /** Revocation: the client can no longer log in until a rotation gives it a new token. */
    @DeleteMapping("/{id}/token")
    ApiClientView revoke(@PathVariable String id) {
        return clients.revoke(id);
    }
}
