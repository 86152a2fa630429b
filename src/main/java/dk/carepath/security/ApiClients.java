package dk.carepath.security;

import java.time.Clock;
import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import dk.carepath.web.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The administration of API clients: created with a token, which can be rotated (a new one replaces
 * the old, which stops working) and revoked. A client has one token at a time; a revoked client gets
 * a new one by rotation. The token is returned once, to the administrator who issued it, and is
 * never stored, logged or audited; every issue, rotation and revocation is in the audit trail.
 */
@Service
class ApiClients {

    /** The roles an API client may act in; never a person's role, let alone an administrator's. */
    /** the one role an API client may have; the id of {@link Role#MEASUREMENT_SENDER} */
    static final String ROLE = "measurement-sender";
    static final Set<String> ROLES = Set.of(ROLE);

    private static final Logger log = LoggerFactory.getLogger(ApiClients.class);

    /** A client with its new token, shown this once. */
    record IssuedToken(ApiClientView client, String token) {
        @Override
        public String toString() {
            return "IssuedToken[" + client.id() + "]";
        }
    }

    private final ApiClientStore store;
    private final ApiTokenAuthentication tokens;
    private final AuditTrail audit;
    private final IdentityService identity;

    private final Clock clock;

    ApiClients(ApiClientStore store, ApiTokenAuthentication tokens, AuditTrail audit, IdentityService identity, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.tokens = tokens;
        this.audit = audit;
        this.identity = identity;
    }

    @Transactional
    IssuedToken create(String id, String name, String role) {
        if (store.find(id).isPresent()) {
            throw new ProblemException(HttpStatus.CONFLICT, "id", "an API client with the id '" + id + "' exists already");
        }
        // a Basic login with a client's id is checked as a token, so a person with that id could no longer log in to the API
        if (identity.createUserQuery().userId(id).count() > 0) {
            throw new ProblemException(HttpStatus.CONFLICT, "id", "'" + id + "' is a Camunda user's id; an API client needs an id of its own");
        }
        String token = ApiTokens.newToken();
        String by = audit.currentActor();
        store.insert(id, name, role, ApiTokens.hash(token), by, clock.instant());
        audit.changed(AuditAction.CREATE, "api-client", null, null, "API client " + id + " (" + role + ") created and its token issued");
        log.info("API client {} ({}) created by {}", id, role, by);
        return new IssuedToken(require(id), token);
    }

    /** A new token for the client; the old one stops working (on this node at once, on others within a minute). */
    @Transactional
    IssuedToken rotate(String id) {
        require(id);
        String token = ApiTokens.newToken();
        String by = audit.currentActor();
        store.replaceToken(id, ApiTokens.hash(token), by, clock.instant());
        forgetNowAndAfterCommit(id);
        audit.changed(AuditAction.UPDATE, "api-client", null, null, "token of API client " + id + " rotated: the previous one is dead");
        log.info("token of API client {} rotated by {}", id, by);
        return new IssuedToken(require(id), token);
    }

    /** The client's token stops working; revoking a revoked client changes nothing. */
    @Transactional
    ApiClientView revoke(String id) {
        require(id);
        String by = audit.currentActor();
        if (store.revoke(id, by, clock.instant())) {
            forgetNowAndAfterCommit(id);
            audit.changed(AuditAction.UPDATE, "api-client", null, null, "token of API client " + id + " revoked");
            log.info("token of API client {} revoked by {}", id, by);
        }
        return require(id);
    }

    @Transactional(readOnly = true)
    List<ApiClientView> all() {
        return store.all().stream().map(ApiClientStore.Row::view).toList();
    }

    @Transactional(readOnly = true)
    ApiClientView require(String id) {
        return store.find(id).map(ApiClientStore.Row::view)
                .orElseThrow(() -> ProblemException.notFound("no API client with the id '" + id + "'"));
    }

    /** Again after the commit: a check that read the old row before the commit must not be remembered. */
    private void forgetNowAndAfterCommit(String id) {
        tokens.forget(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    tokens.forget(id);
                }
            });
        }
    }
}
