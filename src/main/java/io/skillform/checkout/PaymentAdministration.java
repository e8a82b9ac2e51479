package io.skillform.checkout;

import io.skillform.audit.AuditEntry;
import io.skillform.audit.AuditTrail;
import io.skillform.identity.CurrentAccount;
import io.skillform.identity.Role;
import io.skillform.payment.PaymentEvent;
import io.skillform.payment.PaymentEventInbox;
import jakarta.ejb.ConcurrentAccessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.shiro.SecurityUtils;

/**
 * What an admin sees of payments that need a person: flagged orders, PSP events still unprocessed after the
 * broker's retries (what sits in the dead-letter queue) with "process again", the events found to be about other
 * systems' payments, and reconciliation's passes with "reconcile now". Admins only, checked here as well as by the
 * /admin/ URL rule.
 */
@Stateless
public class PaymentAdministration {

    /** Longer than the broker's whole retry schedule (1 + 2 + 4 + … s, capped at 1 min, 6 attempts). */
    static final Duration STUCK_AFTER = Duration.ofMinutes(5);

    @Inject
    private Orders orders;

    @Inject
    private OrderPayments payments;

    @Inject
    private CurrentAccount me;

    @Inject
    private AuditTrail auditTrail;

    @Inject
    private PaymentEventInbox inbox;

    @Inject
    private ReconciliationJournal journal;

    @Inject
    private Reconciliation reconciliation;

    private final Clock clock = Clock.systemUTC();

    public List<Order> flaggedOrders() {
        requireAdmin();
        return orders.flagged(100);
    }

    public List<PaymentEvent> stuckEvents() {
        requireAdmin();
        return inbox.unsettledSince(clock.instant().minus(STUCK_AFTER), 100);
    }

    /** What SkillForm settled as not its own: another system's payments on the PSP account (or so it looks). */
    public List<PaymentEvent> unmatchedEvents() {
        requireAdmin();
        return inbox.recentlyUnmatched(50);
    }

    /** Delivers an order whose price the PSP took after it had expired here; the decision is audited. */
    public String acceptLatePayment(long orderId) {
        requireAdmin();
        long admin = me.requireId();
        String outcome = payments.acceptLatePayment(orderId, "late payment accepted by admin #" + admin);
        auditTrail.record(AuditEntry.of("order.late-payment-accepted", "order:" + orderId, "account:" + admin, outcome));
        return outcome;
    }

    /** Queues the event again; one settled in the meantime is not processed twice. */
    public boolean retry(long paymentEventId) {
        requireAdmin();
        return inbox.requeue(paymentEventId);
    }

    public List<ReconciliationRun> recentRuns() {
        requireAdmin();
        return journal.recent(10);
    }

    /** Orders waiting for payment for more than a minute are checked with the PSP. */
    public Optional<ReconciliationRun> reconcileNow() {
        requireAdmin();
        try {
            return reconciliation.run(Duration.ofMinutes(1));
        } catch (ConcurrentAccessException busy) {
            return Optional.empty();
        }
    }

    private static void requireAdmin() {
        SecurityUtils.getSubject().checkRole(Role.ADMIN.shiroName());
    }
}
