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

    /** A new product starts as a draft, priced in its store's currency. */
    public Product createProduct(long storeId, Slug slug, String title, String description, long priceMinor) {
        Store store = em.find(Store.class, storeId);
        if (store == null) {
            throw new CatalogException("No such store");
        }
        boolean slugTaken = !em.createQuery(
                        "SELECT p.id FROM Product p WHERE p.store.id = :storeId AND p.slug = :slug", Long.class)
                .setParameter("storeId", storeId)
                .setParameter("slug", slug.value())
                .setMaxResults(1)
                .getResultList().isEmpty();
        if (slugTaken) {
            throw new CatalogException("The store already has a product at /" + slug);
        }
        Product product = new Product(store, slug, title, description,
                Money.of(priceMinor, store.defaultCurrency()), clock.instant());
        em.persist(product);
        return product;
    }

    public Product publish(long productId) {
        Product product = em.find(Product.class, productId);
        if (product == null) {
            throw new CatalogException("No such product");
        }
        product.publish(clock.instant());
        auditTrail.record(AuditEntry.of("product.published", "product:" + productId, "system", product.title()));
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
}
