package io.skillform.delivery;

import io.skillform.identity.EmailAddress;
import io.skillform.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an order's state says about delivery, as the checkout knows it: who bought what, and whether the buyer is
 * entitled to it right now (paid, and neither refunded in full nor disputed).
 */
public record Purchase(long orderId, String reference, long storeId, EmailAddress buyer, Long buyerAccountId,
                       boolean entitled, String notEntitledBecause, Instant paidAt, Money total, Money refunded, List<Item> items) {

    /** One product bought, with its title and amount as they were at the time. */
    public record Item(long productId, String title, Money amount) {
    }

    public Purchase {
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(refunded, "refunded");
        items = List.copyOf(items);
        if (entitled) {
            Objects.requireNonNull(paidAt, "paidAt");
        } else {
            Objects.requireNonNull(notEntitledBecause, "notEntitledBecause");
        }
    }
}
