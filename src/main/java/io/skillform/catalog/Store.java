package io.skillform.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import io.skillform.shared.CurrencyConverter;
import io.skillform.storage.BlobKey;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** A creator's store: the handle buyers see in URLs, a display name, and the currency its prices are in. */
@Entity
@Table(name = "store")
public class Store {

    static final int MAX_ORIGINS = 10;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 30)
    private String handle;

    @Column(name = "display_name", nullable = false, length = 80)
    private String displayName;

    @Convert(converter = CurrencyConverter.class)
    @Column(name = "default_currency", nullable = false, length = 3)
    private Currency defaultCurrency;

    /** The creator's account (identity package); kept as an id so the catalog does not depend on identity. */
    @Column(name = "owner_id", updatable = false)
    private Long ownerId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Space-separated {@link WebOrigin}s whose pages may call the public API from a browser. */
    /** Set while the owner's account is disabled: the store sells nothing (see {@link Catalog#suspendStoreOf}). */
    @Column(name = "suspended_at")
    private Instant suspendedAt;

    @Column(name = "api_allowed_origins", nullable = false, length = 1000)
    private String allowedOrigins = "";

    /** Markdown, shown sanitised on the store's page. */
    @Column(columnDefinition = "TEXT")
    private String description;

    /** Space-separated: URIs have no spaces. */
    @Column(nullable = false, length = 1600)
    private String links = "";

    @Column(name = "avatar_key", length = 100)
    private String avatarKey;

    @Column(name = "banner_key", length = 100)
    private String bannerKey;

    @Column(name = "sale_mails", nullable = false)
    private boolean saleMails = true;

    @Version
    private long version;

    protected Store() {
        // for JPA
    }

    public Store(StoreHandle handle, String displayName, Currency defaultCurrency, long ownerId, Instant createdAt) {
        this.handle = handle.value();
        this.ownerId = ownerId;
        this.displayName = requireDisplayName(displayName);
        this.defaultCurrency = Objects.requireNonNull(defaultCurrency, "currency");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    private static String requireDisplayName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 80) {
            throw new IllegalArgumentException("A store name is 1–80 characters");
        }
        return trimmed;
    }

    /** What the store's page says about it; the owner's choice of a mail per sale goes with it. */
    void changeProfile(StoreProfile profile) {
        displayName = requireDisplayName(profile.name());
        description = profile.description();
        links = profile.links().stream().map(URI::toString).collect(Collectors.joining(" "));
        saleMails = profile.saleMails();
    }

    public StoreProfile profile() {
        return new StoreProfile(displayName, description, links(), saleMails);
    }

    public List<URI> links() {
        return links.isEmpty() ? List.of() : Arrays.stream(links.split(" ")).map(URI::create).toList();
    }

    /** Points the store at a new avatar or banner; returns the replaced one, whose bytes are no longer referenced. */
    Optional<BlobKey> changeImage(StoreImage image, BlobKey key) {
        Optional<BlobKey> previous = image(image);
        if (image == StoreImage.AVATAR) {
            avatarKey = key.value();
        } else {
            bannerKey = key.value();
        }
        return previous;
    }

    public Optional<BlobKey> image(StoreImage image) {
        return Optional.ofNullable(image == StoreImage.AVATAR ? avatarKey : bannerKey).map(BlobKey::new);
    }

    public Optional<BlobKey> avatar() {
        return image(StoreImage.AVATAR);
    }

    public Optional<BlobKey> banner() {
        return image(StoreImage.BANNER);
    }

    /** The description as the store's page shows it: sanitised HTML, empty without one. */
    public String descriptionHtml() {
        return description == null ? "" : Markdown.toSafeHtml(description);
    }

    public boolean saleMails() {
        return saleMails;
    }

    /** Empty for stores opened before stores had owners. */
    public Optional<Long> ownerId() {
        return Optional.ofNullable(ownerId);
    }

    void suspend(Instant now) {
        if (suspendedAt == null) {
            suspendedAt = now;
        }
    }

    void reinstate() {
        suspendedAt = null;
    }

    public boolean isSuspended() {
        return suspendedAt != null;
    }

    public Long id() {
        return id;
    }

    public StoreHandle handle() {
        return new StoreHandle(handle);
    }

    public String displayName() {
        return displayName;
    }

    public Currency defaultCurrency() {
        return defaultCurrency;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isOwnedBy(long accountId) {
        return ownerId != null && ownerId == accountId;
    }

    /** The web origins whose pages may call the public API from a browser (CORS), replacing the previous list. */
    public void allowOrigins(List<WebOrigin> origins) {
        if (origins.size() > MAX_ORIGINS) {
            throw new IllegalArgumentException("A store allows at most " + MAX_ORIGINS + " origins");
        }
        String joined = origins.stream().map(WebOrigin::value).distinct().collect(Collectors.joining(" "));
        if (joined.length() > 1000) {
            throw new IllegalArgumentException("These origins are too long together (1000 characters at most)");
        }
        allowedOrigins = joined;
    }

    public List<WebOrigin> allowedOrigins() {
        return allowedOrigins.isEmpty() ? List.of() : Arrays.stream(allowedOrigins.split(" ")).map(WebOrigin::new).toList();
    }

    public boolean allows(WebOrigin origin) {
        return allowedOrigins().contains(origin);
    }
}
