package io.skillform.checkout;

import io.skillform.ledger.Earnings;
import io.skillform.payment.RefundResult;
import io.skillform.shared.Money;
import io.skillform.webhook.Webhooks;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The transactions of a refund ({@link Refunds} calls the PSP between them), and refund reads. */
@Stateless
public class RefundRecords {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private Earnings earnings;

    @Inject
    private OrderFulfilment fulfilment;

    @Inject
    private Webhooks webhooks;

    private final Clock clock = Clock.systemUTC();

    /** Checks the amount against what is left to refund, counting refunds still waiting for the PSP. */
    public Refund open(long orderId, Money amount, long actorId) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (!order.status().wasPaid() || order.status() == OrderStatus.DISPUTED) {
            throw new CheckoutException("Only a paid order that is not disputed can be refunded.");
        }
        if (!amount.currency().equals(order.total().currency()) || amount.isZero() || amount.isNegative()) {
            throw new CheckoutException("Enter an amount in " + order.total().currency().getCurrencyCode() + " above zero.");
        }
        // A refund the PSP never answered is sent again with its own key, so it cannot happen twice.
        Optional<Refund> unanswered = of(orderId).stream().filter(Refund::isUnconfirmed).findFirst();
        if (unanswered.isPresent()) {
            if (unanswered.get().amount().equals(amount)) {
                return unanswered.get();
            }
            throw new CheckoutException("A refund of " + unanswered.get().amount().format(Locale.US) + " is not confirmed by the"
                    + " payment provider yet. Refund that amount again to retry it safely.");
        }
        // Refunds accepted but not finished count until the PSP's refunded total covers them — not twice after.
        long claimed = Math.max(order.refunded().minor(),
                sum(orderId, Refund.Status.SUCCEEDED) + sum(orderId, Refund.Status.REQUESTED));
        Money left = Money.of(order.total().minor() - claimed, amount.currency());
        if (!left.isAtLeast(amount)) {
            throw new CheckoutException("At most " + left.format(Locale.US) + " can still be refunded.");
        }
        Refund refund = new Refund(orderId, amount, actorId, clock.instant());
        em.persist(refund);
        em.flush();
        return refund;
    }

    /** The PSP call ended without an answer: the refund stays requested (see {@link #open}). */
    public void unconfirmed(long refundId, String reason) {
        em.find(Refund.class, refundId, LockModeType.PESSIMISTIC_WRITE).unconfirmed(reason);
    }

    /** Records the PSP's answer; a confirmed refund raises the order's refunded total at once. */
    public Refund close(long refundId, RefundResult result, String failure) {
        Refund refund = em.find(Refund.class, refundId, LockModeType.PESSIMISTIC_WRITE);
        if (result == null || result.failed()) {
            refund.failed(failure != null ? failure : "The payment provider declined the refund (" + result.status() + ")", clock.instant());
        } else if (result.succeeded()) {
            refund.succeeded(result.id(), clock.instant());
            Order order = em.find(Order.class, refund.orderId(), LockModeType.PESSIMISTIC_WRITE);
            long confirmed = sum(order.id(), Refund.Status.SUCCEEDED);
            order.refundedInTotal(Money.of(confirmed, order.total().currency()), "refund " + refundId + " confirmed", clock.instant());
            earnings.sync(order.money());
            fulfilment.sync(order);
            webhooks.orderChanged(order.webhookState());
        } else {
            refund.accepted(result.id());
        }
        return refund;
    }

    private long sum(long orderId, Refund.Status status) {
        // SUM over a long column comes back as whatever number type the driver chooses.
        Object total = em.createQuery("SELECT SUM(r.amount.minor) FROM Refund r WHERE r.orderId = :order AND r.status = :status")
                .setParameter("order", orderId).setParameter("status", status).getSingleResult();
        return total == null ? 0 : ((Number) total).longValue();
    }

    public List<Refund> of(long orderId) {
        return em.createQuery("SELECT r FROM Refund r WHERE r.orderId = :order ORDER BY r.id", Refund.class)
                .setParameter("order", orderId).getResultList();
    }
}
