package io.skillform.webhook;

import io.skillform.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order as its webhooks report it, handed over by the checkout in the transaction that changed it.
 * {@code status} is the API's name for it ("partially_refunded"); {@code disputeOutcome} is null, OPEN, WON or LOST.
 */
public record OrderState(long orderId, String reference, long storeId, String status, Money total, Money refunded,
                         String disputeOutcome, Instant paidAt, String buyerEmail, List<Item> items) {

    /** One product bought, with its title and amount as they were at the time. */
    public record Item(long productId, String title, Money amount) {
    }

    public OrderState {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(status, "status");
        items = List.copyOf(items);
    }
}
