package io.skillform.catalog;

import io.skillform.audit.AuditEntry;
import io.skillform.audit.AuditTrail;
import io.skillform.shared.Money;
import io.skillform.storage.BlobKey;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The catalog's use cases; each public method is one transaction. */
@Stateless
public class Catalog {

    private static final int MAX_PAGE = 100;

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private AuditTrail auditTrail;

    @Inject
    private Event<StorefrontChanged> storefrontChanged;

    @Inject
    private Event<ProductFileAdded> fileAdded;

    @Inject
    private Event<ProductChanged> productChanged;

    @Inject
    private Event<ProductCreated> productCreated;

    @Inject
    @Any
    private Instance<SellableContent> sellableContent;

    private final Clock clock = Clock.systemUTC();

    /** Opens a store for its owner, a creator's account. */
    public Store openStore(StoreHandle handle, String displayName, Currency currency, long ownerId) {
        if (findStore(handle).isPresent()) {
            throw new CatalogException("The store handle @" + handle + " is taken");
        }
        Store store = new Store(handle, displayName, currency, ownerId, clock.instant());
        em.persist(store);
        em.flush(); // assigns the id the audit entry names
        auditTrail.record(AuditEntry.of("store.opened", "store:" + store.id(), "account:" + ownerId, "@" + handle));
        storefrontChanged.fire(new StorefrontChanged(store.id()));
        return store;
    }

    /** The creator's store, if they have one. */
    public Optional<Store> storeOf(long ownerId) {
        return em.createQuery("SELECT s FROM Store s WHERE s.ownerId = :owner", Store.class)
                .setParameter("owner", ownerId)
                .getResultStream().findFirst();
    }

    /** A new product starts as a draft in the creator's own store, priced in its currency. */
    public Product createProduct(long ownerId, Slug slug, String title, String description, long priceMinor) {
        return createProduct(ownerId, slug, title, description, priceMinor, ProductType.DOWNLOAD);
    }

    public Product createProduct(long ownerId, Slug slug, String title, String description, long priceMinor, ProductType type) {
        Store store = storeOf(ownerId).orElseThrow(() -> new CatalogException("Open a store first"));
        if (slugTaken(store, slug)) {
            throw new CatalogException("Your store already has a product at /" + slug);
        }
        Product product = obeying(() -> new Product(store, slug, title, description,
                Money.of(priceMinor, store.defaultCurrency()), clock.instant()));
        product.deliverAs(type);
        em.persist(product);
        endRedirect(store, slug);
        em.flush(); // the id, for the observers of the new product
        productCreated.fire(new ProductCreated(product.id(), type));
        return product;
    }

    /** The title's slug, numbered when the store has a product there already: for a creator who chose none. */
    public Slug freeSlugFor(long ownerId, String title) {
        Store store = storeOf(ownerId).orElseThrow(() -> new CatalogException("Open a store first"));
        Slug suggested = Slug.suggest(title);
        Slug candidate = suggested;
        for (int n = 2; slugTaken(store, candidate); n++) {
            candidate = suggested.numbered(n);
        }
        return candidate;
    }

    /**
     * Moves a product to a new address in its store. The old address keeps working as a permanent redirect (buyers
     * and search engines have it) until another product of the store takes it.
     */
    public Product changeSlug(long ownerId, long productId, Slug slug) {
        Product product = ownedProduct(ownerId, productId);
        if (product.slug().equals(slug)) {
            return product;
        }
        if (slugTaken(product.store(), slug)) {
            throw new CatalogException("Your store already has a product at /" + slug);
        }
        Slug former = product.slug();
        obeying(() -> {
            product.moveTo(slug);
            return product;
        });
        endRedirect(product.store(), slug);
        em.createNativeQuery("INSERT INTO product_former_slug (store_id, slug, product_id, replaced_at) VALUES (?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE product_id = VALUES(product_id), replaced_at = VALUES(replaced_at)")
                .setParameter(1, product.store().id()).setParameter(2, former.value()).setParameter(3, product.id())
                .setParameter(4, clock.instant())
                .executeUpdate();
        auditTrail.record(AuditEntry.of("product.moved", "product:" + productId, "account:" + ownerId, "/" + former + " → /" + slug));
        return changed(product, "product.updated");
    }

    /**
     * A new draft like the creator's product: its details, price, download policy and current files (their bytes are
     * never deleted, so the copy shares them), at the title's next free address. The cover is the caller's to copy:
     * a replaced cover's bytes are deleted, so two products must not share them.
     */
    public Product duplicate(long ownerId, long productId) {
        Product original = ownedProduct(ownerId, productId);
        if (original.isCourse()) {
            // Its files belong to lessons: copied alone they would become a download product's files.
            throw new CatalogException("A course cannot be duplicated yet");
        }
        String title = copyTitle(original.title());
        Product copy = createProduct(ownerId, freeSlugFor(ownerId, title), new ProductRevision(title, original.description(),
                original.price().minor(), original.pricing(), original.downloadPolicy().downloadLimit(),
                original.downloadPolicy().linkLifetimeHours()), ProductType.DOWNLOAD);
        Instant now = clock.instant();
        for (ProductFile file : original.currentFiles()) {
            obeying(() -> copy.attach(new StoredFile(file.storageKey(), file.fileName(), file.contentType(), file.sizeBytes(),
                    file.sha256()), now));
        }
        em.flush(); // the copy's id, for the audit entry
        auditTrail.record(AuditEntry.of("product.duplicated", "product:" + copy.id(), "account:" + ownerId, "from product:" + productId));
        return copy;
    }

    private static String copyTitle(String title) {
        String suffix = " (copy)";
        return (title.length() + suffix.length() > Product.MAX_TITLE ? title.substring(0, Product.MAX_TITLE - suffix.length()) : title)
                + suffix;
    }

    /** The editor's Save: a new address and the product's details together, or neither. */
    public Product editProduct(long ownerId, long productId, Slug slug, ProductRevision revision) {
        changeSlug(ownerId, productId, slug);
        return reviseProduct(ownerId, productId, revision);
    }

    /** What a buyer of the product gets now: its files, in the order they were added. */
    public List<ProductFile> filesOf(long productId) {
        return em.createQuery("SELECT f FROM ProductFile f WHERE f.product.id = :product AND f.removedAt IS NULL ORDER BY f.id",
                        ProductFile.class)
                .setParameter("product", productId)
                .getResultList();
    }

    /** The creator's own product at a store address, in any state but archived: the draft they preview before publishing. */
    public Optional<Product> ownDraftAt(long ownerId, StoreHandle handle, Slug slug) {
        return em.createQuery("SELECT p FROM Product p JOIN FETCH p.store s WHERE s.handle = :handle AND p.slug = :slug"
                        + " AND s.ownerId = :owner AND p.status <> io.skillform.catalog.ProductStatus.ARCHIVED", Product.class)
                .setParameter("handle", handle.value()).setParameter("slug", slug.value()).setParameter("owner", ownerId)
                .getResultStream().findFirst();
    }

    /** Where a store's former product address leads now: the product, if it is published. */
    public Optional<Product> movedFrom(StoreHandle handle, Slug slug) {
        List<?> ids = em.createNativeQuery("SELECT f.product_id FROM product_former_slug f JOIN store s ON s.id = f.store_id"
                        + " WHERE s.handle = ? AND f.slug = ?")
                .setParameter(1, handle.value()).setParameter(2, slug.value())
                .getResultList();
        return ids.isEmpty() ? Optional.empty() : findPublished(((Number) ids.get(0)).longValue())
                .filter(product -> product.store().handle().equals(handle));
    }

    private boolean slugTaken(Store store, Slug slug) {
        return !em.createQuery("SELECT p.id FROM Product p WHERE p.store.id = :storeId AND p.slug = :slug", Long.class)
                .setParameter("storeId", store.id())
                .setParameter("slug", slug.value())
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** A product now at this address: the address no longer leads to the product that had it before. */
    private void endRedirect(Store store, Slug slug) {
        em.createNativeQuery("DELETE FROM product_former_slug WHERE store_id = ? AND slug = ?")
                .setParameter(1, store.id()).setParameter(2, slug.value())
                .executeUpdate();
    }

    /**
     * One of the creator's own products. Someone else's product is "not found", exactly like a missing one, so
     * its existence is not revealed.
     */
    public Product ownedProduct(long ownerId, long productId) {
        Product product = em.createQuery("SELECT p FROM Product p JOIN FETCH p.store LEFT JOIN FETCH p.files"
                        + " WHERE p.id = :id", Product.class)
                .setParameter("id", productId)
                .getResultStream().findFirst().orElse(null);
        if (product == null || !product.store().isOwnedBy(ownerId)) {
            throw new CatalogException.NotFound();
        }
        return product;
    }

    /** A new draft with everything the creator gave at once: created whole or, if any of it is refused, not at all. */
    public Product createProduct(long ownerId, Slug slug, ProductRevision revision, ProductType type) {
        // A draft: nobody outside sees it yet, so nothing to announce.
        return apply(createProduct(ownerId, slug, revision.title(), revision.description(), revision.priceMinor(), type), revision);
    }

    public Product reviseProduct(long ownerId, long productId, ProductRevision revision) {
        return reviseProduct(ownerId, productId, revision, product -> true);
    }

    /**
     * The same, only if the product is still as the caller read it ({@code If-Match}): checked under the row's lock, so
     * of two changes made from one reading, the second is refused instead of silently undoing the first.
     */
    public Product reviseProduct(long ownerId, long productId, ProductRevision revision, Predicate<Product> stillAsRead) {
        Product product = ownedProduct(ownerId, productId);
        em.refresh(product, LockModeType.PESSIMISTIC_WRITE);
        if (!stillAsRead.test(product)) {
            throw new CatalogException.Stale();
        }
        return changed(apply(product, revision), "product.updated");
    }

    private static Product apply(Product product, ProductRevision revision) {
        return obeying(() -> {
            product.revise(revision.title(), revision.description(),
                    Money.of(revision.priceMinor(), product.price().currency()), revision.pricing(),
                    new DownloadPolicy(revision.downloadLimit(), revision.linkLifetimeHours()));
            return product;
        });
    }

    /**
     * A page of the creator's products, newest first, after the product with id {@code beforeId} (keyset: a far page
     * costs what the first does), optionally only those in one status.
     */
    public List<Product> productsOf(long ownerId, Optional<ProductStatus> status, Optional<Long> beforeId, int limit) {
        var query = em.createQuery("SELECT p FROM Product p JOIN FETCH p.store s WHERE s.ownerId = :owner"
                        + (status.isPresent() ? " AND p.status = :status" : "")
                        + (beforeId.isPresent() ? " AND p.id < :before" : "") + " ORDER BY p.id DESC", Product.class)
                .setParameter("owner", ownerId)
                // The page's files in one more query, not one per product.
                .setHint("eclipselink.batch", "p.files")
                .setHint("eclipselink.batch.type", "IN")
                .setMaxResults(Math.min(Math.max(limit, 1), MAX_PAGE + 1));
        status.ifPresent(value -> query.setParameter("status", value));
        beforeId.ifPresent(id -> query.setParameter("before", id));
        return query.getResultList();
    }

    /** Records a file already written to the blob store as part of the product. */
    public ProductFile attachFile(long ownerId, long productId, StoredFile stored) {
        Product product = ownedProduct(ownerId, productId);
        // Write-locked: a purchase being delivered meanwhile either sees this file or is seen by its observers.
        em.lock(product, LockModeType.PESSIMISTIC_WRITE);
        ProductFile file = obeying(() -> product.attach(stored, clock.instant()));
        em.flush(); // assigns the id the audit entry names
        auditTrail.record(AuditEntry.of("product.file-added", "product:" + productId, "account:" + ownerId,
                "file:" + file.id() + " " + stored.size() + " bytes sha256:" + stored.sha256()));
        fileAdded.fire(new ProductFileAdded(productId, file.id()));
        // The product page lists what is included.
        storefrontChanged.fire(new StorefrontChanged(product.store().id()));
        return file;
    }

    public Product removeFile(long ownerId, long productId, long fileId) {
        Product product = ownedProduct(ownerId, productId);
        if (product.currentFiles().stream().noneMatch(file -> Long.valueOf(fileId).equals(file.id()))) {
            throw new CatalogException.NotFound("No file " + fileId + " in this product");
        }
        obeying(() -> product.removeFile(fileId, clock.instant()));
        auditTrail.record(AuditEntry.of("product.file-removed", "product:" + productId, "account:" + ownerId, "file:" + fileId));
        storefrontChanged.fire(new StorefrontChanged(product.store().id()));
        return product;
    }

    /** Points the product at a new cover; returns the replaced one, whose bytes are no longer referenced. */
    public Optional<BlobKey> changeCover(long ownerId, long productId, BlobKey cover) {
        Product product = ownedProduct(ownerId, productId);
        Optional<BlobKey> previous = obeying(() -> product.changeCover(cover));
        changed(product, "product.updated");
        return previous;
    }

    /** Adds an image already written to the blob store to the product's gallery. */
    public Product addImage(long ownerId, long productId, BlobKey image) {
        return changeGallery(ownerId, productId, product -> product.addImage(image));
    }

    /** Takes an image out of the gallery; its bytes are the caller's to delete once this has committed. */
    public Product removeImage(long ownerId, long productId, BlobKey image) {
        return changeGallery(ownerId, productId, product -> product.removeImage(image));
    }

    private Product changeGallery(long ownerId, long productId, Consumer<Product> change) {
        Product product = ownedProduct(ownerId, productId);
        obeying(() -> {
            change.accept(product);
            return product;
        });
        return changed(product, "product.updated");
    }

    public Product archive(long ownerId, long productId) {
        return transition(ownerId, productId, Product::archive, "product.archived");
    }

    /** One page of the creator's products, sorted by a column of the dashboard's table. */
    public List<Product> productsOf(long ownerId, ProductSort sort, boolean ascending, int offset, int limit) {
        String direction = ascending ? " ASC" : " DESC";
        return em.createQuery("SELECT p FROM Product p JOIN FETCH p.store s WHERE s.ownerId = :owner"
                        + " ORDER BY " + sort.path() + direction + ", p.id" + direction, Product.class)
                .setParameter("owner", ownerId)
                .setFirstResult(Math.max(offset, 0))
                .setMaxResults(Math.min(Math.max(limit, 1), MAX_PAGE))
                .getResultList();
    }

    public long countProductsOf(long ownerId) {
        return em.createQuery("SELECT COUNT(p) FROM Product p WHERE p.store.ownerId = :owner", Long.class)
                .setParameter("owner", ownerId)
                .getSingleResult();
    }

    public Product publish(long ownerId, long productId) {
        return transition(ownerId, productId, product -> {
            sellableContent.stream().filter(content -> content.type() == product.type())
                    .flatMap(content -> content.notReadyToSell(product.id()).stream())
                    .findFirst().ifPresent(problem -> {
                        throw new IllegalStateException(problem);
                    });
            product.publish(clock.instant());
        }, "product.published");
    }

    public Product unpublish(long ownerId, long productId) {
        return transition(ownerId, productId, Product::unpublish, "product.unpublished");
    }

    /** Changes what the store's page says; the page is rendered afresh for visitors. */
    public Store changeStoreProfile(long ownerId, StoreProfile profile) {
        Store store = storeOf(ownerId).orElseThrow(() -> new CatalogException("Open a store first"));
        obeying(() -> {
            store.changeProfile(profile);
            return store;
        });
        storefrontChanged.fire(new StorefrontChanged(store.id()));
        return store;
    }

    /** Points the store's avatar or banner at new bytes; returns the replaced ones, no longer referenced. */
    public Optional<BlobKey> changeStoreImage(long ownerId, StoreImage image, BlobKey key) {
        Store store = storeOf(ownerId).orElseThrow(() -> new CatalogException("Open a store first"));
        Optional<BlobKey> previous = store.changeImage(image, key);
        storefrontChanged.fire(new StorefrontChanged(store.id()));
        return previous;
    }

    /** Replaces the web origins whose pages may call the public API from a browser. */
    public Store allowOrigins(long ownerId, List<WebOrigin> origins) {
        Store store = storeOf(ownerId).orElseThrow(() -> new CatalogException("Open a store first"));
        obeying(() -> {
            store.allowOrigins(origins);
            return store;
        });
        auditTrail.record(AuditEntry.of("store.origins-changed", "store:" + store.id(), "account:" + ownerId,
                origins.stream().map(WebOrigin::value).collect(Collectors.joining(" "))));
        return store;
    }

    /** Whether any store lets pages of this origin call the public API (checkouts and libraries span stores). */
    public boolean anyStoreAllows(WebOrigin origin) {
        return !em.createQuery("SELECT s.id FROM Store s WHERE CONCAT(' ', s.allowedOrigins, ' ') LIKE :origin", Long.class)
                .setParameter("origin", "% " + origin.value() + " %")
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** A store as buyers may see it: not suspended. */
    public Optional<Store> findOpenStore(StoreHandle handle) {
        return findStore(handle).filter(store -> !store.isSuspended());
    }

    /**
     * The owner's account was disabled: their store stops selling — its products leave the storefront, search, the
     * API and checkout — until {@link #reinstateStoreOf}. What was bought stays in its buyers' libraries.
     */
    public void suspendStoreOf(long ownerId) {
        storeOf(ownerId).ifPresent(store -> store.suspend(clock.instant()));
    }

    public void reinstateStoreOf(long ownerId) {
        storeOf(ownerId).ifPresent(Store::reinstate);
    }

    /** Any store, suspended or not (a handle is taken either way). */
    public Optional<Store> findStore(StoreHandle handle) {
        return em.createQuery("SELECT s FROM Store s WHERE s.handle = :handle", Store.class)
                .setParameter("handle", handle.value())
                .getResultStream().findFirst();
    }

    /** The newest published products across all stores, store loaded in the same query. */
    public List<Product> latestPublished(int limit) {
        return em.createNamedQuery("Product.latestPublished", Product.class)
                .setMaxResults(Math.min(Math.max(limit, 1), MAX_PAGE))
                .getResultList();
    }

    public List<Product> publishedIn(Store store, int limit) {
        return em.createNamedQuery("Product.publishedInStore", Product.class)
                .setParameter("storeId", store.id())
                .setMaxResults(Math.min(Math.max(limit, 1), MAX_PAGE))
                .getResultList();
    }

    /**
     * A page of the store's published products after {@code after} (newest first), found by the position rather than
     * an offset: deep pages cost what the first does, and products published meanwhile neither repeat nor vanish.
     */
    public List<Product> publishedIn(Store store, Optional<ProductPosition> after, int limit) {
        String where = after.isEmpty() ? ""
                : " AND (p.publishedAt < :at OR (p.publishedAt = :at AND p.id < :id))";
        var query = em.createQuery("SELECT p FROM Product p WHERE p.store = :store AND p.store.suspendedAt IS NULL"
                        + " AND p.status = io.skillform.catalog.ProductStatus.PUBLISHED" + where
                        + " ORDER BY p.publishedAt DESC, p.id DESC", Product.class)
                .setParameter("store", store)
                .setMaxResults(Math.min(Math.max(limit, 1), MAX_PAGE + 1));
        after.ifPresent(position -> query.setParameter("at", position.publishedAt()).setParameter("id", position.id()));
        return query.getResultList();
    }

    /** A product as a buyer may see it: published, in the named store. */
    public Optional<Product> findPublished(StoreHandle handle, Slug slug) {
        return em.createNamedQuery("Product.publishedByHandleAndSlug", Product.class)
                .setParameter("handle", handle.value())
                .setParameter("slug", slug.value())
                .getResultStream().findFirst();
    }

    /** The store a product belongs to, whatever the product's state (a product never moves to another store). */
    public Optional<Long> storeIdOf(long productId) {
        return em.createQuery("SELECT p.store.id FROM Product p WHERE p.id = :id", Long.class)
                .setParameter("id", productId)
                .getResultStream().findFirst();
    }

    /** A product a buyer may buy now: published, in a store that is not suspended (checkout starts from its id). */
    /** A product in whatever state: for those who bought it, who keep it when it is unpublished or archived. */
    public Optional<Product> find(long productId) {
        return em.createQuery("SELECT p FROM Product p JOIN FETCH p.store WHERE p.id = :id", Product.class)
                .setParameter("id", productId)
                .getResultStream().findFirst();
    }

    public Optional<Product> findPublished(long productId) {
        return em.createQuery("SELECT p FROM Product p JOIN FETCH p.store s WHERE p.id = :id"
                        + " AND p.status = io.skillform.catalog.ProductStatus.PUBLISHED AND s.suspendedAt IS NULL", Product.class)
                .setParameter("id", productId)
                .getResultStream().findFirst();
    }

    /**
     * Published products matching the visitor's words, most relevant first: one query counts, one finds the page's
     * ids, one loads those products with their stores — three queries whatever the page size.
     */
    public SearchResults search(SearchQuery query, int page, int pageSize) {
        String matches = " FROM product p JOIN store s ON s.id = p.store_id WHERE p.status = 'PUBLISHED' AND s.suspended_at IS NULL"
                + " AND MATCH (p.title, p.description) AGAINST (?1 IN BOOLEAN MODE)";
        long total = ((Number) em.createNativeQuery("SELECT COUNT(*)" + matches)
                .setParameter(1, query.booleanMode())
                .getSingleResult()).longValue();
        int lastPage = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int current = Math.min(Math.max(page, 1), lastPage);
        if (total == 0) {
            return SearchResults.none(pageSize);
        }
        @SuppressWarnings("unchecked")
        List<Long> ids = ((List<Number>) em.createNativeQuery("SELECT p.id" + matches
                        + " ORDER BY MATCH (p.title, p.description) AGAINST (?1 IN BOOLEAN MODE) DESC,"
                        + " p.published_at DESC, p.id DESC LIMIT ?2 OFFSET ?3")
                .setParameter(1, query.booleanMode())
                .setParameter(2, pageSize)
                .setParameter(3, (current - 1) * pageSize)
                .getResultList()).stream().map(Number::longValue).toList();
        Map<Long, Product> byId = em.createQuery("SELECT p FROM Product p JOIN FETCH p.store WHERE p.id IN :ids", Product.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(Product::id, Function.identity()));
        List<Product> ranked = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        return new SearchResults(ranked, total, current, pageSize);
    }

    /** A change of the product's status: checked by the entity, audited, and visible on the storefront at once. */
    private Product transition(long ownerId, long productId, Consumer<Product> change, String auditEvent) {
        Product product = ownedProduct(ownerId, productId);
        obeying(() -> {
            change.accept(product);
            return product;
        });
        auditTrail.record(AuditEntry.of(auditEvent, "product:" + productId, "account:" + ownerId, product.title()));
        return changed(product, auditEvent);
    }

    private Product changed(Product product, String change) {
        storefrontChanged.fire(new StorefrontChanged(product.store().id()));
        productChanged.fire(new ProductChanged(product.id(), change));
        return product;
    }

    /** Turns a broken domain rule (the entity's refusal) into a message for the user, rolling back. */
    private static <T> T obeying(Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CatalogException(e.getMessage());
        }
    }
}
