package dk.carepath.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks people's API logins against Camunda's users (with Camunda's lockout after repeated wrong
 * passwords); a user's Camunda groups (organisation × role) become its authorities: the group and its role. HTTP Basic sends the password with every
 * request, so a successful check is remembered for a minute (by a hash of the password, never the
 * password): a changed password or group takes effect within that minute. Integration systems are
 * not people and log in as API clients ({@link ApiTokenFilter}), never through here.
 */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

    static final Duration REMEMBER = Duration.ofMinutes(1);

    private record Remembered(String passwordHash, List<GrantedAuthority> roles, long until) {
    }

    private final IdentityService identity;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    CamundaIdentityAuthentication(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object password = authentication.getCredentials();
        if (user == null || password == null) {
            throw new BadCredentialsException("wrong user or password");
        }
        String hash = sha256(user + "\u0000" + password);
        long now = System.nanoTime();
        Remembered known = remembered.get(user);
        if (known != null && known.until() - now > 0 && MessageDigest.isEqual(known.passwordHash().getBytes(), hash.getBytes())) {
            return UsernamePasswordAuthenticationToken.authenticated(user, null, known.roles());
        }
        if (!identity.checkPassword(user, password.toString())) {
            remembered.remove(user);
            throw new BadCredentialsException("wrong user or password");
        }
        List<GrantedAuthority> roles = CurrentUser.authorities(identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                // measuring is an API client's role: membership of a leftover Camunda group of that name grants nothing
                .filter(id -> !Role.MEASUREMENT_SENDER.id().equals(id))
                .toList());
        if (remembered.size() > 10_000) {
            remembered.clear();
        }
        remembered.put(user, new Remembered(hash, roles, now + REMEMBER.toNanos()));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, roles);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
