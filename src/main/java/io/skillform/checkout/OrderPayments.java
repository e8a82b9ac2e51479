package io.skillform.checkout;

import io.skillform.ledger.Earnings;
import io.skillform.payment.PaymentEvent;
import io.skillform.payment.PaymentFact;
import io.skillform.payment.PaymentProvider;
import io.skillform.payment.PspEvent;
import io.skillform.webhook.Webhooks;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Applies what the PSP reports to orders. One stored event is applied at most once: its row and its order are
 * locked, and the event is marked settled in the same transaction as the order's change.
 */
@Stateless
public class OrderPayments {

    private static final Logger LOG = Logger.getLogger(OrderPayments.class.getName());

    /** How long an event waits for an order to have its payment before it counts as another system's. */
    static final Duration UNMATCHED_AFTER = Duration.ofHours(1);

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private Earnings earnings;

    @Inject
    private OrderFulfilment fulfilment;


    @Inject
    private Webhooks webhooks;

    private final Clock clock = Clock.systemUTC();

    /**
     * Applies a stored event. An event about a payment whose order is not known yet waits for it (see
     * {@link #awaitOrder}). A transaction of its own: its row locks are gone when the listener records a failure on the
     * same row (otherwise that waits for the lock timeout).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void process(long paymentEventId) {
        PaymentEvent event = em.find(PaymentEvent.class, paymentEventId, LockModeType.PESSIMISTIC_WRITE);
        if (event == null || event.isSettled()) {
            return;
        }
        Instant now = clock.instant();
        Optional<PaymentFact> fact = PaymentFact.of(PspEvent.parse(event.payload()));
        if (fact.isEmpty()) {
            event.ignored("SkillForm does not act on " + event.type(), now);
            return;
        }
        PaymentFact.Locator where = fact.get().locator();
        Optional<Order> order = locate(event.provider(), where);
        if (order.isEmpty()) {
            if (where.orderId().isPresent() || where.sessionId().isPresent()) {
                // Sessions are created after their order, so an unknown one belongs to someone else on the PSP account.
                event.ignored("No SkillForm order for this " + event.type(), now);
            } else {
                awaitOrder(event, where.paymentIntent(), now);
            }
            return;
        }
        String cause = event.type() + " " + event.eventId();
        Optional<String> other = order.get().otherPaymentIn(where);
        if (other.isPresent()) {
            // Not this order's payment (a stale session, another system's order with the same id): money taken on it
            // needs a person; anything else about it changes nothing here.
            if (fact.get() instanceof PaymentFact.CheckoutPaid || fact.get() instanceof PaymentFact.ChargeRefunded) {
                order.get().flag("The PSP reported " + event.type() + " for " + other.get() + ", not this order's payment", now);
                event.processed("flagged: " + other.get() + " is not this order's payment", now);
            } else {
                event.ignored(other.get() + " is not this order's payment", now);
            }
            return;
        }
        event.processed(apply(order.get(), fact.get(), cause, now), now);
    }

    /**
     * An event about a payment no order has yet: a refund or dispute that overtook the completion telling us the order's
     * PaymentIntent — or another system's payment on a shared PSP account, which no order will ever have. While it is
     * young the broker retries it within seconds ({@link OrderNotYetKnown}); then each requeue by reconciliation tries it
     * once more, until after {@link #UNMATCHED_AFTER} (long after reconciliation has read every waiting order's session)
     * it is settled as not SkillForm's. One that names no payment at all can never match: settled at once.
     */
    private void awaitOrder(PaymentEvent event, Optional<String> paymentIntent, Instant now) {
        if (paymentIntent.isEmpty()) {
            event.unmatched("Not SkillForm's: the " + event.type() + " names no order, session or payment", now);
            return;
        }
        Duration waited = Duration.between(event.receivedAt(), now);
        if (waited.compareTo(UNMATCHED_AFTER) >= 0) {
            event.unmatched("Not SkillForm's: no order has payment " + paymentIntent.get() + " after "
                    + waited.toMinutes() + " minutes", now);
            LOG.info(() -> event.provider() + " event " + event.eventId() + " is about another system's payment " + paymentIntent.get());
            return;
        }
        String why = "No order yet for payment " + paymentIntent.get();
        if (waited.compareTo(PaymentEvent.FIRST_REQUEUE_AFTER) < 0) {
            throw new OrderNotYetKnown(why + " (" + event.eventId() + ")");
        }
        // Queued again by reconciliation: the attempt is counted and the message consumed (not six more broker retries).
        event.deferred(why);
    }

    /** Applies a fact learnt by asking the PSP (reconciliation, a checkout that found its session paid). */
    public String reconcile(long orderId, PaymentFact fact, String cause) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        return apply(order, fact, cause, clock.instant());
    }

    private Optional<Order> locate(PaymentProvider provider, PaymentFact.Locator where) {
        Optional<Order> order = where.orderId().map(id -> em.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE))
                .or(() -> where.sessionId().flatMap(id -> single("o.pspSessionId = :ref", id)))
                .or(() -> where.paymentIntent().flatMap(pi -> single("o.pspPaymentIntent = :ref", pi)));
        // Metadata is only trusted from the provider the order was placed with.
        return order.filter(o -> o.gateway() == provider);
    }

    private Optional<Order> single(String condition, String value) {
        return em.createQuery("SELECT o FROM CustomerOrder o WHERE " + condition, Order.class)
                .setParameter("ref", value)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /**
     * An admin's decision on a payment the PSP took after the order had expired here (see
     * {@link Order#acceptLatePayment}): the order is paid, posted, delivered and told to the creator's webhooks, as a
     * timely payment would have been.
     */
    public String acceptLatePayment(long orderId, String cause) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null || !order.isPaidAfterExpiry()) {
            throw new CheckoutException("This order has no late payment to accept (it may have been handled already).");
        }
        return follow(order, order.acceptLatePayment(cause, clock.instant()));
    }

    /** The order changes, its money moves in the ledger, its delivery and the creator's webhooks follow, in this one transaction. */
    private String apply(Order order, PaymentFact fact, String cause, Instant now) {
        return follow(order, change(order, fact, cause, now));
    }

    /**
     * The ledger last: its accounts are shared by all of a store's orders (and the platform's by every order), and
     * their locks last until commit, so they are taken after the work that touches this order's rows only.
     */
    private String follow(Order order, String outcome) {
        List<String> delivered = fulfilment.sync(order);
        webhooks.orderChanged(order.webhookState());
        List<String> posted = earnings.sync(order.money());
        // The steps without the order's id (the event names the order): outcomes stay countable by kind.
        return outcome
                + (posted.isEmpty() ? "" : "; posted " + posted.stream().map(key -> key.substring(key.indexOf(':', "order:".length()) + 1)).toList())
                + (delivered.isEmpty() ? "" : "; " + String.join(", ", delivered));
    }

    /** The order's rules decide; a move they refuse is logged and recorded as the event's outcome, not retried. */
    private String change(Order order, PaymentFact fact, String cause, Instant now) {
        try {
            if (fact instanceof PaymentFact.CheckoutPaid paid) {
                return paid.amount().isPresent() ? order.paid(paid.amount().get(), paid.locator().paymentIntent(), cause, now)
                        : order.paidWithoutAmount(paid.locator().paymentIntent(), now);
            } else if (fact instanceof PaymentFact.CheckoutAwaitingPayment waiting) {
                return order.awaitingPayment(waiting.locator().paymentIntent(), now);
            } else if (fact instanceof PaymentFact.CheckoutFailed failed) {
                return order.failed(failed.reason(), cause, now);
            } else if (fact instanceof PaymentFact.PaymentFailed failed) {
                return order.status().wasPaid() ? "ignored: order already " + order.status().apiName()
                        : order.failed(failed.reason(), cause, now);
            } else if (fact instanceof PaymentFact.CheckoutExpired) {
                return order.status().wasPaid() ? "ignored: order already " + order.status().apiName()
                        : order.expired(cause, now);
            } else if (fact instanceof PaymentFact.ChargeRefunded refunded) {
                return refund(order, refunded, cause, now);
            } else if (fact instanceof PaymentFact.DisputeOpened) {
                return order.disputed(cause, now);
            } else if (fact instanceof PaymentFact.DisputeClosed closed) {
                return order.disputeClosed(closed.won(), cause, now);
            }
            throw new IllegalArgumentException("Unknown payment fact " + fact);
        } catch (IllegalTransitionException refused) {
            LOG.warning(() -> "Refused: " + refused.getMessage());
            return "refused: " + refused.getMessage();
        }
    }

    /** A refund report proves the capture too: if it overtook the completion, the payment is recorded first. */
    private String refund(Order order, PaymentFact.ChargeRefunded refunded, String cause, Instant now) {
        String before = "";
        if (order.status().isAwaitingPayment()) {
            before = order.paid(refunded.captured(), refunded.locator().paymentIntent(), cause, now) + "; ";
            if (!order.status().wasPaid()) {
                return before.strip();
            }
            // Written now: the new rows of one flush are inserted in no set order, and the history reads by id.
            em.flush();
        }
        return before + order.refundedInTotal(refunded.refundedTotal(), cause, now);
    }
}
