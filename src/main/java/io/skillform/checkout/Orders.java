package io.skillform.checkout;

import io.skillform.catalog.Product;
import io.skillform.delivery.Deliveries;
import io.skillform.identity.EmailAddress;
import io.skillform.identity.Role;
import io.skillform.payment.GatewaySession;
import io.skillform.payment.PaymentProvider;
import io.skillform.shared.InstantConverter;
import io.skillform.shared.Money;
import io.skillform.webhook.Webhooks;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.shiro.SecurityUtils;

/**
 * The order steps of a checkout, each one short transaction; {@link Checkout} calls the PSP between them, never
 * inside one. Also the order reads that pages and jobs need.
 */
@Stateless
public class Orders {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private Deliveries deliveries;

    @Inject
    private OrderFulfilment fulfilment;

    @Inject
    private Webhooks webhooks;

    /** How long after a free order for a product and address another one for them is refused. */
    static final Duration FREE_ORDER_INTERVAL = Duration.ofMinutes(10);

    private final Clock clock = Clock.systemUTC();

    /**
     * The buyer's order for the product that is still waiting for payment, or a new one. Two simultaneous clicks
     * both try to insert; the unique pending key lets one win and the other's transaction fail, after which its
     * caller finds the winner's order with {@link #awaitingPayment}.
     */
    public Order placeOrReuse(Product product, Money amount, EmailAddress buyer, Long buyerAccountId, PaymentProvider gateway,
                              String requester) {
        Optional<Order> existing = awaitingPayment(buyer, product.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        Order order = Order.place(product.store().id(), product.id(), product.title(), amount, buyer, buyerAccountId,
                gateway, requester, clock.instant());
        em.persist(order);
        em.flush();
        return order;
    }

    /** A free order — or the one the same requester already got for this product and e-mail (a double click). */
    public Order placeFree(Product product, EmailAddress buyer, Long buyerAccountId, String requester) {
        Optional<Order> earlier = em.createQuery("SELECT o FROM CustomerOrder o JOIN o.items i WHERE i.productId = :product"
                        + " AND o.buyerEmail = :email AND o.gateway = :none AND o.startedBy = :requester", Order.class)
                .setParameter("product", product.id())
                .setParameter("email", buyer.value())
                .setParameter("none", PaymentProvider.NONE)
                .setParameter("requester", Order.requesterKey(requester))
                .setMaxResults(1)
                .getResultStream().findFirst();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        // Each free order mails a receipt: anyone typing an address must not be able to flood its inbox.
        boolean justSent = !em.createQuery("SELECT o.id FROM CustomerOrder o JOIN o.items i WHERE i.productId = :product"
                        + " AND o.buyerEmail = :email AND o.gateway = :none AND o.createdAt > :since", Long.class)
                .setParameter("product", product.id())
                .setParameter("email", buyer.value())
                .setParameter("none", PaymentProvider.NONE)
                .setParameter("since", clock.instant().minus(FREE_ORDER_INTERVAL))
                .setMaxResults(1)
                .getResultList().isEmpty();
        if (justSent) {
            throw new CheckoutException("This free product was sent to that address a few minutes ago. Check the inbox"
                    + " (and the spam folder), or open your library.");
        }
        Order order = Order.free(product.store().id(), product.id(), product.title(), Money.zero(product.price().currency()),
                buyer, buyerAccountId, requester, clock.instant());
        em.persist(order);
        em.flush();
        fulfilment.sync(order);
        webhooks.orderChanged(order.webhookState());
        return order;
    }

    /** Another copy of the receipt, with fresh links, to the buyer; callers have checked who may ask. */
    public void resendReceipt(long orderId) {
        deliveries.resendReceipt(lock(orderId).purchase());
    }

    /**
     * Lets the buyer of an order download one of its files {@code more} times more: for the store's creator or an admin
     * only ({@link #managedBy}); returns the downloads that file now allows in all.
     */
    public int allowMoreDownloads(long actorId, long orderId, long grantId, int more) {
        return deliveries.allowMore(managedBy(actorId, orderId).id(), grantId, more, actorId).allowance();
    }

    public Optional<Order> awaitingPayment(EmailAddress buyer, long productId) {
        return em.createQuery("SELECT o FROM CustomerOrder o WHERE o.pendingKey = :key", Order.class)
                .setParameter("key", Order.pendingKey(buyer, productId))
                .getResultStream().findFirst();
    }

    public Order attachSession(long orderId, GatewaySession session) {
        Order order = lock(orderId);
        order.attachSession(session, clock.instant());
        return order;
    }

    public void sessionCreationFailed(long orderId) {
        lock(orderId).sessionCreationFailed(clock.instant());
    }

    /** A pending order replaced by the buyer's new checkout (another amount) or never given a session. */
    public void abandon(long orderId, String cause) {
        Order order = lock(orderId);
        if (order.status().isAwaitingPayment()) {
            order.expired(cause, clock.instant());
        }
    }

    public Optional<Order> byReference(String reference) {
        if (reference == null || !reference.matches("[A-Za-z0-9_-]{22}")) {
            return Optional.empty();
        }
        return em.createQuery("SELECT o FROM CustomerOrder o WHERE o.reference = :reference", Order.class)
                .setParameter("reference", reference)
                .getResultStream().findFirst();
    }

    public Optional<Order> find(long orderId) {
        return Optional.ofNullable(em.find(Order.class, orderId));
    }

    /** Orders still waiting for payment since before {@code before}, by id after {@code afterId}: a page for a job. */
    public List<Order> awaitingPaymentSince(Instant before, long afterId, int limit) {
        return em.createQuery("SELECT o FROM CustomerOrder o WHERE o.status IN :waiting AND o.createdAt < :before"
                        + " AND o.id > :after AND o.flagReason IS NULL ORDER BY o.id", Order.class)
                .setParameter("waiting", List.of(OrderStatus.PENDING, OrderStatus.FAILED))
                .setParameter("before", before)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Orders an admin must look at (amount mismatch, paid after expiry…), newest first. */
    public List<Order> flagged(int limit) {
        return em.createQuery("SELECT o FROM CustomerOrder o WHERE o.flagReason IS NOT NULL ORDER BY o.updatedAt DESC", Order.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * An order as its creator (the store's owner) or an admin may see and manage it. "Not yours" and "no such
     * order" give the same answer, so order ids cannot be probed.
     */
    public Order managedBy(long actorId, long orderId) {
        Order order = em.find(Order.class, orderId);
        boolean allowed = order != null && (!em.createQuery("SELECT s.id FROM Store s WHERE s.id = :store AND s.ownerId = :owner")
                        .setParameter("store", order.storeId()).setParameter("owner", actorId)
                        .getResultList().isEmpty()
                || SecurityUtils.getSubject().hasRole(Role.ADMIN.shiroName()));
        if (!allowed) {
            throw new CheckoutException("No such order.");
        }
        order.history().size();
        return order;
    }

    /** The orders of the creator's store, newest first: one page. */
    public List<Order> ofStoreOwner(long ownerId, int offset, int limit) {
        List<Long> stores = storesOf(ownerId);
        if (stores.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT o FROM CustomerOrder o WHERE o.storeId IN :stores ORDER BY o.createdAt DESC, o.id DESC", Order.class)
                .setParameter("stores", stores)
                .setFirstResult(Math.max(offset, 0))
                .setMaxResults(Math.min(Math.max(limit, 1), 100))
                .getResultList();
    }

    /**
     * A page of the store's orders, newest first, after the given position (creation time, id) — keyset on the
     * store's index, so a far page costs what the first does — optionally only those in one status.
     */
    public List<Order> ofStore(long storeId, Optional<OrderStatus> status, Optional<Instant> beforeAt, long beforeId, int limit) {
        var query = em.createQuery("SELECT o FROM CustomerOrder o WHERE o.storeId = :store"
                        + (status.isPresent() ? " AND o.status = :status" : "")
                        + (beforeAt.isPresent() ? " AND (o.createdAt < :at OR (o.createdAt = :at AND o.id < :id))" : "")
                        + " ORDER BY o.createdAt DESC, o.id DESC", Order.class)
                .setParameter("store", storeId)
                .setHint("eclipselink.batch", "o.items")
                .setHint("eclipselink.batch.type", "IN")
                .setMaxResults(Math.min(Math.max(limit, 1), 101));
        status.ifPresent(value -> query.setParameter("status", value));
        beforeAt.ifPresent(at -> query.setParameter("at", at).setParameter("id", beforeId));
        List<Order> page = query.getResultList();
        page.forEach(order -> order.items().size()); // the page's items (one batched query) read in the same snapshot
        return page;
    }

    /** The public references of orders, by id (for lists that name orders by their internal id). */
    public Map<Long, String> referencesOf(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT o.id, o.reference FROM CustomerOrder o WHERE o.id IN :ids", Object[].class)
                .setParameter("ids", orderIds)
                .getResultStream().collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1]));
    }

    /**
     * A page of the store's customers — addresses with at least one paid order — by address, after {@code after}: what
     * each has bought, net of refunds, per currency.
     */
    public List<Customer> customersOf(long storeId, Optional<String> after, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT o.buyer_email, o.currency, COUNT(*), SUM(o.amount_minor - o.refunded_minor),"
                        + " MIN(o.paid_at), MAX(o.paid_at) FROM customer_order o JOIN (SELECT DISTINCT buyer_email FROM customer_order"
                        + " WHERE store_id = ?1 AND paid_at IS NOT NULL AND buyer_email > ?2 ORDER BY buyer_email LIMIT ?3) page"
                        + " ON page.buyer_email = o.buyer_email WHERE o.store_id = ?1 AND o.paid_at IS NOT NULL"
                        + " GROUP BY o.buyer_email, o.currency ORDER BY o.buyer_email, o.currency")
                .setParameter(1, storeId)
                .setParameter(2, after.orElse(""))
                .setParameter(3, Math.min(Math.max(limit, 1), 101))
                .getResultList();
        Map<String, Customer> customers = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Money spent = Money.of(((Number) row[3]).longValue(), Currency.getInstance((String) row[1]));
            Customer part = new Customer((String) row[0], ((Number) row[2]).longValue(), List.of(spent),
                    InstantConverter.fromColumn(row[4]), InstantConverter.fromColumn(row[5]));
            customers.merge(part.email(), part, Customer::plus);
        }
        return List.copyOf(customers.values());
    }

    public long countOfStoreOwner(long ownerId) {
        List<Long> stores = storesOf(ownerId);
        return stores.isEmpty() ? 0 : em.createQuery("SELECT COUNT(o) FROM CustomerOrder o WHERE o.storeId IN :stores", Long.class)
                .setParameter("stores", stores)
                .getSingleResult();
    }

    /**
     * The owner's store ids, looked up first: with a subquery in its place MariaDB read every order of the table and
     * sorted them for each page (bench/api-lists.sh: 0.4 s a page at 200,000 orders); with the ids it walks the
     * store's index in order.
     */
    private List<Long> storesOf(long ownerId) {
        return em.createQuery("SELECT s.id FROM Store s WHERE s.ownerId = :owner", Long.class)
                .setParameter("owner", ownerId)
                .getResultList();
    }

    Order lock(long orderId) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new IllegalArgumentException("No order " + orderId);
        }
        return order;
    }
}
