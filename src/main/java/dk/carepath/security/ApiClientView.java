package dk.carepath.security;

import java.time.Instant;

/** An API client as administrators see it: never its token, nor the token's hash. */
record ApiClientView(String id, String name, String role, boolean active, Instant tokenIssuedAt, String tokenIssuedBy,
                     String createdBy, Instant createdAt, Instant revokedAt, String revokedBy, Instant lastUsedAt) {
}
