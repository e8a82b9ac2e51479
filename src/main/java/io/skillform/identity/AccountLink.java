package io.skillform.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A single-use, expiring link mailed to an account. It is bound to the address it was sent to: after an
 * e-mail change, links sent to the old address no longer work; a change-of-address link carries the new
 * address. Only the token's digest is stored.
 */
@Entity
@Table(name = "account_link")
public class AccountLink {

    /** What a link does, and how long it lives. */
    public enum Purpose {
        VERIFY_EMAIL(Duration.ofHours(48)),
        /** Sent to the new address; the account moves there only when the link is used. */
        CHANGE_EMAIL(Duration.ofHours(48)),
        RESET_PASSWORD(Duration.ofHours(1));

        private final Duration lifetime;

        Purpose(Duration lifetime) {
            this.lifetime = lifetime;
        }

        public Duration lifetime() {
            return lifetime;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private Purpose purpose;

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

    protected AccountLink() {
        // for JPA
    }

    AccountLink(Account account, Purpose purpose, EmailAddress sentTo, String tokenHash, Instant now) {
        this.accountId = account.id();
        this.purpose = purpose;
        this.email = sentTo.value();
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = now.plus(purpose.lifetime());
    }

    /** Uses the link once; false when it was used before or has expired. */
    boolean use(Instant now) {
        if (usedAt != null || !now.isBefore(expiresAt)) {
            return false;
        }
        usedAt = now;
        return true;
    }

    /** Spends an unused link without using it (a newer link, or a completed reset, supersedes it). */
    void expire(Instant now) {
        if (usedAt == null) {
            usedAt = now;
        }
    }

    long accountId() {
        return accountId;
    }

    EmailAddress sentTo() {
        return new EmailAddress(email);
    }
}
