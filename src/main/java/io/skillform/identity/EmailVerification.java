package io.skillform.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A single-use, expiring proof-of-address link; only its digest is stored. */
@Entity
@Table(name = "email_verification")
public class EmailVerification {

    static final Duration LIFETIME = Duration.ofHours(48);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(nullable = false, updatable = false, length = 254)
    private String email;

    @Column(name = "token_hash", nullable = false, unique = true, updatable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected EmailVerification() {
        // for JPA
    }

    EmailVerification(Account account, String tokenHash, Instant now) {
        this.accountId = account.id();
        this.email = account.email().value();
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = now.plus(LIFETIME);
    }

    /** Uses the link once; false when it was used before or has expired. */
    boolean use(Instant now) {
        if (usedAt != null || !now.isBefore(expiresAt)) {
            return false;
        }
        usedAt = now;
        return true;
    }

    long accountId() {
        return accountId;
    }

    String email() {
        return email;
    }
}
