package io.skillform.checkout;

import io.skillform.delivery.DeliveryException;
import io.skillform.platform.PageMessages;
import io.skillform.platform.PageResponses;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;

/**
 * Backs /order?ref=…, where the PSP sends the buyer back. The reference is the capability (128 random bits): the
 * page is the buyer's whether or not they have an account. While the payment is being confirmed it polls, so the
 * buyer sees "paid" the moment the webhook has been applied.
 */
@Named
@ViewScoped
public class OrderPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient Orders orders;

    private String reference;
    private boolean cancelled;
    private Order order;
    private int polls;

    static final int MAX_POLLS = 300;

    public void load() throws IOException {
        Optional<Order> found = orders.byReference(reference);
        if (found.isEmpty()) {
            PageResponses.notFound();
            return;
        }
        order = found.get();
    }

    /** Another copy of the receipt to the address the order was made with; the reference is the buyer's proof. */
    public void resendReceipt() {
        Optional<Order> found = orders.byReference(reference);
        if (found.isEmpty()) {
            return;
        }
        try {
            orders.resendReceipt(found.get().id());
            PageMessages.info("order.receiptSent", found.get().buyerEmail());
        } catch (DeliveryException e) {
            PageMessages.errorText(e.getMessage());
        }
    }

    /** The poll: reads the order again. */
    public void refresh() {
        polls++;
        orders.byReference(reference).ifPresent(o -> order = o);
    }

    /**
     * Nothing more will change by waiting: stop polling. A buyer may be paying again after a decline, so a failed
     * order is watched too, but no page polls for longer than {@link #MAX_POLLS} seconds.
     */
    public boolean isSettled() {
        return order == null || !order.status().isAwaitingPayment() || polls >= MAX_POLLS;
    }

    public Order getOrder() {
        return order;
    }

    public String getRef() {
        return reference;
    }

    public void setRef(String reference) {
        this.reference = reference;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void setCancelled(boolean cancelled) {
        this.cancelled = cancelled;
    }
}
