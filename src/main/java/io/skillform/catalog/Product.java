package io.skillform.catalog;

import io.skillform.shared.Money;
import io.skillform.storage.BlobKey;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a creator sells. It changes only through methods named for what happens, each of which refuses
 * a transition that makes no sense (an archived product stays archived).
 */
@Entity
@Table(name = "product")
@NamedQuery(name = "Product.latestPublished",
        query = "SELECT p FROM Product p JOIN FETCH p.store s WHERE p.status = io.skillform.catalog.ProductStatus.PUBLISHED"
                + " AND s.suspendedAt IS NULL ORDER BY p.publishedAt DESC, p.id DESC")
@NamedQuery(name = "Product.publishedByHandleAndSlug",
        query = "SELECT p FROM Product p JOIN FETCH p.store s WHERE s.handle = :handle AND p.slug = :slug"
                + " AND p.status = io.skillform.catalog.ProductStatus.PUBLISHED AND s.suspendedAt IS NULL")
@NamedQuery(name = "Product.publishedInStore",
        query = "SELECT p FROM Product p JOIN FETCH p.store s WHERE s.id = :storeId AND s.suspendedAt IS NULL"
                + " AND p.status = io.skillform.catalog.ProductStatus.PUBLISHED ORDER BY p.publishedAt DESC, p.id DESC")
public class Product {

    public static final int MAX_IMAGES = 8;
    public static final int MAX_TITLE = 140;

    static final int MAX_FILES = 50;
    /** A course's files are its lessons' videos and attachments: a long course has hundreds. */
    static final int MAX_COURSE_FILES = 2_000;
    /** As the dashboard's editor allows (its maxlength). */
    public static final int MAX_DESCRIPTION_LENGTH = 50_000;
    /**
     * Far above what a description of that length renders to in practice, far below the column's 16 MiB; a few
     * kilobytes of repeated link references would otherwise be megabytes of HTML on every save and page.
     */
    static final int MAX_DESCRIPTION_HTML = 1_000_000;
    public static final long MAX_PRICE_MINOR = 99_999_999_999L;

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

    /** Rendered when the description is set; null only on rows saved before rendering existed. */
    @Lob
    @Column(name = "description_html")
    private String descriptionHtml;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "minor", column = @Column(name = "price_minor", nullable = false)),
        @AttributeOverride(name = "currency", column = @Column(name = "price_currency", nullable = false, length = 3))
    })
    private Money price;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private Pricing pricing;

    @Embedded
    private DownloadPolicy downloadPolicy;

    @Column(name = "cover_key", length = 60)
    private String coverKey;

    @OneToMany(mappedBy = "product", cascade = CascadeType.PERSIST)
    @OrderBy("addedAt ASC, id ASC")
    private List<ProductFile> files = new ArrayList<>();

    /** The gallery beside the cover, in the creator's order: blob keys under {@code covers/}. */
    @ElementCollection
    @CollectionTable(name = "product_image", joinColumns = @JoinColumn(name = "product_id"))
    @OrderColumn(name = "position")
    @Column(name = "storage_key", length = 100)
    private List<String> imageKeys = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ProductStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private ProductType type = ProductType.DOWNLOAD;

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
        describe(description);
        this.price = requirePrice(price);
        this.pricing = Pricing.FIXED;
        this.downloadPolicy = DownloadPolicy.defaults();
        this.status = ProductStatus.DRAFT;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** @throws IllegalArgumentException with a message for the creator */
    public static String requireTitle(String title) {
        String trimmed = title == null ? "" : title.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_TITLE) {
            throw new IllegalArgumentException("A title is 1–" + MAX_TITLE + " characters");
        }
        return trimmed;
    }

    private static Money requirePrice(Money price) {
        Objects.requireNonNull(price, "price");
        if (price.isNegative()) {
            throw new IllegalArgumentException("A price cannot be negative");
        }
        if (price.minor() > MAX_PRICE_MINOR) {
            // Far above any real price, and far enough below Long.MAX_VALUE that sums of orders never overflow.
            throw new IllegalArgumentException("A price is at most " + MAX_PRICE_MINOR + " minor units");
        }
        return price;
    }

    /** Changes what buyers see and get; the currency stays the store's. */
    public void revise(String newTitle, String newDescription, Money newPrice, Pricing newPricing, DownloadPolicy newPolicy) {
        requireChangeable();
        if (!newPrice.currency().equals(price.currency())) {
            throw new IllegalArgumentException("A product's price stays in its store's currency");
        }
        this.title = requireTitle(newTitle);
        describe(newDescription);
        this.price = requirePrice(newPrice);
        this.pricing = Objects.requireNonNull(newPricing, "pricing");
        this.downloadPolicy = Objects.requireNonNull(newPolicy, "download policy");
    }

    /**
     * For a caller that must name the refused field before anything changes (the API); the product checks again.
     *
     * @throws IllegalArgumentException with a message for the creator
     */
    public static String requireDescription(String markdown) {
        render(markdown);
        return markdown;
    }

    private static String render(String markdown) {
        // A browser counts a line break once, as its maxlength does, but sends it as CR LF.
        if (markdown.replace("\r\n", "\n").length() > MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("A description is at most 50,000 characters");
        }
        return Markdown.toSafeHtml(markdown, MAX_DESCRIPTION_HTML).orElseThrow(() -> new IllegalArgumentException(
                "This description would make too large a page: use fewer or shorter links, or shorter link addresses"));
    }

    private void describe(String markdown) {
        String text = markdown == null ? "" : markdown;
        this.descriptionHtml = render(text);
        this.description = text;
    }

    private void requireChangeable() {
        if (status == ProductStatus.ARCHIVED) {
            throw new IllegalStateException("An archived product cannot be changed");
        }
    }

    /** Adds a file buyers receive — past buyers too, as an update to what they bought. */
    public ProductFile attach(StoredFile stored, Instant now) {
        requireChangeable();
        int most = isCourse() ? MAX_COURSE_FILES : MAX_FILES;
        if (currentFiles().size() >= most) {
            throw new IllegalStateException((isCourse() ? "A course" : "A product") + " has at most " + most + " files");
        }
        ProductFile file = new ProductFile(this, stored, now);
        files.add(file);
        return file;
    }

    /**
     * New buyers no longer get the file; those who paid before keep it, so nobody loses what they paid for.
     * Replacing a file is attaching the new version and removing the old one.
     */
    public ProductFile removeFile(long fileId, Instant now) {
        requireChangeable();
        ProductFile file = currentFiles().stream()
                .filter(f -> Long.valueOf(fileId).equals(f.id()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("This product has no such file"));
        if (status == ProductStatus.PUBLISHED && currentFiles().size() == 1) {
            // What publishing asks for stays true while published: a new buyer always gets something.
            throw new IllegalStateException("A published product keeps at least one file: add another first, or unpublish it");
        }
        file.remove(now);
        return file;
    }

    /** What new buyers get. */
    public List<ProductFile> currentFiles() {
        return files.stream().filter(f -> !f.isRemoved()).toList();
    }

    /** What a buyer who paid at that moment may download: today's files plus those removed after they paid. */
    public List<ProductFile> filesFor(Instant paidAt) {
        return files.stream().filter(f -> f.deliverableToPurchaseAt(paidAt)).toList();
    }

    /** Sets the cover and returns the one it replaces, whose bytes the caller may now delete. */
    public Optional<BlobKey> changeCover(BlobKey newCover) {
        requireChangeable();
        Optional<BlobKey> previous = cover();
        this.coverKey = newCover.value();
        return previous;
    }

    /** Whether a buyer may pay this amount for the product. */
    public boolean accepts(Money amount) {
        if (!amount.currency().equals(price.currency())) {
            return false;
        }
        // The ceiling of a price holds for what a buyer offers too: the fees and totals computed from it stay exact.
        return pricing == Pricing.FIXED ? amount.equals(price) : amount.isAtLeast(price) && amount.minor() <= MAX_PRICE_MINOR;
    }

    /** A new address in its store; the catalog checks the store has no other product there. */
    void moveTo(Slug newSlug) {
        requireChangeable();
        this.slug = newSlug.value();
    }

    /** Makes the product visible to buyers. The first publication date is kept when re-publishing. */
    public void publish(Instant now) {
        if (status == ProductStatus.ARCHIVED) {
            throw new IllegalStateException("An archived product cannot be published again");
        }
        // A course's buyers get its lessons; the catalog asks the course before publishing (SellableContent).
        if (type == ProductType.DOWNLOAD && currentFiles().isEmpty()) {
            throw new IllegalStateException("Add at least one file before publishing: buyers must get something");
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
        requireChangeable();
        status = ProductStatus.ARCHIVED;
    }

    public boolean isFree() {
        return pricing == Pricing.FIXED && price.isZero();
    }

    public boolean isPayWhatYouWant() {
        return pricing == Pricing.PAY_WHAT_YOU_WANT;
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

    /** The price, or for pay-what-you-want the minimum. */
    public Money price() {
        return price;
    }

    public ProductType type() {
        return type;
    }

    public boolean isCourse() {
        return type == ProductType.COURSE;
    }

    /** Set once, when the product is created. */
    void deliverAs(ProductType productType) {
        if (id != null) {
            throw new IllegalStateException("A product's type is chosen when it is created");
        }
        this.type = productType;
    }

    public Pricing pricing() {
        return pricing;
    }

    public String descriptionHtml() {
        return descriptionHtml != null ? descriptionHtml : Markdown.toSafeHtml(description);
    }

    /** A plain-text excerpt of the description for meta tags and previews. */
    public String summary() {
        return Markdown.toSummary(description, 160);
    }

    public DownloadPolicy downloadPolicy() {
        return downloadPolicy;
    }

    public List<BlobKey> images() {
        return imageKeys.stream().map(BlobKey::new).toList();
    }

    /** One more image at the end of the gallery. */
    void addImage(BlobKey key) {
        requireChangeable();
        if (imageKeys.size() >= MAX_IMAGES) {
            throw new IllegalStateException("A product shows at most " + MAX_IMAGES + " images besides its cover");
        }
        imageKeys.add(key.value());
    }

    /** Takes an image out of the gallery; the caller deletes its bytes. */
    void removeImage(BlobKey key) {
        requireChangeable();
        if (!imageKeys.remove(key.value())) {
            throw new IllegalArgumentException("This product has no such image");
        }
    }

    public Optional<BlobKey> cover() {
        return Optional.ofNullable(coverKey).map(BlobKey::new);
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
