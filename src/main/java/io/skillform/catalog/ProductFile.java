package io.skillform.catalog;

import io.skillform.storage.BlobKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A file buyers of a product receive. What was stored never changes (a new version is a new file); removal only
 * stamps {@code removedAt}, so buyers who paid before keep their file (see {@link Product#filesFor(Instant)}).
 */
@Entity
@Table(name = "product_file")
public class ProductFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id", nullable = false, updatable = false)
    private Product product;

    @Column(name = "storage_key", nullable = false, updatable = false, length = 60)
    private String storageKey;

    @Column(name = "file_name", nullable = false, updatable = false, length = 200)
    private String fileName;

    @Column(name = "content_type", nullable = false, updatable = false, length = 127)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "sha256", nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    @Column(name = "removed_at")
    private Instant removedAt;

    protected ProductFile() {
        // for JPA
    }

    ProductFile(Product product, StoredFile stored, Instant addedAt) {
        this.product = Objects.requireNonNull(product, "product");
        this.storageKey = stored.key().value();
        this.fileName = stored.name().value();
        this.contentType = stored.contentType();
        this.sizeBytes = stored.size();
        this.sha256 = stored.sha256();
        this.addedAt = Objects.requireNonNull(addedAt, "addedAt");
    }

    void remove(Instant now) {
        if (removedAt == null) {
            removedAt = now;
        }
    }

    /** Part of what someone who paid at that moment is entitled to: not removed before they paid. */
    public boolean deliverableToPurchaseAt(Instant paidAt) {
        return removedAt == null || removedAt.isAfter(paidAt);
    }

    public boolean isRemoved() {
        return removedAt != null;
    }

    public Long id() {
        return id;
    }

    public Product product() {
        return product;
    }

    public BlobKey storageKey() {
        return new BlobKey(storageKey);
    }

    /**
     * The stored name, sanitised again if an older version stored one the rules now refuse: a file's name must never
     * make a past buyer's library, or the product, unreadable.
     */
    public FileName fileName() {
        try {
            return new FileName(fileName);
        } catch (IllegalArgumentException storedBeforeTheRules) {
            return FileName.sanitize(fileName);
        }
    }

    public String contentType() {
        return contentType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    public Instant addedAt() {
        return addedAt;
    }

    public Instant removedAt() {
        return removedAt;
    }
}
