package dk.carepath.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API client tokens: 32 random bytes, shown once as {@code cp_} + base64url, stored only as their
 * SHA-256. A fast unsalted hash is enough here (unlike for passwords): a 256-bit random token cannot
 * be guessed from its hash, so there is nothing for a slow hash to slow down.
 */
final class ApiTokens {

    static final String PREFIX = "cp_";

    private static final SecureRandom RANDOM = new SecureRandom();

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of the token, 64 hex digits: what the database holds. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant time, so the time taken says nothing about how much of a guess was right. */
    static boolean matches(String storedHash, String hash) {
        return storedHash != null && MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII));
    }

    private ApiTokens() {
    }
}
