package io.skillform.catalog;

import io.skillform.audit.AuditEntry;
import io.skillform.audit.AuditTrail;
import io.skillform.shared.Money;
import io.skillform.storage.BlobKey;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
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
        Store store = storeOf(ownerId).orElseThrow(() -> new CatalogException("Open a store first"));
        boolean slugTaken = !em.createQuery(
                        "SELECT p.id FROM Product p WHERE p.store.id = :storeId AND p.slug = :slug", Long.class)
                .setParameter("storeId", store.id())
                .setParameter("slug", slug.value())
                .setMaxResults(1)
                .getResultList().isEmpty();
        if (slugTaken) {
            throw new CatalogException("Your store already has a product at /" + slug);
        }
        Product product = obeying(() -> new Product(store, slug, title, description,
                Money.of(priceMinor, store.defaultCurrency()), clock.instant()));
        em.persist(product);
        return product;
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
    public Product createProduct(long ownerId, Slug slug, ProductRevision revision) {
        // A draft: nobody outside sees it yet, so nothing to announce.
        return apply(createProduct(ownerId, slug, revision.title(), revision.description(), revision.priceMinor()), revision);
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
        return file;
    }

    public Product removeFile(long ownerId, long productId, long fileId) {
        Product product = ownedProduct(ownerId, productId);
        if (product.currentFiles().stream().noneMatch(file -> Long.valueOf(fileId).equals(file.id()))) {
            throw new CatalogException.NotFound("No file " + fileId + " in this product");
        }
        obeying(() -> product.removeFile(fileId, clock.instant()));
        auditTrail.record(AuditEntry.of("product.file-removed", "product:" + productId, "account:" + ownerId, "file:" + fileId));
        return product;
    }

    /** Points the product at a new cover; returns the replaced one, whose bytes are no longer referenced. */
    public Optional<BlobKey> changeCover(long ownerId, long productId, BlobKey cover) {
        Product product = ownedProduct(ownerId, productId);
        Optional<BlobKey> previous = obeying(() -> product.changeCover(cover));
        changed(product, "product.updated");
        return previous;
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
        return transition(ownerId, productId, product -> product.publish(clock.instant()), "product.published");
    }

    public Product unpublish(long ownerId, long productId) {
        return transition(ownerId, productId, Product::unpublish, "product.unpublished");
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
