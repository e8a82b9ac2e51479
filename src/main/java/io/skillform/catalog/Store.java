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
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/** A creator's store: the handle buyers see in URLs, a display name, and the currency its prices are in. */
@Entity
@Table(name = "store")
public class Store {

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
}
