package io.skillform.delivery;

import io.skillform.identity.EmailAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A one-time link e-mailed to an address: it opens that address's library in the browser that follows it, or (through
 * the API) is exchanged for a library token.
 */
@Entity
@Table(name = "library_link")
public class LibraryLink {

    static final Duration LIFETIME = Duration.ofMinutes(30);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false, length = 254)
    private String email;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    /** Set when asked for through a creator's storefront: the library it opens is that store's purchases only. */
    @Column(name = "store_id", updatable = false)
    private Long storeId;

    protected LibraryLink() {
        // for JPA
    }

    LibraryLink(EmailAddress email, Long storeId, DownloadToken token, Instant now) {
        this.email = email.value();
        this.storeId = storeId;
        this.tokenHash = token.hash();
        this.createdAt = now;
        this.expiresAt = now.plus(LIFETIME);
    }

    /** Spends the link; false if it was used or has expired. */
    boolean use(Instant now) {
        if (usedAt != null || !now.isBefore(expiresAt)) {
            return false;
        }
        usedAt = now;
        return true;
    }

    EmailAddress email() {
        return new EmailAddress(email);
    }

    Long storeId() {
        return storeId;
    }
}
