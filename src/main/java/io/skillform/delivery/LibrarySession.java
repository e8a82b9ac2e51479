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
 * A spent library link turned into an API token ({@code sfl_…}) for a storefront of the creator's own: it reads the
 * address's library — only that store's purchases when the link named a store — until it expires.
 */
@Entity
@Table(name = "library_session")
public class LibrarySession {

    /** A browsing session's length: long enough to read and download, short enough that a leaked token dies soon. */
    static final Duration LIFETIME = Duration.ofHours(12);
    static final String PREFIX = "sfl_";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(nullable = false, updatable = false, length = 254)
    private String email;

    @Column(name = "store_id", updatable = false)
    private Long storeId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    protected LibrarySession() {
        // for JPA
    }

    LibrarySession(EmailAddress email, Long storeId, DownloadToken token, Instant now) {
        this.email = email.value();
        this.storeId = storeId;
        this.tokenHash = token.hash();
        this.createdAt = now;
        this.expiresAt = now.plus(LIFETIME);
    }

    boolean isLive(Instant now) {
        return now.isBefore(expiresAt);
    }

    Library.Viewer viewer() {
        return new Library.Viewer(null, new EmailAddress(email), storeId);
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
