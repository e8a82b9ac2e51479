package io.skillform.catalog;

import io.skillform.audit.AuditEntry;
import io.skillform.audit.AuditTrail;
import io.skillform.shared.Money;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The catalog's use cases; each public method is one transaction. */
@Stateless
public class Catalog {

    private static final int MAX_PAGE = 100;

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private AuditTrail auditTrail;

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

    /** The creator's products in every state, newest first. */
    public List<Product> productsOf(long ownerId) {
        return em.createQuery("SELECT p FROM Product p JOIN FETCH p.store s WHERE s.ownerId = :owner"
                        + " ORDER BY p.createdAt DESC, p.id DESC", Product.class)
                .setParameter("owner", ownerId)
                .setMaxResults(MAX_PAGE)
                .getResultList();
    }

    /**
     * One of the creator's own products. Someone else's product is "not found", exactly like a missing one, so
     * its existence is not revealed.
     */
    public Product ownedProduct(long ownerId, long productId) {
        Product product = em.find(Product.class, productId);
        if (product == null || !product.store().isOwnedBy(ownerId)) {
            throw new CatalogException("No such product");
        }
        return product;
    }

    public Product reviseProduct(long ownerId, long productId, String title, String description, long priceMinor) {
        Product product = ownedProduct(ownerId, productId);
        return obeying(() -> {
            product.revise(title, description, Money.of(priceMinor, product.price().currency()));
            return product;
        });
    }

    public Product publish(long ownerId, long productId) {
        Product product = ownedProduct(ownerId, productId);
        obeying(() -> {
            product.publish(clock.instant());
            return product;
        });
        auditTrail.record(AuditEntry.of("product.published", "product:" + productId, "account:" + ownerId, product.title()));
        return product;
    }

    public Product unpublish(long ownerId, long productId) {
        Product product = ownedProduct(ownerId, productId);
        obeying(() -> {
            product.unpublish();
            return product;
        });
        auditTrail.record(AuditEntry.of("product.unpublished", "product:" + productId, "account:" + ownerId, product.title()));
        return product;
    }

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

    /** A product as a buyer may see it: published, in the named store. */
    public Optional<Product> findPublished(StoreHandle handle, Slug slug) {
        return em.createNamedQuery("Product.publishedByHandleAndSlug", Product.class)
                .setParameter("handle", handle.value())
                .setParameter("slug", slug.value())
                .getResultStream().findFirst();
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
