package io.skillform.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A personal API token. Only its SHA-256 digest is stored; the hint (its first characters) helps tell tokens apart. */
@Entity
@Table(name = "api_token")
public class ApiToken {

    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(nullable = false, length = 60)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true, updatable = false, length = 64)
    private String tokenHash;

    @Column(nullable = false, updatable = false, length = 12)
    private String hint;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {
        // for JPA
    }

    ApiToken(long accountId, String name, String tokenHash, String hint, Instant createdAt) {
        this.accountId = accountId;
        this.name = requireName(name);
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.hint = Objects.requireNonNull(hint, "hint");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    static String requireName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 60) {
            throw new IdentityException("Give the token a name of 1–60 characters");
        }
        return trimmed;
    }

    /** Revoking is final and idempotent: the first revocation time is kept. */
    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** Records use at most once a minute, so a busy token doesn't turn every API call into a write. */
    void markUsed(Instant now) {
        if (lastUsedAt == null || lastUsedAt.plus(LAST_USED_RESOLUTION).isBefore(now)) {
            lastUsedAt = now;
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public Long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public String hint() {
        return hint;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
