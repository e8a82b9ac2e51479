package io.skillform.delivery;

import io.skillform.audit.AuditEntry;
import io.skillform.audit.AuditTrail;
import io.skillform.catalog.Product;
import io.skillform.catalog.ProductFile;
import io.skillform.catalog.Store;
import io.skillform.identity.Accounts;
import io.skillform.mail.MailMessage;
import io.skillform.mail.Outbox;
import io.skillform.platform.Site;
import io.skillform.shared.Money;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps an order's delivery in step with its payment state: grants and the receipt when it is paid, revocation
 * while it is refunded or disputed. Called in the transaction that changes the order, like the ledger's postings —
 * so a buyer is never charged without being delivered to, nor delivered to for an order that did not change.
 */
@Stateless
public class Deliveries {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private Outbox outbox;

    @Inject
    private LinkIssuer links;

    @Inject
    private AuditTrail auditTrail;

    @Inject
    private Accounts accounts;

    @Inject
    private Site site;

    @Inject
    private Clock clock;

    /**
     * Catches the order's delivery up with its state; idempotent, so a payment reported three times grants and
     * mails once (the receipt row is keyed by the order). Returns what it did, for the cause's record.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<String> sync(Purchase purchase) {
        Instant now = clock.instant();
        List<DownloadGrant> grants = grantsOf(purchase.orderId());
        List<String> done = new ArrayList<>();
        OrderReceipt receipt = em.find(OrderReceipt.class, purchase.orderId());
        if (!purchase.entitled()) {
            long revoked = grants.stream().filter(g -> g.revoke(purchase.notEntitledBecause(), now)).count();
            if (revoked > 0) {
                done.add("revoked " + revoked + " download" + (revoked == 1 ? "" : "s"));
            }
        } else if (grants.isEmpty()) {
            grants = grant(purchase, now);
            if (!grants.isEmpty()) {
                done.add("granted " + grants.size() + " download" + (grants.size() == 1 ? "" : "s"));
            }
        } else {
            long reinstated = grants.stream().filter(DownloadGrant::reinstate).count();
            if (reinstated > 0) {
                done.add("reinstated " + reinstated + " download" + (reinstated == 1 ? "" : "s"));
            }
        }
        if (purchase.entitled() && receipt == null) {
            long mail = outbox.enqueue(receipt(purchase, grants, now)).id();
            receipt = new OrderReceipt(purchase.orderId(), mail, now);
            em.persist(receipt);
            done.add("receipt");
            if (tellOwner(purchase)) {
                done.add("sale mail");
            }
        }
        // After the receipt: a refund reported before the payment's completion is told right after the receipt.
        long refundNews = receipt == null ? 0 : receipt.refundToNotice(purchase.refunded().minor());
        if (refundNews > 0) {
            outbox.enqueue(DeliveryMails.refundNotice(purchase, store(purchase).displayName(),
                    Money.of(refundNews, purchase.total().currency()), links.orderUrl(purchase.reference())));
            done.add("refund notice");
        }
        return done;
    }

    /**
     * Mails the buyer another copy of the receipt, with fresh links (the first ones may be spent): asked for by the
     * buyer on their order page or by the store's creator. Always to the buyer's address; one copy per two minutes.
     */
    public void resendReceipt(Purchase purchase) {
        if (!purchase.entitled()) {
            throw new DeliveryException("This order is " + purchase.notEntitledBecause() + ": there is no receipt to send.");
        }
        OrderReceipt receipt = em.find(OrderReceipt.class, purchase.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (receipt == null) {
            throw new DeliveryException("The receipt is still being prepared; it will arrive in a moment.");
        }
        Instant now = clock.instant();
        receipt.resent(now);
        outbox.enqueue(receipt(purchase, grantsOf(purchase.orderId()), now));
    }

    /**
     * Lets the buyer download one file of the order {@code more} times more — asked for by the store's creator or an
     * admin, whom the caller has checked — recorded in the audit trail. The grant's row is locked: raises at the same
     * moment both count, and a download claimed meanwhile is counted against the new allowance.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public DownloadGrant allowMore(long orderId, long grantId, int more, long actorId) {
        DownloadGrant grant = em.find(DownloadGrant.class, grantId, LockModeType.PESSIMISTIC_WRITE);
        if (grant == null || grant.orderId() != orderId) {
            throw new DeliveryException("There is no such file in this order.");
        }
        grant.allowMore(more);
        auditTrail.record(AuditEntry.of("download.allowance-raised", "order:" + orderId, "account:" + actorId,
                "grant " + grantId + " (" + grant.file().fileName().value() + "): +" + more + ", " + grant.allowance() + " in all"));
        return grant;
    }

    /** "You made a sale", with the receipt: once per order. Free orders are not sales, and the owner may turn it off. */
    private boolean tellOwner(Purchase purchase) {
        Store store = store(purchase);
        if (purchase.total().isZero() || !store.saleMails()) {
            return false;
        }
        return store.ownerId().flatMap(accounts::find).map(owner -> {
            outbox.enqueue(DeliveryMails.sale(owner.email(), purchase, site.url("/dashboard/order?id=" + purchase.orderId()),
                    site.url("/dashboard/store")));
            return true;
        }).orElse(false);
    }

    private Store store(Purchase purchase) {
        return em.find(Store.class, purchase.storeId());
    }

    private List<DownloadGrant> grant(Purchase purchase, Instant now) {
        List<DownloadGrant> grants = new ArrayList<>();
        for (Purchase.Item item : purchase.items()) {
            // Read-locked: a file being added meanwhile either is in this list or finds these grants (UpdatedFiles).
            Product product = em.find(Product.class, item.productId(), LockModeType.PESSIMISTIC_READ);
            for (ProductFile file : product.filesFor(purchase.paidAt())) {
                DownloadGrant grant = new DownloadGrant(purchase, file, product.downloadPolicy(), now);
                em.persist(grant);
                grants.add(grant);
            }
        }
        em.flush();
        return grants;
    }

    private MailMessage receipt(Purchase purchase, List<DownloadGrant> grants, Instant now) {
        List<DeliveryMails.FileLink> files = new ArrayList<>();
        for (DownloadGrant grant : grants) {
            // A course's files are downloaded from their lessons, once those are open to the learner.
            if (!grant.file().product().isCourse()) {
                files.add(links.issue(grant, DownloadLink.IssuedFor.RECEIPT, now));
            }
        }
        // A course is taken in the player, at the address the library links too.
        List<String> courses = purchase.items().stream().filter(item -> em.find(Product.class, item.productId()).isCourse())
                .map(item -> site.url("/learn/" + item.productId())).toList();
        return DeliveryMails.receipt(purchase, store(purchase).displayName(), files, courses, links.orderUrl(purchase.reference()),
                links.libraryUrl());
    }

    private List<DownloadGrant> grantsOf(long orderId) {
        return em.createQuery("SELECT g FROM DownloadGrant g WHERE g.orderId = :order ORDER BY g.id", DownloadGrant.class)
                .setParameter("order", orderId)
                .getResultList();
    }
}
