package dk.carepath.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks API clients' tokens. An API client is not a Camunda user: nothing here counts wrong
 * attempts, so nobody can lock a client out by guessing; a wrong token is simply refused, and
 * guessing a 256-bit token is hopeless.
 *
 * <p>A platform sends thousands of requests a minute, so a valid token is remembered for a minute
 * (by its hash, never the token) and {@code last_used_at} is written at most once a minute per
 * client. A rotation or revocation on this node forgets the client's tokens at once; another node
 * notices within {@link #REMEMBER}, when its memory of the token runs out.
 */
@Component
class ApiTokenAuthentication {

    static final Duration REMEMBER = Duration.ofMinutes(1);
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(ApiTokenAuthentication.class);

    private record Remembered(String clientId, List<SimpleGrantedAuthority> roles, long until) {
    }

    private final ApiClientStore store;
    /** token hash -> the client it authenticated; only valid tokens get here, so the map stays small */
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    /** client id -> System.nanoTime() of the last write of last_used_at */
    private final Map<String, Long> touched = new ConcurrentHashMap<>();
    /** counts {@link #forget} calls, so a check that raced with a revocation does not remember the old token */
    private final AtomicLong changes = new AtomicLong();

    private final Clock clock;

    ApiTokenAuthentication(ApiClientStore store, Clock clock) {
        this.clock = clock;
        this.store = store;
    }

    /** {@code Authorization: Bearer <token>}. */
    Authentication bearer(String token) {
        String hash = ApiTokens.hash(token);
        Remembered known = remembered(hash);
        if (known != null) {
            return authenticated(known);
        }
        long before = changes.get();
        ApiClientStore.Row client = store.findActiveByHash(hash).orElseThrow(ApiTokenAuthentication::refused);
        return remember(hash, client, before);
    }

    /**
     * HTTP Basic with the client id as user name and the token as password.
     * @return null when no API client has this id (then it is a person's login, for Camunda to check)
     */
    Authentication basic(String id, String token) {
        String hash = ApiTokens.hash(token);
        Remembered known = remembered(hash);
        if (known != null && known.clientId().equals(id)) {
            return authenticated(known);
        }
        long before = changes.get();
        Optional<ApiClientStore.Row> client = store.find(id);
        if (client.isEmpty()) {
            return null;
        }
        if (!ApiTokens.matches(client.get().tokenHash(), hash)) {
            throw refused();
        }
        return remember(hash, client.get(), before);
    }

    /** Called when a client's token is rotated or revoked: its old token stops working on this node now. */
    void forget(String clientId) {
        changes.incrementAndGet(); // before the removal: see remember()
        remembered.values().removeIf(r -> r.clientId().equals(clientId));
    }

    private Remembered remembered(String hash) {
        Remembered known = remembered.get(hash);
        return known != null && known.until() - System.nanoTime() > 0 ? known : null;
    }

    private Authentication remember(String hash, ApiClientStore.Row client, long changesBefore) {
        // only the roles an API client may have, even if someone wrote another one into the table
        List<SimpleGrantedAuthority> roles = ApiClients.ROLES.contains(client.role())
                ? List.of(new SimpleGrantedAuthority("ROLE_" + client.role())) : List.of();
        Remembered entry = new Remembered(client.id(), roles, System.nanoTime() + REMEMBER.toNanos());
        if (remembered.size() > 1000) {
            long now = System.nanoTime();
            remembered.values().removeIf(r -> r.until() - now <= 0);
        }
        remembered.put(hash, entry);
        if (changes.get() != changesBefore) {
            // a rotation or revocation ran meanwhile: this request may pass (it raced with it), but no later one on
            // the strength of what was read before it
            remembered.remove(hash, entry);
        }
        return authenticated(entry);
    }

    private Authentication authenticated(Remembered client) {
        touch(client.clientId());
        return UsernamePasswordAuthenticationToken.authenticated(client.clientId(), null, client.roles());
    }

    /** Writes last_used_at when this node has not written it for a minute; a failure must not refuse the request. */
    private void touch(String clientId) {
        long now = System.nanoTime();
        Long last = touched.get(clientId);
        if (last != null && now - last < TOUCH_EVERY.toNanos()) {
            return;
        }
        boolean mine = last == null ? touched.putIfAbsent(clientId, now) == null : touched.replace(clientId, last, now);
        if (!mine) {
            return; // another request of this client writes it
        }
        try {
            store.touch(clientId, clock.instant());
        } catch (DataAccessException e) {
            log.warn("could not record the last use of API client {}: {}", clientId, e.getMostSpecificCause().getMessage());
        }
    }

    private static BadCredentialsException refused() {
        return new BadCredentialsException("wrong, rotated or revoked API token");
    }
}
