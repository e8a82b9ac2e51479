package io.skillform.delivery;

import io.skillform.catalog.DownloadPolicy;
import io.skillform.catalog.ProductFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A buyer's right to one file of a paid order, with the download policy they bought under. The downloads belong to
 * the grant: every link issued from it (receipt, library, API, renewal) draws on one allowance — the policy's count
 * plus what the creator allowed this buyer on top — so asking for more links gives no more downloads. Uses are claimed
 * by a conditional update in the database ({@link Downloads}), never by changing this object, so parallel requests on
 * any of its links cannot take more than there are. While it is revoked (the order refunded or disputed) no link works.
 */
@Entity
@Table(name = "download_grant")
public class DownloadGrant {

    /** The most a creator can add to one grant, all raises together (the column's check says the same). */
    static final int MAX_EXTRA_DOWNLOADS = 1_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false, updatable = false)
    private long orderId;

    @Column(name = "store_id", nullable = false, updatable = false)
    private long storeId;

    @Column(name = "product_id", nullable = false, updatable = false)
    private long productId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "product_file_id", nullable = false, updatable = false)
    private ProductFile file;

    @Column(name = "buyer_email", nullable = false, updatable = false, length = 254)
    private String buyerEmail;

    @Column(name = "buyer_account_id")
    private Long buyerAccountId;

    @Column(name = "download_limit", nullable = false, updatable = false)
    private int downloadLimit;

    /** Raised by the creator for this buyer ({@link #allowMore}). */
    @Column(name = "extra_downloads", nullable = false)
    private int extraDownloads;

    @Column(name = "downloads_used", nullable = false, insertable = false, updatable = false)
    private int downloadsUsed;

    @Column(name = "link_lifetime_hours", nullable = false, updatable = false)
    private int linkLifetimeHours;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_reason", length = 200)
    private String revokedReason;

    protected DownloadGrant() {
        // for JPA
    }

    DownloadGrant(Purchase purchase, ProductFile file, DownloadPolicy policy, Instant now) {
        this.orderId = purchase.orderId();
        this.storeId = purchase.storeId();
        this.file = Objects.requireNonNull(file, "file");
        this.productId = file.product().id();
        this.buyerEmail = purchase.buyer().value();
        this.buyerAccountId = purchase.buyerAccountId();
        this.downloadLimit = policy.downloadLimit();
        this.linkLifetimeHours = policy.linkLifetimeHours();
        this.grantedAt = now;
    }

    /**
     * A fresh link for this file, living as long as the policy the buyer bought says; it draws on this grant's
     * downloads. The token is only ever in the link.
     */
    IssuedLink issueLink(DownloadLink.IssuedFor purpose, Instant now) {
        if (isRevoked()) {
            throw new IllegalStateException("Grant " + id + " is revoked: " + revokedReason);
        }
        DownloadToken token = DownloadToken.generate();
        return new IssuedLink(new DownloadLink(this, token, purpose, now.plus(Duration.ofHours(linkLifetimeHours)), now), token);
    }

    /**
     * The creator lets this buyer download the file {@code more} times more (1 to {@value DownloadPolicy#MAX_DOWNLOADS}
     * at a time); the caller holds the grant's row lock, so two raises at once both count.
     */
    void allowMore(int more) {
        if (more < 1 || more > DownloadPolicy.MAX_DOWNLOADS) {
            throw new DeliveryException("Allow between 1 and " + DownloadPolicy.MAX_DOWNLOADS + " more downloads at a time.");
        }
        if (isRevoked()) {
            throw new DeliveryException("This purchase was " + revokedReason + ": its files can no longer be downloaded.");
        }
        if (extraDownloads + more > MAX_EXTRA_DOWNLOADS) {
            throw new DeliveryException("This buyer has been allowed " + extraDownloads + " more downloads already; "
                    + MAX_EXTRA_DOWNLOADS + " is the most.");
        }
        extraDownloads += more;
    }

    /** Returns true if this changed the grant. */
    boolean revoke(String reason, Instant now) {
        if (isRevoked() && reason.equals(revokedReason)) {
            return false;
        }
        if (!isRevoked()) {
            revokedAt = now;
        }
        revokedReason = reason.length() <= 200 ? reason : reason.substring(0, 200);
        return true;
    }

    /** The order is the buyer's again (a dispute won): its links work again, within their own limits. */
    boolean reinstate() {
        if (!isRevoked()) {
            return false;
        }
        revokedAt = null;
        revokedReason = null;
        return true;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public Long id() {
        return id;
    }

    public long orderId() {
        return orderId;
    }

    public long storeId() {
        return storeId;
    }

    public ProductFile file() {
        return file;
    }

    public String buyerEmail() {
        return buyerEmail;
    }

    /** Downloads this purchase of the file allows in all: the policy sold, plus what the creator added. */
    public int allowance() {
        return downloadLimit + extraDownloads;
    }

    public int downloadsUsed() {
        return downloadsUsed;
    }

    public int downloadsLeft() {
        return Math.max(0, allowance() - downloadsUsed);
    }

    public boolean isUsedUp() {
        return downloadsLeft() == 0;
    }

    public int linkLifetimeHours() {
        return linkLifetimeHours;
    }

    public Optional<Long> buyerAccountId() {
        return Optional.ofNullable(buyerAccountId);
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    public String revokedReason() {
        return revokedReason;
    }

    /** A link just issued, with the token that only the recipient of the link will ever see. */
    record IssuedLink(DownloadLink link, DownloadToken token) {
    }
}
