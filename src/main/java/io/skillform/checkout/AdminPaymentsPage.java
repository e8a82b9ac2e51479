package io.skillform.checkout;

import io.skillform.payment.PaymentEvent;
import io.skillform.platform.PageMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Backs /admin/payments. */
@Named
@ViewScoped
public class AdminPaymentsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient PaymentAdministration administration;

    private List<Order> flagged;
    private List<PaymentEvent> stuck;
    private List<PaymentEvent> unmatched;
    private List<ReconciliationRun> runs;

    @PostConstruct
    void load() {
        flagged = administration.flaggedOrders();
        stuck = administration.stuckEvents();
        unmatched = administration.unmatchedEvents();
        runs = administration.recentRuns();
    }

    public void acceptLatePayment(long orderId) {
        try {
            String number = flagged.stream().filter(order -> order.id() == orderId).findFirst().map(Order::number)
                    .orElse(String.valueOf(orderId));
            administration.acceptLatePayment(orderId);
            PageMessages.info("adminPayments.acceptedLate", number);
        } catch (CheckoutException refused) {
            PageMessages.errorText(refused.getMessage());
        }
        load();
    }

    public void retry(long paymentEventId) {
        PageMessages.info(administration.retry(paymentEventId) ? "adminPayments.retried" : "adminPayments.alreadySettled");
        load();
    }

    public void reconcile() {
        PageMessages.info(administration.reconcileNow().isPresent() ? "adminPayments.reconciled" : "adminPayments.reconcileBusy");
        load();
    }

    public List<Order> getFlagged() {
        return flagged;
    }

    public List<PaymentEvent> getStuck() {
        return stuck;
    }

    public List<PaymentEvent> getUnmatched() {
        return unmatched;
    }

    public List<ReconciliationRun> getRuns() {
        return runs;
    }
}
