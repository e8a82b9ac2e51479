package io.skillform.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One link to a granted file: works until it expires, while its grant has downloads left. The downloads are the
 * grant's, shared by all its links ({@link DownloadGrant}); a link adds only its own lifetime.
 */
@Entity
@Table(name = "download_link")
public class DownloadLink {

    /** Where the link was sent: the receipt, the buyer's library, or a renewal asked for from an expired link. */
    public enum IssuedFor { RECEIPT, LIBRARY, RENEWAL }

    /** What a request with this link gets. */
    public enum State { USABLE, EXPIRED, USED_UP, REVOKED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "grant_id", nullable = false, updatable = false)
    private DownloadGrant grant;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "issued_for", nullable = false, updatable = false, length = 16)
    private IssuedFor issuedFor;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    protected DownloadLink() {
        // for JPA
    }

    DownloadLink(DownloadGrant grant, DownloadToken token, IssuedFor issuedFor, Instant expiresAt, Instant now) {
        this.grant = grant;
        this.tokenHash = token.hash();
        this.issuedFor = issuedFor;
        this.issuedAt = now;
        this.expiresAt = expiresAt;
    }

    /**
     * Used up comes before expired: once the purchase's downloads are spent a fresh link would not help, so that is
     * what the buyer is told.
     */
    public State state(Instant now) {
        if (grant.isRevoked()) {
            return State.REVOKED;
        }
        if (grant.isUsedUp()) {
            return State.USED_UP;
        }
        return hasExpired(now) ? State.EXPIRED : State.USABLE;
    }

    public boolean hasExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public Long id() {
        return id;
    }

    public DownloadGrant grant() {
        return grant;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
