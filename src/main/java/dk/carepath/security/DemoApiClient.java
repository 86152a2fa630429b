package dk.carepath.security;

import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's measurement platform: API client {@code tablet} with the demo password as its token, so
 * {@code curl -u tablet:demo} works. Only in the demo (the embedded default); in production a token
 * is random and issued by an administrator ({@code POST /api/clients}).
 */
@Component
@ConditionalOnProperty(name = "carepath.demo.enabled", havingValue = "true")
class DemoApiClient {

    static final String ID = "tablet";

    private static final Logger log = LoggerFactory.getLogger(DemoApiClient.class);

    private final ApiClientStore store;
    private final IdentityService identity;
    private final String token;

    private final Clock clock;

    DemoApiClient(ApiClientStore store, IdentityService identity, @Value("${carepath.demo.password}") String token, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.identity = identity;
        this.token = token;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(5)
    void ensure() {
        // a demo database from before API clients has the platform as a Camunda user, which could still log in elsewhere
        if (identity.createUserQuery().userId(ID).count() > 0) {
            identity.deleteUser(ID);
        }
        if (store.find(ID).isEmpty()) {
            store.insert(ID, "TeleHjerte tabletplatform (demo)", ApiClients.ROLE, ApiTokens.hash(token), "demo", clock.instant());
            log.info("demo API client {} created (its token is the demo password)", ID);
        }
    }
}
