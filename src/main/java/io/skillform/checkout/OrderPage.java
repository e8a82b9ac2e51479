package io.skillform.checkout;

import io.skillform.catalog.Catalog;
import io.skillform.delivery.DeliveryException;
import io.skillform.delivery.Library;
import io.skillform.platform.PageMessages;
import io.skillform.platform.PageResponses;
import io.skillform.storage.Sizes;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
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

    @Inject
    private transient Catalog catalog;

    @Inject
    private transient Library library;

    private String reference;
    private boolean cancelled;
    private Order order;
    private int polls;
    /** What was bought, to buy it again after leaving the payment page; empty when it is no longer for sale. */
    private Long productId;
    private String productPath;

    static final int MAX_POLLS = 300;

    public void load() throws IOException {
        Optional<Order> found = orders.byReference(reference);
        if (found.isEmpty()) {
            PageResponses.notFound();
            return;
        }
        order = found.get();
        order.items().stream().findFirst().flatMap(item -> catalog.findPublished(item.productId())).ifPresent(product -> {
            productId = product.id();
            productPath = "/@" + product.store().handle() + "/" + product.slug();
        });
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

    /** Once paid, the downloads are right here, without waiting for the receipt. */
    public List<Library.FileEntry> getFiles() {
        return order != null && order.purchase().entitled() ? library.filesOf(order.id()) : List.of();
    }

    public String size(long bytes) {
        return Sizes.format(bytes);
    }

    public void download(long grantId) throws IOException {
        try {
            FacesContext.getCurrentInstance().getExternalContext().redirect(library.linkInOrder(order.id(), grantId).url());
        } catch (DeliveryException refused) {
            PageMessages.errorText(refused.getMessage());
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

    /** The buyer left the payment page, or let it expire: nothing was charged, and they may try again. */
    public boolean isLeft() {
        return order.status() == OrderStatus.EXPIRED || (cancelled && order.status().isAwaitingPayment());
    }

    public Long getProductId() {
        return productId;
    }

    public String getProductPath() {
        return productPath;
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
