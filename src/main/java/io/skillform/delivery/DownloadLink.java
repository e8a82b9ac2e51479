package io.skillform.delivery;

import io.skillform.catalog.DownloadPolicy;
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
 * One link to a granted file: works until it expires or its downloads are used up. Uses are claimed by a
 * conditional update in the database ({@link Downloads}), never by changing this object, so parallel requests
 * cannot both take the last one.
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

    @Column(name = "download_limit", nullable = false, updatable = false)
    private int downloadLimit;

    @Column(name = "downloads_used", nullable = false, insertable = false, updatable = false)
    private int downloadsUsed;

    protected DownloadLink() {
        // for JPA
    }

    DownloadLink(DownloadGrant grant, DownloadToken token, IssuedFor issuedFor, DownloadPolicy policy, Instant now) {
        this.grant = grant;
        this.tokenHash = token.hash();
        this.issuedFor = issuedFor;
        this.issuedAt = now;
        this.expiresAt = now.plus(policy.linkLifetime());
        this.downloadLimit = policy.downloadLimit();
    }

    public State state(Instant now) {
        if (grant.isRevoked()) {
            return State.REVOKED;
        }
        if (!now.isBefore(expiresAt)) {
            return State.EXPIRED;
        }
        return downloadsUsed >= downloadLimit ? State.USED_UP : State.USABLE;
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

    public int downloadLimit() {
        return downloadLimit;
    }

    public int downloadsLeft() {
        return Math.max(0, downloadLimit - downloadsUsed);
    }
}
