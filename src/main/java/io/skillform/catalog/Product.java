package io.skillform.catalog;

import io.skillform.shared.Money;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * Something a creator sells. It changes only through methods named for what happens, each of which refuses
 * a transition that makes no sense (an archived product stays archived).
 */
@Entity
@Table(name = "product")
@NamedQuery(name = "Product.latestPublished",
        query = "SELECT p FROM Product p JOIN FETCH p.store WHERE p.status = io.skillform.catalog.ProductStatus.PUBLISHED"
                + " ORDER BY p.publishedAt DESC, p.id DESC")
@NamedQuery(name = "Product.publishedByHandleAndSlug",
        query = "SELECT p FROM Product p JOIN FETCH p.store s WHERE s.handle = :handle AND p.slug = :slug"
                + " AND p.status = io.skillform.catalog.ProductStatus.PUBLISHED")
@NamedQuery(name = "Product.publishedInStore",
        query = "SELECT p FROM Product p JOIN FETCH p.store s WHERE s.id = :storeId"
                + " AND p.status = io.skillform.catalog.ProductStatus.PUBLISHED ORDER BY p.publishedAt DESC, p.id DESC")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "store_id", nullable = false, updatable = false)
    private Store store;

    @Column(nullable = false, length = 80)
    private String slug;

    @Column(nullable = false, length = 140)
    private String title;

    @Lob
    @Column(nullable = false)
    private String description;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "minor", column = @Column(name = "price_minor", nullable = false)),
        @AttributeOverride(name = "currency", column = @Column(name = "price_currency", nullable = false, length = 3))
    })
    private Money price;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ProductStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Version
    private long version;

    protected Product() {
        // for JPA
    }

    public Product(Store store, Slug slug, String title, String description, Money price, Instant createdAt) {
        this.store = Objects.requireNonNull(store, "store");
        this.slug = slug.value();
        this.title = requireTitle(title);
        this.description = description == null ? "" : description;
        this.price = requirePrice(price);
        this.status = ProductStatus.DRAFT;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    private static String requireTitle(String title) {
        String trimmed = title == null ? "" : title.strip();
        if (trimmed.isEmpty() || trimmed.length() > 140) {
            throw new IllegalArgumentException("A title is 1–140 characters");
        }
        return trimmed;
    }

    private static Money requirePrice(Money price) {
        Objects.requireNonNull(price, "price");
        if (price.isNegative()) {
            throw new IllegalArgumentException("A price cannot be negative");
        }
        return price;
    }

    /** Changes what buyers see; the currency stays the store's. */
    public void revise(String newTitle, String newDescription, Money newPrice) {
        if (status == ProductStatus.ARCHIVED) {
            throw new IllegalStateException("An archived product cannot be changed");
        }
        if (!newPrice.currency().equals(price.currency())) {
            throw new IllegalArgumentException("A product's price stays in its store's currency");
        }
        this.title = requireTitle(newTitle);
        this.description = newDescription == null ? "" : newDescription;
        this.price = requirePrice(newPrice);
    }

    /** Makes the product visible to buyers. The first publication date is kept when re-publishing. */
    public void publish(Instant now) {
        if (status == ProductStatus.ARCHIVED) {
            throw new IllegalStateException("An archived product cannot be published again");
        }
        status = ProductStatus.PUBLISHED;
        if (publishedAt == null) {
            publishedAt = now;
        }
    }

    public void unpublish() {
        if (status != ProductStatus.PUBLISHED) {
            throw new IllegalStateException("Only a published product can be unpublished");
        }
        status = ProductStatus.UNPUBLISHED;
    }

    /** Final: the product disappears from the storefront for good, but stays for past orders. */
    public void archive() {
        status = ProductStatus.ARCHIVED;
    }

    public boolean isFree() {
        return price.isZero();
    }

    public Long id() {
        return id;
    }

    public Store store() {
        return store;
    }

    public Slug slug() {
        return new Slug(slug);
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Money price() {
        return price;
    }

    public ProductStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
