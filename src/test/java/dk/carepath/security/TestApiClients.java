package dk.carepath.security;

import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/**
 * The tests' measurement platform: API client {@code testsender} with the token {@code secret}, as
 * the tests' people have the password {@code secret}. Test code only: production issues random tokens.
 */
@TestComponent
public class TestApiClients {

    public static final String SENDER = "testsender";
    public static final String SENDER_TOKEN = "secret";

    private final ApiClientStore store;
    private final IdentityService identity;

    TestApiClients(ApiClientStore store, IdentityService identity) {
        this.store = store;
        this.identity = identity;
    }

    /** Once per test context; a database kept from an earlier run gets the token back. */
    @EventListener(ApplicationReadyEvent.class)
    void ensureSender() {
        // a database kept from before API clients has testsender as a Camunda user: no test may pass through it
        if (identity.createUserQuery().userId(SENDER).count() > 0) {
            identity.deleteUser(SENDER);
        }
        String hash = ApiTokens.hash(SENDER_TOKEN);
        if (!store.replaceToken(SENDER, hash, "test", Instant.now())) {
            store.insert(SENDER, "Testmåleplatform", dk.carepath.security.Role.MEASUREMENT_SENDER.id(), hash, "test", Instant.now());
        }
    }
}
